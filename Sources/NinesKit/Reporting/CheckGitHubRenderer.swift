/// `nines check` as GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`
/// for results that fall short, `::warning` for warnings, each pointing at the objective's line of
/// the model; passing results as plain lines; then the summary.
struct CheckGitHubRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        for result in report.results {
            let text = ([result.message] + result.details).joined(separator: "\n")
            switch result.status {
            case .pass: lines.append("ok: " + result.message)
            case .fail: lines.append(Self.command("error", result, text))
            case .warning: lines.append(Self.command("warning", result, text))
            }
        }
        lines.append(CheckSummary.line(report))
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ level: String, _ result: CheckResult, _ text: String) -> String {
        "::\(level) file=\(property(result.file)),line=\(result.line),col=\(result.column),"
            + "title=\(property("nines " + result.rule + ": " + result.id))::\(data(text))"
    }

    /// Escaping GitHub's runner applies to a command's message.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a command's properties (also ':' and ',').
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
