/// `nines export --format prometheus-rules`: a Prometheus rule file with, per objective that has
/// a target and an `sli:`, recording rules for its error ratio over each window the alerts use
/// and the SRE workbook's multi-window, multi-burn-rate alerts (`BurnRateAlerts`). Each alert says
/// in a comment and an annotation what share of the objective's own error budget is spent when it
/// fires; an alert that can never fire is left out, with a comment saying why.
package enum PrometheusRulesExport {
    public static func yaml(_ model: SystemModel) throws(DiagnosticError) -> String {
        let objectives = ExportedObjective.all(in: model, requireSLI: true)
        try SLOExportRequirement.check(objectives, model: model, format: "prometheus-rules")
        var lines = [SLOExportRequirement.header(model, format: "Prometheus recording and alerting rules")
                        + "# Alerts: Google SRE workbook, \"Alerting on SLOs\" (multiwindow, multi-burn-rate).",
                     "groups:"]
        for exported in objectives {
            guard let sli = exported.objective.sli else { continue }
            let name = exported.objective.name
            let windows = Set(exported.alerts.alerts.flatMap { [$0.pair.long, $0.pair.short] }).sorted()
            lines += ["  - name: \(YAMLQuoted.string("nines-" + exported.slug))",
                      "    rules:"]
            for window in windows {
                let text = ExportedObjective.duration(hours: window)
                lines += ["      - record: nines:error_ratio:rate\(text)",
                          "        expr: \(YAMLQuoted.string(SLIQuery.errorRatio(sli, window: text)))",
                          "        labels:",
                          "          objective: \(YAMLQuoted.string(name))"]
            }
            let budget = SLOExportRequirement.number(exported.target.down)
            for alert in exported.alerts.alerts {
                let long = ExportedObjective.duration(hours: alert.pair.long), short = ExportedObjective.duration(hours: alert.pair.short)
                let burn = SLOExportRequirement.number(alert.pair.burnRate)
                let share = SLOExportRequirement.number((alert.budgetShare * 1000).rounded() / 10) + "%"
                let explained = "\(long)/\(short) at \(burn)x burn: fires once \(share) of the \(exported.window) error budget is spent "
                    + "(\(burn) x \(long) / \(exported.window))"
                switch alert.neverFires {
                case .thresholdUnreachable?:
                    lines.append("      # \(long)/\(short) at \(burn)x burn left out: it would need an error ratio of "
                                 + "\(SLOExportRequirement.number(alert.threshold)) (\(burn) x the budget \(budget)), more than every request failing.")
                    continue
                case .budgetSpentFirst?:
                    lines.append("      # \(long)/\(short) at \(burn)x burn left out: it fires only after \(share) of the \(exported.window) "
                                 + "error budget is spent, the whole budget and more.")
                    continue
                case nil:
                    break
                }
                let threshold = "\(burn) * \(budget)"
                lines += ["      # \(explained).",
                          "      - alert: NinesErrorBudgetBurn",
                          "        expr: " + YAMLQuoted.string("nines:error_ratio:rate\(long){objective=\"\(name)\"} > (\(threshold)) and "
                                                              + "nines:error_ratio:rate\(short){objective=\"\(name)\"} > (\(threshold))"),
                          "        labels:",
                          "          severity: \(alert.pair.severity)",
                          "          objective: \(YAMLQuoted.string(name))",
                          "          windows: \(long)/\(short)",
                          "        annotations:",
                          "          summary: " + YAMLQuoted.string("Objective \(name) (target \(SLOExportRequirement.number(exported.target.up * 100))%) "
                                                                     + "is burning its error budget \(burn)x too fast"),
                          "          budget_consumed: \(YAMLQuoted.string(explained))"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
