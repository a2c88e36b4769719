import Foundation

/// `nines incidents --format text`: one row per component, observed figures with their
/// intervals beside the model's, then each objective's verdict.
package struct IncidentTextRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: IncidentReport) -> String {
        var lines = ["Incidents against the model: \(report.system) (\(report.log))",
                     "Window \(report.since) to \(report.until) (\(Format.duration(hours: report.windowHours))), "
                        + "\(report.incidents) incident rows; \(Int((report.confidence * 100).rounded())) % intervals, "
                        + "failures per year of \(report.calendar)", ""]
        let header = Format.column("Component", 18) + Format.column("Outages", 8, right: true) + "  "
            + Format.column("Failures/y observed", 26) + Format.column("model", 9) + Format.column("MTTR observed", 26)
            + Format.column("model", 9) + "Verdict"
        lines.append(header)
        for row in report.components {
            let rate = IncidentFigureText.rate(row.observedRatePerYear) + " (" + IncidentFigureText.rate(row.rateInterval.lower)
                + "–" + IncidentFigureText.rate(row.rateInterval.upper) + ")"
            let mttr = row.observedMttrHours.map { mean in
                Format.duration(hours: mean) + (row.mttrInterval.map { " (\(Format.duration(hours: $0.lower))–\(Format.duration(hours: $0.upper)))" } ?? "")
            } ?? "–"
            let name = row.component + (row.replicas.map { " (1 of \($0))" } ?? "")
            lines.append(Format.column(name, 18) + Format.column(String(row.outages), 8, right: true) + "  "
                         + Format.column(rate, 26) + Format.column(row.modelRatePerYear.map(IncidentFigureText.rate) ?? "–", 9)
                         + Format.column(mttr, 26) + Format.column(row.modelMttrHours.map { Format.duration(hours: $0) } ?? "–", 9)
                         + IncidentFigureText.verdict(row))
            if let posterior = row.posterior {
                lines.append(String(repeating: " ", count: 28) + "posterior " + IncidentFigureText.rate(posterior.ratePerYear) + "/y ("
                             + IncidentFigureText.rate(posterior.rateInterval.lower) + "–" + IncidentFigureText.rate(posterior.rateInterval.upper)
                             + "), MTTR " + Format.duration(hours: posterior.mttrHours))
            }
        }
        if !report.objectives.isEmpty {
            lines += ["", "Objectives"]
            for row in report.objectives {
                lines.append("  " + Format.column(row.objective, 24) + row.verdict.rawValue
                             + (row.components.isEmpty ? "" : " (" + row.components.joined(separator: ", ") + ")"))
            }
        }
        if let weight = report.priorWeight {
            lines += ["", "Posterior: the model's figures weighted as \(IncidentFigureText.rate(weight)) failure(s) and repair(s)"
                      + (report.overlay.map { "; overlay written to \($0)" } ?? "")]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// How incident figures read in text and Markdown.
enum IncidentFigureText {
    /// A rate per year to three significant digits: "4.38", "0.0123".
    static func rate(_ value: Double) -> String { String(format: "%.3g", value) }

    /// "worse (rate)", "better (MTTR)", "consistent".
    static func verdict(_ row: IncidentReport.ComponentRow) -> String {
        var which: [String] = []
        if row.rateVerdict == row.verdict { which.append("rate") }
        if row.mttrVerdict == row.verdict { which.append("MTTR") }
        guard row.verdict == .better || row.verdict == .worse else { return row.verdict.rawValue }
        return "\(row.verdict.rawValue) (\(which.joined(separator: ", ")))"
    }
}
