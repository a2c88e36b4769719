/// An output format by its `--format` name. Which formats a report has is up to
/// `ReportRenderers`: a report and a format meet there and nowhere else.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, html, markdown, csv, junit, github, sarif
    /// Stack diagram formats (`nines diagram`).
    case svg, dot, mermaid
}
