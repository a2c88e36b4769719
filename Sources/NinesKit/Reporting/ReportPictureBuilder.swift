import Foundation

/// Measures out what the HTML report draws (see `ReportPicture`) from a finished report and its model.
package enum ReportPictureBuilder {
    /// Rows of the component table; past this the table says how many more there are.
    public static let componentRows = 200

    /// `missionCurves`: R(t) of the mission figures (`MissionReliability(…, curvePoints:)`), drawn
    /// as curves; empty without `--mission`.
    public static func picture(_ report: AvailabilityReport, model: SystemModel, missionCurves: [MissionCurve] = []) -> ReportPicture {
        var diagram = StackDiagramBuilder.diagram(model, report: report)
        markTopCutSets(report, on: &diagram)
        return ReportPicture(
            diagram: StackDiagramLayout(diagram),
            figureBudgets: report.figures.map { figure in figure.errorBudgetHours.map { bar(downtime: figure.downtimeHours, budget: $0) } },
            slaBudgets: (report.sla ?? []).map { sla in sla.errorBudgetHours.map { bar(downtime: sla.downtimeHours, budget: $0) } },
            riskMatrix: report.risks.map(riskMatrix),
            histograms: (report.simulation?.sla ?? []).map(histogram),
            componentRows: min(componentRows, report.components.count),
            reliabilityCurves: missionCurves.map(reliabilityCurve))
    }

    /// Marks the components of each objective's most probable cut set on their boxes (a collapsed
    /// diagram has no box per component, so nothing is marked there).
    static func markTopCutSets(_ report: AvailabilityReport, on diagram: inout StackDiagram) {
        guard !diagram.collapsed else { return }
        let nodeOf = Dictionary(diagram.nodes.indices.map { (diagram.nodes[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        for figure in report.figures where figure.kind == .objective {
            guard let top = figure.cutSets?.cutSets.first else { continue }
            for component in top.components {
                guard let node = nodeOf[component] else { continue }
                diagram.nodes[node].topCutSetOf = (diagram.nodes[node].topCutSetOf ?? []) + [figure.name]
            }
        }
    }

    /// Steps of each reliability curve from 0 to the mission (one point more than this).
    public static let curvePoints = 50

    /// The curve's size and plotting area, pixels.
    static let curveWidth = 560.0, curveHeight = 230.0
    static let curvePlot = StackDiagramLayout.Rect(x: 78, y: 12, width: 462, height: 180)

    /// R(t) on a y axis from 1 down to 1 − 10^k, the smallest such span holding the curve, so a
    /// mission that fails with probability 0.001 is not drawn as a flat line at the top.
    static func reliabilityCurve(_ curve: MissionCurve) -> ReliabilityCurveChart {
        let plot = curvePlot
        let worst = curve.points.map(\.reliability.down).max() ?? 0
        let span = worst > 0 ? min(1, Foundation.pow(10, (Foundation.log10(worst)).rounded(.up))) : 0.1
        let last = max(curve.missionHours, .leastNonzeroMagnitude)
        func x(_ hours: Double) -> Double { plot.x + plot.width * hours / last }
        func y(_ down: Double) -> Double { plot.y + plot.height * min(1, down / span) }
        let path = curve.points.map { ReliabilityCurveChart.Point(x: x($0.hours), y: y($0.reliability.down)) }
        let quarters = (0...4).map { Double($0) / 4 }
        return ReliabilityCurveChart(
            name: curve.name, missionHours: curve.missionHours, width: curveWidth, height: curveHeight, plot: plot, path: path,
            timeTicks: quarters.map { .init(at: x(curve.missionHours * $0), value: curve.missionHours * $0) },
            reliabilityTicks: quarters.map { .init(at: y(span * $0), value: 1 - span * $0) },
            reliabilityAtEnd: curve.points.last?.reliability.up ?? 1)
    }

    static func bar(downtime: Double, budget: Double) -> BudgetBar {
        let longest = max(downtime, budget)
        return BudgetBar(downtimeHours: downtime, budgetHours: budget, marginHours: budget - downtime,
                         marginShare: budget > 0 ? (budget - downtime) / budget : nil, usedShare: budget > 0 ? downtime / budget : nil,
                         downtimeShare: longest > 0 ? downtime / longest : 0, budgetShare: longest > 0 ? budget / longest : 0,
                         overBudget: downtime > budget)
    }

    static func riskMatrix(_ risks: RiskReport) -> RiskMatrix {
        var cells: [RiskMatrixCell] = []
        for severity in stride(from: 10, through: 1, by: -1) {
            for occurrence in 1...10 {
                let product = severity * occurrence
                cells.append(RiskMatrixCell(severity: severity, occurrence: occurrence, count: 0, ids: [], priority: nil,
                                            zone: product >= 40 ? "high" : product >= 15 ? "medium" : "low"))
            }
        }
        var unscored = 0
        for risk in risks.risks {
            guard let severity = risk.severity, let occurrence = risk.occurrence else { unscored += 1; continue }
            let index = (10 - severity) * 10 + (occurrence - 1)
            cells[index].count += 1
            if cells[index].ids.count < 5 { cells[index].ids.append(risk.id) }
            if let priority = risk.priority, priorityRank(priority) > priorityRank(cells[index].priority) { cells[index].priority = priority }
        }
        return RiskMatrix(cells: cells, unscored: unscored)
    }

    static func priorityRank(_ priority: String?) -> Int {
        switch priority {
        case "H": 3
        case "M": 2
        case "L": 1
        default: 0
        }
    }

    static func histogram(_ objective: SimulatedObjective) -> HistogramChart {
        let tallest = objective.histogram.map(\.periods).max() ?? 0
        let bars = objective.histogram.map { bucket -> HistogramBar in
            // A bucket reaching past the budget holds periods that (may) miss the target.
            let over = objective.budgetHours.map { (bucket.upToHours ?? .infinity) > $0 } ?? false
            return HistogramBar(label: bucket.label, periods: bucket.periods,
                                height: tallest > 0 ? Double(bucket.periods) / Double(tallest) : 0, overBudget: over)
        }
        return HistogramChart(objective: objective.name, bars: bars)
    }
}
