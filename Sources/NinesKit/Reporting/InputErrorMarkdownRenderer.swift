/// Input errors as Markdown for a pull-request comment: the verdict heading, then an "Errors"
/// section with each diagnostic at its `file:line:column`, so the comment says why nothing was
/// checked instead of staying empty.
struct InputErrorMarkdownRenderer: ReportRenderer {
    package init() {}

    package func render(_ report: InputErrorReport) -> String {
        typealias Cell = CheckMarkdownRenderer
        var lines = ["### nines check — ❌ invalid input", "", "#### Errors", ""]
        for diagnostic in report.diagnostics {
            let place = diagnostic.location.map { MarkdownText.code($0.description) + ": " } ?? ""
            lines.append("- \(place)\(diagnostic.severity.rawValue): \(Cell.cell(diagnostic.message))")
        }
        lines.append("")
        lines.append("<sub>\(Cell.cell(report.summary)); input: \(report.sources.map(Cell.cell).joined(separator: ", ")).</sub>")
        return lines.joined(separator: "\n") + "\n"
    }
}
