/// Input errors as GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message`
/// per diagnostic, so an invalid model is annotated in the pull request at the offending line
/// (escaped as `CheckGitHubRenderer` escapes results); then the summary.
struct InputErrorGitHubRenderer: ReportRenderer {
    package init() {}

    package func render(_ report: InputErrorReport) -> String {
        var lines: [String] = []
        for diagnostic in report.diagnostics {
            var properties: [String] = []
            if let location = diagnostic.location {
                properties = ["file=" + CheckGitHubRenderer.property(location.file), "line=\(location.line)", "col=\(location.column)"]
                if diagnostic.length > 1 { properties.append("endColumn=\(location.column + diagnostic.length)") }
            }
            properties.append("title=" + CheckGitHubRenderer.property("nines: invalid input"))
            let level = diagnostic.severity == .error ? "error" : "warning"
            lines.append("::\(level) \(properties.joined(separator: ","))::\(CheckGitHubRenderer.data(diagnostic.message))")
        }
        lines.append(report.summary)
        return lines.joined(separator: "\n") + "\n"
    }
}
