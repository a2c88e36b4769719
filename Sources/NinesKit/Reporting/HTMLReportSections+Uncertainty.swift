extension HTMLReportSections {
    /// Each objective's availability percentiles over the model's uncertain inputs.
    func uncertainty() -> [String] {
        guard let uncertainty = report.uncertainty else { return [] }
        var lines = ["<section id=\"uncertainty\">", "<h2>Input uncertainty</h2>",
                     "<p class=\"muted small\">The figures above take every uncertain input at its median. Drawing the inputs "
                     + "(\(e(Format.count(uncertainty.samples))) Latin hypercube draws, seed \(uncertainty.seed)) gives each "
                     + "objective's availability as a distribution: " + e(uncertainty.inputs.map { "\($0.component) \($0.text)" }.joined(separator: "; "))
                     + ".</p>",
                     "<table><thead><tr><th>objective</th><th class=\"num\">at the medians</th><th class=\"num\">5th percentile</th>"
                     + "<th class=\"num\">median</th><th class=\"num\">95th percentile</th><th class=\"num\">downtime</th>"
                     + "<th>meets its target</th></tr></thead><tbody>"]
        for item in uncertainty.objectives {
            let at = percent(item.availabilityAtMedians, item.unavailabilityAtMedians)
            guard item.notPropagated == nil else {
                lines.append("<tr><td><strong>\(e(item.objective))</strong></td><td class=\"num\">\(at)</td>"
                             + "<td colspan=\"5\" class=\"small muted\">not propagated: \(e(item.notPropagated ?? ""))</td></tr>")
                continue
            }
            let meeting = UncertaintyTextSection.meeting(item, samples: uncertainty.samples) ?? "—"
            lines.append("<tr><td><strong>\(e(item.objective))</strong></td><td class=\"num\">\(at)</td>"
                         + "<td class=\"num\">\(percent(item.availabilityP5, item.unavailabilityP95))</td>"
                         + "<td class=\"num\">\(percent(item.availabilityP50, item.unavailabilityP50))</td>"
                         + "<td class=\"num\">\(percent(item.availabilityP95, item.unavailabilityP5))</td>"
                         + "<td class=\"num\">\(hours(item.downtimeHoursP95))–\(hours(item.downtimeHoursP5)) / \(e(item.period))</td>"
                         + "<td>\(e(meeting))</td></tr>")
        }
        lines += ["</tbody></table>", "</section>"]
        return lines
    }
}
