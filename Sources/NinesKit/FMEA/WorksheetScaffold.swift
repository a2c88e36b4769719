/// A worksheet for a workshop to fill: one block per component (in model order) with its kind's
/// prompts, and the process/people prompts once on each front-door (root) component.
package enum WorksheetScaffold {
    public static func build(for model: SystemModel) -> FMEAWorksheet {
        var rows: [FailureMode] = []
        let roots = Set(model.roots.map(\.name))
        for component in model.components {
            var kinds = [FailureModeCatalogue.kind(of: component)]
            if roots.contains(component.name) { kinds.append(.process) }
            var number = 0
            for kind in kinds {
                for prompt in FailureModeCatalogue.prompts(for: kind) {
                    number += 1
                    rows.append(FailureMode(id: "\(component.name)-\(number)", component: component.name,
                                            layer: FailureModeCatalogue.layer(of: kind), mode: prompt))
                }
            }
        }
        return FMEAWorksheet(failureModes: rows)
    }
}
