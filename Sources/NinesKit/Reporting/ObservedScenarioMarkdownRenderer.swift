/// `nines scenario --observed --format markdown`: one table per scenario, for pull-request comments.
struct ObservedScenarioMarkdownRenderer: ReportRenderer {
    func render(_ report: ObservedScenarioReport) -> String {
        var out = "## \(cell(report.system)): experiments against the prediction\n"
        for entry in report.scenarios {
            out += "\n### \(MarkdownText.code(entry.name))\n\n\(cell(ObservedScenarioWording.heading(entry)))\n\n"
            for source in entry.sources { out += "- observed by \(cell(ObservedScenarioWording.source(source)))\n" }
            if let fault = ObservedScenarioWording.fault(entry) { out += "- fault \(cell(fault))\n" }
            out += "\n| objective | verdict | survival | recovery | data lost |\n|---|---|---|---|---|\n"
            for objective in entry.objectives {
                let fields = [ObservedScenarioWording.verdict(objective), ObservedScenarioWording.survival(objective),
                              ObservedScenarioWording.recovery(objective, policy: entry.policyRTOHours),
                              ObservedScenarioWording.data(objective, policy: entry.policyRPOHours)]
                out += "| " + ([MarkdownText.code(objective.objective)] + fields.map(cell)).joined(separator: " | ") + " |\n"
            }
        }
        return out + "\n**\(report.holds ? "OK" : "FAIL")**: \(cell(ObservedScenarioWording.summary(report)))\n"
    }

    private func cell(_ text: String) -> String { MarkdownText.inline(text) }
}
