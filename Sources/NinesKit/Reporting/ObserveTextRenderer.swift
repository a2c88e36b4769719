/// `nines observe` for a terminal (or, with `markdown`, a pull-request comment): a table of
/// objectives with target, predicted and measured availability and the budget spent, then the
/// counts and queries behind each figure.
package struct ObserveTextRenderer: ReportRenderer {
    public let markdown: Bool

    public init(markdown: Bool = false) { self.markdown = markdown }

    public func render(_ report: ObserveReport) -> String {
        let heading = "\(name(report.system)): measured by \(name(report.server)), window ending \(report.end)"
        var out = markdown ? "## \(heading)\n\n" : "\(heading)\n\n"
        let header = ["objective", "target", "predicted", "measured", "window", "downtime", "budget spent", ""]
        let rows = report.objectives.map { item -> [String] in
            [name(item.objective), item.target.map { Format.target(Probability(availability: $0)) } ?? "–",
             Format.percent(Probability(up: item.predictedAvailability, down: item.predictedUnavailability)),
             Format.percent(Probability(up: item.measuredAvailability, down: item.measuredUnavailability)),
             Format.duration(hours: item.windowHours), Format.duration(hours: item.measuredDowntimeHours),
             item.budgetSpentShare.map(Format.share) ?? "–",
             item.measuredHolds.map { $0 ? "met" : "missed" } ?? ""]
        }
        out += markdown ? table(header, rows) : columns(header, rows)
        out += "\n"
        for item in report.objectives {
            var line = "\(name(item.objective)): predicted downtime over the window \(Format.duration(hours: item.predictedDowntimeHours))"
            if let budget = item.budgetHours { line += ", budget \(Format.duration(hours: budget)) per \(Format.duration(hours: item.periodHours))" }
            if let good = item.good, let total = item.total {
                line += "; \(Self.events(good)) good of \(Self.events(total)) events"
            }
            out += (markdown ? "- " : "") + line + "\n"
            for query in item.queries { out += (markdown ? "  - " : "    ") + code(query) + "\n" }
        }
        if !report.notMeasured.isEmpty {
            out += (markdown ? "\n" : "") + "not measured (no 'sli'): " + report.notMeasured.map(name).joined(separator: ", ") + "\n"
        }
        return out
    }

    /// An event count: increase() extrapolates, so a count may have a fraction; shown to 0.1.
    static func events(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? Format.count(Int(value)) : String(format: "%.1f", value)
    }

    private func name(_ text: String) -> String { markdown ? MarkdownText.inline(text) : text }

    private func code(_ text: String) -> String { markdown ? MarkdownText.code(text) : text }

    private func columns(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.indices.map { Format.column(row[$0], widths[$0], right: $0 > 0 && $0 < row.count - 1) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { $0 == 0 ? "---" : "---:" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
