/// `nines incidents --format markdown`: the text report's table for a pull request or wiki.
package struct IncidentMarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: IncidentReport) -> String {
        var lines = ["## Incidents against the model: \(MarkdownText.inline(report.system))", "",
                     "\(MarkdownText.inline(report.log)), \(report.since) to \(report.until), \(report.incidents) incident rows; "
                        + "\(Int((report.confidence * 100).rounded())) % intervals.", "",
                     "| Component | Outages | Failures/y observed | Model | MTTR observed | Model | Verdict |",
                     "|---|---:|---|---:|---|---:|---|"]
        for row in report.components {
            let rate = "\(IncidentFigureText.rate(row.observedRatePerYear)) (\(IncidentFigureText.rate(row.rateInterval.lower))–"
                + "\(IncidentFigureText.rate(row.rateInterval.upper)))"
            let mttr = row.observedMttrHours.map { mean in
                Format.duration(hours: mean) + (row.mttrInterval.map { " (\(Format.duration(hours: $0.lower))–\(Format.duration(hours: $0.upper)))" } ?? "")
            } ?? "–"
            lines.append("| \(MarkdownText.inline(row.component)) | \(row.outages) | \(rate) | "
                         + "\(row.modelRatePerYear.map(IncidentFigureText.rate) ?? "–") | \(mttr) | "
                         + "\(row.modelMttrHours.map { Format.duration(hours: $0) } ?? "–") | \(IncidentFigureText.verdict(row)) |")
        }
        if !report.objectives.isEmpty {
            lines += ["", "| Objective | Verdict | Components not as modelled |", "|---|---|---|"]
            for row in report.objectives {
                lines.append("| \(MarkdownText.inline(row.objective)) | \(row.verdict.rawValue) | "
                             + row.components.map(MarkdownText.inline).joined(separator: ", ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
