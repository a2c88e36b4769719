@testable import NinesKit

/// Writes a `SystemModel` built in code as model-file text (format version 1), so tests can push
/// generated models through the real loader. Numbers use Swift's shortest round-trip form.
enum ModelYAML {
    static func text(of model: SystemModel) -> String {
        var lines = ["version: 1", "system: \(model.name)", "period: \(model.period.name)", "components:"]
        for component in model.components {
            var fields = [figures(component.figures)]
            if component.replicas != 1 { fields.append("replicas: \(component.replicas)") }
            if component.needs != 1 { fields.append("needs: \(component.needs)") }
            if component.commonCause > 0 { fields.append("common_cause: \(component.commonCause)") }
            if component.layer != "software" { fields.append("layer: \(component.layer)") }
            if component.responsibility != .ours { fields.append("responsibility: \(component.responsibility.rawValue)") }
            if !component.dependencies.isEmpty {
                fields.append("depends_on: [" + component.dependencies.map(dependency).joined(separator: ", ") + "]")
            }
            lines.append("  \(component.name): { " + fields.joined(separator: ", ") + " }")
        }
        if !model.objectives.isEmpty {
            lines.append("objectives:")
            for objective in model.objectives {
                let place = objective.components.count == 1 && objective.measure == .availability
                    ? "at: \(objective.components[0])" : "path: [" + objective.components.joined(separator: ", ") + "]"
                lines.append("  \(objective.name): { measure: \(objective.measure.rawValue), \(place) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func figures(_ figures: UnitFigures) -> String {
        switch figures {
        case .availability(let p, let mttr): return "availability: \(p.up)" + (mttr.map { ", mttr: \($0)h" } ?? "")
        case .mtbf(let mtbf, let mttr): return "mtbf: \(mtbf)h, mttr: \(mttr)h"
        case .rate(let rate, let mttr): return "rate: \(rate)/h, mttr: \(mttr)h"
        }
    }

    static func dependency(_ dependency: Dependency) -> String {
        switch dependency {
        case .component(let name, _): return name
        case .group(1, let members, _): return "{ any: [" + members.joined(separator: ", ") + "] }"
        case .group(let k, let members, _): return "{ k_of: { k: \(k), of: [" + members.joined(separator: ", ") + "] } }"
        }
    }
}
