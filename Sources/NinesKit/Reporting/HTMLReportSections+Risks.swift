/// The HTML report's ranked risks and risk matrix, downtime histograms and component table.
extension HTMLReportSections {
    func risks() -> [String] {
        guard let risks = report.risks else { return [] }
        var lines = ["<section id=\"risks\">", "<h2>Ranked risks</h2>",
                     "<p class=\"muted small\">\(risks.risks.count) of \(risks.totalFailureModes) failure modes, by \(e(risks.order)) "
                     + "(\(e(risks.scoring))).</p>", "<div class=\"risk-layout\">", "<div>",
                     "<table><thead><tr><th class=\"num\">#</th><th>id</th><th>component</th><th>failure mode</th><th class=\"num\">S</th>"
                     + "<th class=\"num\">O</th><th class=\"num\">D</th><th class=\"num\">RPN</th><th>AP</th><th>status</th>"
                     + "<th class=\"num\">downtime / \(e(risks.period))</th></tr></thead><tbody>"]
        for risk in risks.risks {
            func score(_ value: Int?) -> String { value.map(String.init) ?? "—" }
            lines.append("<tr><td class=\"num\">\(risk.rank)</td><td>\(e(risk.id))</td><td>\(e(risk.component))</td>"
                         + "<td>\(e(risk.failureMode))</td><td class=\"num\">\(score(risk.severity))</td><td class=\"num\">\(score(risk.occurrence))</td>"
                         + "<td class=\"num\">\(score(risk.detection))</td><td class=\"num\">\(score(risk.rpn))</td>"
                         + "<td class=\"ap-\(e(risk.priority ?? "none"))\">\(e(risk.priority ?? "—"))</td><td>\(e(risk.status))</td>"
                         + "<td class=\"num\">\(risk.downtimeHours.map { hours($0) } ?? "—")</td></tr>")
        }
        lines.append("</tbody></table>")
        let partial = risks.rowsWithPartialEffect
        if !partial.isEmpty {
            lines.append("<p class=\"muted small\">\(e(RiskReport.effectProbabilityNote)): "
                         + partial.map { "\(e($0.id)) \(e(Format.share($0.effectProbability ?? 1)))" }.joined(separator: ", ") + ".</p>")
        }
        lines.append("</div>")
        if let matrix = report.picture?.riskMatrix { lines.append(contentsOf: riskMatrix(matrix)) }
        lines += ["</div>", "</section>"]
        return lines
    }

    func riskMatrix(_ matrix: RiskMatrix) -> [String] {
        var lines = ["<div>", "<h3>Severity × occurrence</h3>", "<table class=\"matrix\"><tbody>"]
        for row in stride(from: 0, to: matrix.cells.count, by: 10) {
            let cells = matrix.cells[row..<row + 10]
            var line = "<tr><th>S\(cells.first!.severity)</th>"
            for cell in cells {
                let title = cell.count == 0 ? "" : " title=\"\(e(cell.ids.joined(separator: ", ")))\(cell.count > cell.ids.count ? " …" : "")\""
                line += "<td class=\"zone-\(cell.zone)\(cell.count > 0 ? " filled" : "")\"\(title)>\(cell.count > 0 ? "\(cell.count)" : "")</td>"
            }
            lines.append(line + "</tr>")
        }
        lines.append("<tr><th></th>" + (1...10).map { "<th>O\($0)</th>" }.joined() + "</tr>")
        lines.append("</tbody></table>")
        lines.append("<p class=\"muted small\">Numbers: risks listed in each cell (hover for ids). Background: severity × occurrence "
                     + "(red ≥ 40, yellow ≥ 15).\(matrix.unscored > 0 ? " \(matrix.unscored) listed risks are not yet rated." : "")</p>")
        lines.append("</div>")
        return lines
    }

