/// Words for the per-pattern savings, shared by the text, Markdown and HTML reports.
enum PatternSavingsText {
    static let heading = "What each pattern buys"
    static let explanation = "downtime per period of the same model without the pattern, minus this model's"

    /// "saves 1.9 h", "costs 2 min", "no change".
    static func effect(_ saving: PatternSavingsReport.Saving) -> String {
        let hours = saving.savedHours
        guard abs(saving.savedUnavailability) > 1e-15 else { return "no change" }
        return (hours > 0 ? "saves " : "costs ") + Format.duration(hours: abs(hours))
    }
}

extension TextReportRenderer {
    /// One block per objective: each pattern in use and what it saves per the objective's period.
    func render(_ savings: [PatternSavingsReport]) -> [String] {
        var out = [bold(PatternSavingsText.heading.lowercased()) + " (\(PatternSavingsText.explanation))"]
        for objective in savings {
            out.append("  \(objective.objective) (per \(objective.period))")
            for saving in objective.savings {
                out.append("    " + saving.pattern.padding(toLength: 17, withPad: " ", startingAt: 0) + PatternSavingsText.effect(saving))
            }
        }
        return out
    }
}

extension HTMLReportSections {
    /// The per-pattern savings as a table: one row per objective and pattern.
    func patternSavings() -> [String] {
        guard let savings = report.patternSavings, !savings.isEmpty else { return [] }
        var out = ["<h2>\(PatternSavingsText.heading)</h2>", "<p class=\"muted\">\(e(PatternSavingsText.explanation)).</p>",
                   "<table><tr><th>Objective</th><th>Pattern</th><th class=\"num\">Downtime per period</th></tr>"]
        for objective in savings {
            for saving in objective.savings {
                out.append("<tr><td>\(e(objective.objective))</td><td>\(e(saving.pattern))</td>"
                           + "<td class=\"num\">\(e(PatternSavingsText.effect(saving))) per \(e(objective.period))</td></tr>")
            }
        }
        out.append("</table>")
        return out
    }
}
