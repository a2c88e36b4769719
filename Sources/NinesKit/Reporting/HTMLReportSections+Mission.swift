import Foundation

extension HTMLReportSections {
    /// Mission reliability (no repair): R(t) and MTTF per figure, and each figure's curve R(t)
    /// from 0 to its mission as laid out by `ReportPictureBuilder`.
    func missionReliability() -> [String] {
        guard let mission = report.missionReliability, !mission.isEmpty else { return [] }
        var lines = ["<section id=\"mission\">", "<h2>Mission reliability</h2>",
                     "<p class=\"muted small\">The probability of staying up for a whole mission with no repair during it, "
                     + "R(t), and the mean time to first failure (MTTF): not the 'reliability' measure of an objective, "
                     + "which is an availability with repair.</p>",
                     "<table><thead><tr><th>figure</th><th class=\"num\">mission</th><th class=\"num\">R(mission)</th>"
                     + "<th class=\"num\">fails with probability</th><th class=\"num\">MTTF</th><th>method</th></tr></thead><tbody>"]
        for figure in mission {
            let missing = figure.componentsWithoutFailureRates.isEmpty ? ""
                : "<br><span class=\"muted small\">no failure rate (counted as never failing): "
                    + e(figure.componentsWithoutFailureRates.joined(separator: ", ")) + "</span>"
            lines.append("<tr><td><strong>\(e(figure.name))</strong>\(missing)</td><td class=\"num\">\(hours(figure.missionHours))</td>"
                         + "<td class=\"num\">\(String(format: "%.6g", figure.reliability.up))</td>"
                         + "<td class=\"num\">\(Format.small(figure.reliability.down))</td>"
                         + "<td class=\"num\">\(figure.mttfHours.map { hours($0) } ?? "—")</td><td>\(e(figure.method.rawValue))</td></tr>")
        }
        lines.append("</tbody></table>")
        let curves = report.picture?.reliabilityCurves ?? []
        if !curves.isEmpty {
            lines.append("<div class=\"cards\">")
            for chart in curves {
                lines += ["<div class=\"card\">", "<h3>\(e(chart.name)) <span class=\"muted small\">R(t) over \(e(hours(chart.missionHours)))</span></h3>",
                          reliabilityCurve(chart), "</div>"]
            }
            lines.append("</div>")
        }
        lines.append("</section>")
        return lines
    }

    /// Prints one curve: gridlines with their values, then the path.
    func reliabilityCurve(_ chart: ReliabilityCurveChart) -> String {
        let plot = chart.plot
        var svg = ["<svg class=\"reliability-curve\" width=\"\(c(chart.width))\" height=\"\(c(chart.height))\" "
                   + "viewBox=\"0 0 \(c(chart.width)) \(c(chart.height))\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\" "
                   + "aria-label=\"\(e("R(t) of \(chart.name) from 0 to \(hours(chart.missionHours)): \(String(format: "%.6g", chart.reliabilityAtEnd)) at the end"))\">"]
        for tick in chart.reliabilityTicks {
            svg.append("<line x1=\"\(c(plot.x))\" y1=\"\(c(tick.at))\" x2=\"\(c(plot.x + plot.width))\" y2=\"\(c(tick.at))\" stroke=\"#e2e8f0\"/>")
            svg.append("<text x=\"\(c(plot.x - 6))\" y=\"\(c(tick.at + 4))\" font-size=\"11\" fill=\"#475569\" text-anchor=\"end\">"
                       + "\(String(format: "%.6g", tick.value))</text>")
        }
        for tick in chart.timeTicks {
            svg.append("<line x1=\"\(c(tick.at))\" y1=\"\(c(plot.y))\" x2=\"\(c(tick.at))\" y2=\"\(c(plot.y + plot.height))\" stroke=\"#e2e8f0\"/>")
            svg.append("<text x=\"\(c(tick.at))\" y=\"\(c(plot.y + plot.height + 16))\" font-size=\"11\" fill=\"#475569\" text-anchor=\"middle\">"
                       + "\(e(hours(tick.value)))</text>")
        }
        svg.append("<rect x=\"\(c(plot.x))\" y=\"\(c(plot.y))\" width=\"\(c(plot.width))\" height=\"\(c(plot.height))\" fill=\"none\" stroke=\"#94a3b8\"/>")
        let d = chart.path.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(c($0.element.x)),\(c($0.element.y))" }.joined(separator: " ")
        svg.append("<path class=\"curve\" d=\"\(d)\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\"/>")
        svg.append("<text x=\"\(c(plot.x + plot.width / 2))\" y=\"\(c(chart.height - 4))\" font-size=\"11\" fill=\"#475569\" text-anchor=\"middle\">"
                   + "time into the mission (no repair)</text>")
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// A coordinate with two decimals: stable output, and a test can find a point of the path.
    func c(_ value: Double) -> String { String(format: "%.2f", value) }
}
