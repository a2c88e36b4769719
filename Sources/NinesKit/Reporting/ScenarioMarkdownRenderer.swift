/// `nines scenario --format markdown`: one table per scenario, for pull-request comments.
struct ScenarioMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: ScenarioReport) -> String {
        var out = "## \(cell(report.system)): disruption scenarios\n"
        if report.scenarios.isEmpty { out += "\nNo scenarios: add `scenarios:` to the model or give `--down`.\n" }
        for entry in report.scenarios {
            out += "\n### \(MarkdownText.code(entry.name))\n\n\(cell(ScenarioWording.heading(entry)))"
            if let description = entry.description { out += "; \(cell(Format.oneLine(description)))" }
            out += "\n\n| objective | survives | availability while it lasts | recovery | data at risk | single points of failure |\n"
            out += "|---|---|---:|---|---|---|\n"
            for outcome in entry.objectives {
                let fields = [ScenarioWording.survival(outcome), ScenarioWording.availability(outcome),
                              ScenarioWording.recovery(outcome), ScenarioWording.dataAtRisk(outcome),
                              ScenarioWording.singlePoints(outcome) ?? "–"]
                out += "| " + ([MarkdownText.code(outcome.objective)] + fields.map(cell)).joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    private func cell(_ text: String) -> String { MarkdownText.inline(text) }
}
