/// `nines report --format markdown`: the objectives and what each pattern buys, as tables for a
/// pull-request comment or a job summary. Model text is made inert (`MarkdownText`).
package struct ReportMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: AvailabilityReport) -> String {
        let m = MarkdownText.inline
        var out = ["## \(m(report.system))", "",
                   "period: \(m(report.period)) (\(Format.duration(hours: report.periodHours))); calendar: \(m(report.calendar))", "",
                   "| Figure | Measure | Availability | Downtime per period | Target |", "|---|---|---|---|---|"]
        for figure in report.figures {
            let name = figure.kind == .system ? "system (every top-level component up)" : m(figure.name)
            let target: String
            if let value = figure.targetProbability {
                target = Format.target(value) + (figure.meetsTarget == true ? " ✓" : figure.meetsTarget == false ? " ✗" : "")
            } else {
                target = "none"
            }
            out.append("| \(name) | \(figure.measure) | \(Format.percent(Probability(up: figure.availability, down: figure.unavailability))) "
                       + "| \(Format.duration(hours: figure.downtimeHours)) per \(m(figure.period)) | \(target) |")
        }
        if let savings = report.patternSavings, !savings.isEmpty {
            out += ["", "### \(PatternSavingsText.heading)", "", PatternSavingsText.explanation.prefix(1).uppercased()
                    + PatternSavingsText.explanation.dropFirst() + ".", "",
                    "| Objective | Pattern | Effect |", "|---|---|---|"]
            for objective in savings {
                for saving in objective.savings {
                    out.append("| \(m(objective.objective)) | \(saving.pattern) | \(PatternSavingsText.effect(saving)) per \(m(objective.period)) |")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
