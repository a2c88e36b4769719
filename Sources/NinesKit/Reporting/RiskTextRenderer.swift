import Foundation

/// The ranked risk list for a terminal, readable at 80 columns.
struct RiskTextRenderer {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ report: RiskReport) -> String {
        var lines = [bold("\(report.system): ranked risks")]
        lines.append("scoring: \(report.scoring); order: \(report.order); period: \(report.period) "
                     + "(\(Format.duration(hours: report.periodHours)))")
        lines.append("")
        lines.append(contentsOf: section(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table and its notes, without the title: also the "ranked risks" section of `nines report`.
    public func section(_ report: RiskReport) -> [String] {
        var lines: [String] = []
        let shown = report.risks.count
        lines.append(bold("ranked risks") + " (\(shown) of \(report.totalFailureModes) failure mode\(report.totalFailureModes == 1 ? "" : "s");"
                     + " downtime per \(report.period))")
        if report.risks.isEmpty {
            lines.append("  no failure mode matches")
            return lines
        }
        let idWidth = min(24, max(2, report.risks.map(\.id.count).max() ?? 2))
        let showDowntime = report.risks.contains { $0.downtimeHours != nil }
        let modeWidth = 80 - 2 - 24 - idWidth - 1 - (showDowntime ? 10 : 0)
        func row(_ rank: String, _ priority: String, _ rpn: String, _ scores: [String], _ id: String, _ mode: String, _ downtime: String) -> String {
            var line = "  " + Format.column(rank, 3, right: true) + "  " + paint(Format.column(priority, 2)) + " "
                + Format.column(rpn, 4, right: true) + "  " + scores.map { Format.column($0, 2, right: true) }.joined(separator: " ")
                + "  " + Format.column(id, idWidth) + " " + Format.column(mode, modeWidth)
            if showDowntime { line += " " + Format.column(downtime, 9, right: true) }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        lines.append(row("#", "AP", "RPN", ["S", "O", "D"], "id", "failure mode", "downtime"))
        let indent = String(repeating: " ", count: 2 + 24)
        for risk in report.risks {
            let scores = [risk.severity, risk.occurrence, risk.detection].map { $0.map(String.init) ?? "-" }
            lines.append(row(String(risk.rank), risk.priority ?? "-", risk.rpn.map(String.init) ?? "-", scores, risk.id, risk.failureMode,
                             risk.downtimeHours.map { Format.duration(hours: $0) } ?? ""))
            let about = [risk.component, risk.layer, risk.status] + (risk.owner.map { [$0] } ?? [])
            lines.append(clip(indent + Format.oneLine(about.joined(separator: " · ")), 80))
        }
        let partial = report.rowsWithPartialEffect
        if showDowntime && !partial.isEmpty {
            lines.append(clip("  " + RiskReport.effectProbabilityNote + ":", 80))
            lines.append(clip("    " + partial.map { "\($0.id) \(Format.share($0.effectProbability ?? 1))" }.joined(separator: ", "), 80))
        }
        let actions = report.risks.filter { $0.rpnAfter != nil }
        if !actions.isEmpty {
            lines.append("  after actions:")
            for risk in actions {
                guard let before = risk.rpn, let after = risk.rpnAfter else { continue }
                lines.append("    " + Format.column(risk.id, 11) + " RPN \(before) → \(after), AP \(risk.priority ?? "-") → "
                             + "\(risk.priorityAfter ?? "-") (\(risk.status)\(risk.owner.map { ", " + Format.oneLine($0) } ?? ""))")
            }
        }
        let costly = report.risks.compactMap { risk in
            risk.objectives.filter { $0.budgetShare != nil }.max { ($0.budgetShare!, $1.objective) < ($1.budgetShare!, $0.objective) }
                .map { (risk, $0) }
        }
        if !costly.isEmpty {
            lines.append("  error budget taken (on the objective strained most, per its period):")
            for (risk, cost) in costly {
                lines.append(clip("    " + Format.column(risk.id, 11) + " \(cost.objective): \(Format.duration(hours: cost.downtimeHours))"
                                  + " = \(Format.share(cost.budgetShare!)) of its budget", 80))
            }
        }
        if !report.components.isEmpty {
            lines.append("  unavailability from failure modes (model's own figure):")
            for component in report.components {
                lines.append(clip("    " + Format.column(component.component, 18) + " "
                                  + Format.column(Format.small(component.unavailability), 9, right: true)
                                  + " (\(Format.small(component.modelUnavailability))), "
                                  + "\(Format.duration(hours: component.downtimeHours))/\(report.period)", 80))
            }
        }
        return lines
    }

    func clip(_ text: String, _ width: Int) -> String { text.count > width ? String(text.prefix(width - 1)) + "…" : text }
    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func paint(_ priority: String) -> String {
        let letter = priority.trimmingCharacters(in: .whitespaces)
        guard colour, ["H", "M", "L"].contains(letter) else { return priority }
        let code = letter == "H" ? 31 : letter == "M" ? 33 : 32
        return "\u{1B}[\(code)m\(priority)\u{1B}[0m"
    }
}
