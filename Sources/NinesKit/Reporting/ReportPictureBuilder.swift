/// Measures out what the HTML report draws (see `ReportPicture`) from a finished report and its model.
package enum ReportPictureBuilder {
    /// Rows of the component table; past this the table says how many more there are.
    public static let componentRows = 200

    public static func picture(_ report: AvailabilityReport, model: SystemModel) -> ReportPicture {
        let diagram = StackDiagramBuilder.diagram(model, report: report)
        return ReportPicture(
            diagram: StackDiagramLayout(diagram),
            figureBudgets: report.figures.map { figure in figure.errorBudgetHours.map { bar(downtime: figure.downtimeHours, budget: $0) } },
            slaBudgets: (report.sla ?? []).map { sla in sla.errorBudgetHours.map { bar(downtime: sla.downtimeHours, budget: $0) } },
            riskMatrix: report.risks.map(riskMatrix),
            histograms: (report.simulation?.sla ?? []).map(histogram),
            componentRows: min(componentRows, report.components.count))
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
