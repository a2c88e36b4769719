extension HTMLReportSections {
    /// The resiliency policies of the SLA prediction: one row per scenario judged, under its policy.
    func policies() -> [String] {
        guard let policies = report.policies, !policies.isEmpty else { return [] }
        var lines = ["<section id=\"policies\">", "<h2>Resiliency policies</h2>",
                     "<p class=\"muted small\">Each policy allows a recovery time and a data loss to one class of disruption; "
                     + "each scenario of that class is judged by its slowest recovery and its most data at risk over every "
                     + "objective, as <code>nines scenario</code> and <code>nines check</code> give them.</p>",
                     "<table><thead><tr><th>policy</th><th>scenario</th><th>down</th><th>recovery</th><th>data at risk</th></tr></thead><tbody>"]
        for policy in policies {
            let head = "<td><strong>\(e(policy.disruptionClass))</strong><br><span class=\"muted small\">\(e(PolicyText.limits(policy)))</span></td>"
            if policy.scenarios.isEmpty {
                lines.append("<tr>\(head)<td colspan=\"4\" class=\"muted\">no scenario of its class</td></tr>")
            }
            for scenario in policy.scenarios {
                lines.append("<tr>\(head)<td>\(e(scenario.scenario))</td><td>\(e(scenario.down.joined(separator: ", ")))</td>"
                             + "<td>\(e(PolicyText.recovery(scenario))) \(check(scenario.rtoHolds))</td>"
                             + "<td>\(e(PolicyText.dataAtRisk(scenario))) \(check(scenario.rpoHolds))</td></tr>")
            }
        }
        lines += ["</tbody></table>", "</section>"]
        return lines
    }
}
