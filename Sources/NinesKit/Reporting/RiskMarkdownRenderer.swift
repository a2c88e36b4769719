/// The ranked risk list as a Markdown table, for pull-request comments and wikis.
struct RiskMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: RiskReport) -> String {
        var out = "## \(Self.cell(report.system)): ranked risks\n\n"
        out += "\(report.risks.count) of \(report.totalFailureModes) failure modes; scoring: \(report.scoring); "
            + "order: \(report.order); period: \(report.period).\n\n"
        out += "| # | AP | RPN | S | O | D | id | component | layer | failure mode | effect on users | action | owner | status | after | downtime/\(report.period) | budget |\n"
        out += "|---:|:-:|---:|---:|---:|---:|---|---|---|---|---|---|---|---|---|---:|---:|\n"
        for risk in report.risks {
            let after = risk.rpnAfter.map { "RPN \($0), \(risk.priorityAfter ?? "-")" } ?? ""
            let budget = risk.objectives.compactMap { cost in cost.budgetShare.map { "\(Self.cell(cost.objective)) \(Format.share($0))" } }
                .joined(separator: "<br>")
            let fields: [String] = [
                String(risk.rank), risk.priority ?? "–", risk.rpn.map(String.init) ?? "–",
                risk.severity.map(String.init) ?? "–", risk.occurrence.map(String.init) ?? "–", risk.detection.map(String.init) ?? "–",
                MarkdownText.code(risk.id), Self.cell(risk.component), Self.cell(risk.layer), Self.cell(risk.failureMode), Self.cell(risk.effectEndUser ?? ""),
                Self.cell(risk.recommendedAction ?? ""), Self.cell(risk.owner ?? ""), risk.status, after,
                risk.downtimeHours.map { Format.duration(hours: $0) } ?? "", budget,
            ]
            out += "| " + fields.joined(separator: " | ") + " |\n"
        }
        let partial = report.rowsWithPartialEffect
        if !partial.isEmpty {
            out += "\n" + RiskReport.effectProbabilityNote + ": "
                + partial.map { "`\($0.id)` \(Format.share($0.effectProbability ?? 1))" }.joined(separator: ", ") + ".\n"
        }
        if !report.components.isEmpty {
            out += "\n| component | quantified modes | unavailability from modes | model's own | downtime/\(report.period) |\n"
            out += "|---|---:|---:|---:|---:|\n"
            for component in report.components {
                out += "| \(Self.cell(component.component)) | \(component.quantifiedFailureModes) | \(Format.small(component.unavailability)) | "
                    + "\(Format.small(component.modelUnavailability)) | \(Format.duration(hours: component.downtimeHours)) |\n"
            }
        }
        return out
    }

    /// Worksheet text in a table cell, inert (`MarkdownText.inline`); its line breaks as <br>.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { MarkdownText.inline(String($0)) }.joined(separator: "<br>")
    }
}
