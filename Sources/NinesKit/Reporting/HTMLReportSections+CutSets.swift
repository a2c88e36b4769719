extension HTMLReportSections {
    /// Each figure's most probable minimal cut sets, a table per figure; the top set of each
    /// objective is outlined on the stack diagram (`DiagramNode.topCutSetOf`).
    func cutSets() -> [String] {
        let listed = report.figures.compactMap { figure in figure.cutSets.map { (figure, $0) } }
        guard !listed.isEmpty else { return [] }
        var lines = ["<section id=\"cut-sets\">", "<h2>Minimal cut sets</h2>",
                     "<p class=\"muted small\">The smallest sets of failures that take each objective down together, most "
                     + "probable first (events independent; share: of the objective's unavailability). The components of each "
                     + "objective's first set are outlined in purple on the stack diagram.</p>"]
        for (figure, list) in listed {
            let title = figure.kind == .system ? "Whole system" : figure.name
            lines.append("<h3>\(e(title))</h3>")
            if list.singleFailuresOnly { lines.append("<p class=\"muted small\">Structure too large for a diagram: single failures only.</p>") }
            if list.cutSets.isEmpty && list.omitted == 0 {
                lines.append("<p class=\"muted small\">No cut set of order \(list.maxOrder) or less.</p>")
                continue
            }
            lines.append("<table class=\"cut-sets\" data-objective=\"\(e(figure.name))\"><thead><tr><th class=\"num\">#</th>"
                         + "<th>failing together</th><th class=\"num\">order</th><th class=\"num\">probability</th>"
                         + "<th class=\"num\">share</th></tr></thead><tbody>")
            for (rank, set) in list.cutSets.enumerated() {
                lines.append("<tr class=\"cut-set\"><td class=\"num\">\(rank + 1)</td><td>\(e(set.events.joined(separator: " + ")))</td>"
                             + "<td class=\"num\">\(set.order)</td><td class=\"num\">\(Format.small(set.probability))</td>"
                             + "<td class=\"num\">\(Format.share(set.share))</td></tr>")
            }
            lines.append("</tbody></table>")
            var notes: [String] = []
            if list.omitted > 0 {
                notes.append("\(Format.count(list.omitted)) more not listed, together at most \(Format.small(list.omittedProbability))")
            }
            if list.beyondOrder {
                notes.append("cut sets of order above \(list.maxOrder) exist, not listed"
                             + (list.unexplained.map { "; they add \(Format.small($0)) to the unavailability" } ?? ""))
            }
            if !notes.isEmpty { lines.append("<p class=\"muted small\">\(e(notes.joined(separator: "; "))).</p>") }
        }
        lines.append("</section>")
        return lines
    }
}
