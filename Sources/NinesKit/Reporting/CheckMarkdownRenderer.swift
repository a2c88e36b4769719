/// `nines check` as Markdown for a pull-request comment: a verdict heading, one table row per
/// result, details for those that do not pass, and the calendar the figures use.
struct CheckMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        let verdict = report.holds ? "✅ all objectives hold" : "❌ \(report.failed) of \(report.results.count) checks fall short"
        lines.append("### nines check: \(Self.cell(report.system)) — \(verdict)")
        lines.append("")
        lines.append("| | Check | Result |")
        lines.append("|---|---|---|")
        for result in report.results {
            lines.append("| \(Self.icon(result.status)) | \(MarkdownText.code(result.id)) | \(Self.cell(result.message)) |")
        }
        let explained = report.results.filter { $0.status != .pass && !$0.details.isEmpty }
        if !explained.isEmpty {
            lines.append("")
            for result in explained {
                lines.append("<details><summary>\(Self.html(result.id))</summary>")
                lines.append("")
                lines.append(contentsOf: result.details.map { "- " + Self.cell($0) })
                lines.append("")
                lines.append("</details>")
            }
        }
        lines.append("")
        var footer = "\(CheckSummary.line(report)). Calendar: \(report.calendar)"
        if report.minMargin > 0 { footer += "; required margin \(SLAText.percent(report.minMargin)) of each budget" }
        if let overrides = Format.overrides(report.overrides) { footer += "; " + overrides }
        lines.append("<sub>\(Self.cell(footer)); model: \(report.sources.map(Self.cell).joined(separator: ", ")).</sub>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func icon(_ status: CheckResult.Status) -> String {
        switch status {
        case .pass: return "✅"
        case .fail: return "❌"
        case .warning: return "⚠️"
        }
    }

    /// Model text in a table cell or list item, inert (`MarkdownText.inline`).
    static func cell(_ text: String) -> String { MarkdownText.inline(text) }

    /// Model text inside an HTML block (`<summary>` after `<details>`), inert (`MarkdownText.html`).
    static func html(_ text: String) -> String { MarkdownText.html(text) }
}
