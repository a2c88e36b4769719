/// `nines export --format sloth`: a sloth spec (sloth.dev, `prometheus/v1`) with one SLO per
/// objective that has a target and an `sli:`. Sloth wants bad events: `error_query` is total
/// minus good; an up series becomes a `raw` error ratio. Sloth generates its own multi-window
/// alerts for a 30-day period (its default); give `--default-slo-period` for another window.
package enum SlothExport {
    public static func yaml(_ model: SystemModel) throws(DiagnosticError) -> String {
        let objectives = ExportedObjective.all(in: model, requireSLI: true)
        try SLOExportRequirement.check(objectives, model: model, format: "sloth")
        var lines = [SLOExportRequirement.header(model, format: "sloth spec")
                        + "# Windows of the objectives: " + objectives.map { "\($0.objective.name) \($0.window)" }.joined(separator: ", ")
                        + " (sloth's default period is 30d).",
                     "version: \"prometheus/v1\"",
                     "service: \(YAMLQuoted.string(ExportedObjective.slugged(model.name)))",
                     "labels:",
                     "  system: \(YAMLQuoted.string(model.name))",
                     "slos:"]
        for exported in objectives {
            guard let sli = exported.objective.sli else { continue }
            lines += ["  - name: \(YAMLQuoted.string(exported.slug))",
                      "    objective: \(SLOExportRequirement.number(exported.target.up * 100))",
                      "    description: \(YAMLQuoted.string(exported.objective.description ?? "Objective \(exported.objective.name) from the nines model"))",
                      "    sli:"]
            switch sli {
            case .ratio(let good, let total):
                lines += ["      events:",
                          "        error_query: " + YAMLQuoted.string("sum(rate(\(total)[{{.window}}])) - sum(rate(\(good)[{{.window}}]))"),
                          "        total_query: " + YAMLQuoted.string("sum(rate(\(total)[{{.window}}]))")]
            case .up(let up):
                lines += ["      raw:",
                          "        error_ratio_query: " + YAMLQuoted.string("1 - avg(avg_over_time(\(up)[{{.window}}]))")]
            }
            lines += ["    alerting:",
                      "      name: \(YAMLQuoted.string("NinesBudgetBurn-" + exported.slug))",
                      "      labels:",
                      "        objective: \(YAMLQuoted.string(exported.objective.name))",
                      "      page_alert:",
                      "        labels:",
                      "          severity: page",
                      "      ticket_alert:",
                      "        labels:",
                      "          severity: ticket"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