    func simulation() -> [String] {
        guard let simulation = report.simulation, let charts = report.picture?.histograms, !charts.isEmpty else { return [] }
        var lines = ["<section id=\"simulation\">", "<h2>Simulated downtime per \(e(simulation.period))</h2>",
                     "<p class=\"muted small\">\(Format.count(simulation.periodsSimulated)) periods simulated (seed \(simulation.seed)), "
                     + "SLA view: parts outside the SLA never fail.</p>", "<div class=\"cards\">"]
        for (chart, objective) in zip(charts, simulation.sla) {
            lines.append("<div class=\"card\"><h3>\(e(chart.objective))</h3>")
            let barWidth = 30.0, height = 120.0, gap = 6.0
            let width = Double(chart.bars.count) * (barWidth + gap) + gap
            lines.append("<svg class=\"histogram\" width=\"\(Int(width))\" height=\"\(Int(height + 46))\" viewBox=\"0 0 \(Int(width)) \(Int(height + 46))\" role=\"img\" aria-label=\"downtime histogram\">")
            for (index, bar) in chart.bars.enumerated() {
                let x = gap + Double(index) * (barWidth + gap), h = max(bar.periods > 0 ? 1 : 0, bar.height * height)
                lines.append("<rect x=\"\(Int(x))\" y=\"\(String(format: "%.1f", height - h + 14))\" width=\"\(Int(barWidth))\" height=\"\(String(format: "%.1f", h))\" "
                             + "fill=\"\(bar.overBudget ? "#dc2626" : "#2563eb")\"><title>\(e(bar.label)): \(bar.periods) periods</title></rect>")
                lines.append("<text x=\"\(Int(x + barWidth / 2))\" y=\"10\" font-size=\"9\" text-anchor=\"middle\" fill=\"#475569\">\(bar.periods)</text>")
                lines.append("<text x=\"\(Int(x + barWidth / 2))\" y=\"\(Int(height + 28))\" font-size=\"9\" text-anchor=\"end\" fill=\"#475569\" "
                             + "transform=\"rotate(-35 \(Int(x + barWidth / 2)) \(Int(height + 28)))\">\(e(bar.label))</text>")
            }
            lines.append("</svg>")
            lines.append("<dl><dt>mean</dt><dd>\(hours(objective.meanDowntimeHours))</dd><dt>P90 / P99</dt>"
                         + "<dd>\(hours(objective.downtimeP90Hours)) / \(hours(objective.downtimeP99Hours))</dd>")
            if let meet = objective.meetProbability { lines.append("<dt>P(target met)</dt><dd>\(Format.share(meet)) of periods</dd>") }
            lines.append("</dl><p class=\"muted small\">Red bars: downtime past the error budget.</p></div>")
        }
        lines += ["</div>", "</section>"]
        return lines
    }

    func components() -> [String] {
        let shown = report.picture?.componentRows ?? report.components.count
        var lines = ["<section id=\"components\">", "<h2>Components</h2>",
                     "<table><thead><tr><th>component</th><th>layer</th><th>responsibility</th><th class=\"num\">instances</th>"
                     + "<th class=\"num\">own availability</th><th class=\"num\">with dependencies</th><th>depends on</th></tr></thead><tbody>"]
        for component in report.components.prefix(shown) {
            let instances = component.replicas > 1 ? "\(component.needs) of \(component.replicas)" : "1"
            lines.append("<tr><td>\(e(component.name))</td><td>\(e(component.layer))</td><td>\(e(component.responsibility))</td>"
                         + "<td class=\"num\">\(instances)</td><td class=\"num\">\(percent(component.ownAvailability, component.ownUnavailability))</td>"
                         + "<td class=\"num\">\(percent(component.availability, component.unavailability))</td>"
                         + "<td class=\"small\">\(e(Format.names(component.dependsOn, limit: 6)))</td></tr>")
        }
        lines.append("</tbody></table>")
        if shown < report.components.count {
            lines.append("<p class=\"muted small\">and \(Format.count(report.components.count - shown)) more components (see --format json).</p>")
        }
        lines.append("</section>")
        return lines
    }
}
