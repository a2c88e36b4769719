/// `nines export --format openslo`: OpenSLO v1 documents (github.com/OpenSLO/OpenSLO, "v1"): one
/// `Service` for the system, and per objective with a target and an `sli:` an `SLI` (a ratio of
/// Prometheus counters, or a threshold metric for `up:`) and an `SLO` over the objective's rolling
/// window, occurrence budgeting. Objectives without `sli:` are listed in a comment.
package enum OpenSLOExport {
    public static func yaml(_ model: SystemModel) throws(DiagnosticError) -> String {
        let objectives = ExportedObjective.all(in: model, requireSLI: true)
        try SLOExportRequirement.check(objectives, model: model, format: "openslo")
        let service = ExportedObjective.slugged(model.name)
        var documents = [
            SLOExportRequirement.header(model, format: "OpenSLO v1") + """
            apiVersion: openslo/v1
            kind: Service
            metadata:
              name: \(service)
              displayName: \(YAMLQuoted.string(model.name))
            spec:
              description: \(YAMLQuoted.string(model.description ?? "Modelled with nines"))
            """,
        ]
        for exported in objectives {
            guard let sli = exported.objective.sli else { continue }
            let indicator: String
            switch sli {
            case .ratio(let good, let total):
                indicator = """
                  ratioMetric:
                    counter: true
                    good:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: \(YAMLQuoted.string(good))
                    total:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: \(YAMLQuoted.string(total))
                """
            case .up(let up):
                indicator = """
                  thresholdMetric:
                    metricSource:
                      type: Prometheus
                      spec:
                        query: \(YAMLQuoted.string(up))
                """
            }
            documents.append("""
            apiVersion: openslo/v1
            kind: SLI
            metadata:
              name: \(exported.slug)-sli
              displayName: \(YAMLQuoted.string(exported.objective.name + " (indicator)"))
            spec:
              description: \(YAMLQuoted.string("What monitoring measures for objective " + exported.objective.name))
            \(indicator)
            """)
            let threshold = sli.isUp ? "\n      op: gte\n      value: 1" : ""
            documents.append("""
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: \(exported.slug)
              displayName: \(YAMLQuoted.string(exported.objective.name))
            spec:
              description: \(YAMLQuoted.string(exported.objective.description ?? "\(exported.objective.kind.rawValue.uppercased()) \(exported.objective.name) from the nines model"))
              service: \(service)
              indicatorRef: \(exported.slug)-sli
              budgetingMethod: Occurrences
              timeWindow:
                - duration: \(exported.window)
                  isRolling: true
              objectives:
                - displayName: \(YAMLQuoted.string(exported.objective.name))\(threshold)
                  target: \(SLOExportRequirement.number(exported.target.up))
            """)
        }
        return documents.joined(separator: "\n---\n") + "\n"
    }
}

extension ServiceLevelIndicator {
    var isUp: Bool { if case .up = self { true } else { false } }
}
