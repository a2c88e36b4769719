/// What the HTML report draws, measured out in advance so its renderer only prints: the stack
/// diagram laid out, each error-budget bar's proportions, the risk matrix's cells and the
/// downtime histograms' bar heights, the reliability curves. Built by `ReportPictureBuilder`; absent from JSON unless set.
package struct ReportPicture: Hashable, Sendable, Codable {
    public var diagram: StackDiagramLayout
    /// One per `AvailabilityReport.figures` entry; nil where the figure has no target.
    public var figureBudgets: [BudgetBar?]
    /// One per `AvailabilityReport.sla` entry; nil where the objective has no target.
    public var slaBudgets: [BudgetBar?]
    /// Severity × occurrence of the ranked risks listed; nil without a worksheet.
    public var riskMatrix: RiskMatrix?
    /// One per simulated objective (the SLA view), in objective order; empty without `--simulate`.
    public var histograms: [HistogramChart]
    /// Components listed in the report's component table (the first ones in model order).
    public var componentRows: Int
    /// One per mission figure with a curve (`MissionCurve`), in figure order; empty without `--mission`.
    public var reliabilityCurves: [ReliabilityCurveChart]
}

/// Expected downtime against the error budget, as shares of the longer of the two.
package struct BudgetBar: Hashable, Sendable, Codable {
    public var downtimeHours: Double
    public var budgetHours: Double
    /// Budget left (negative when over), hours, and as a share of the budget.
    public var marginHours: Double
    public var marginShare: Double?
    /// Downtime as a share of the budget (over 1 when over budget).
    public var usedShare: Double?
    /// Length of the downtime bar and position of the budget mark, 0…1 of the bar's width.
    public var downtimeShare: Double
    public var budgetShare: Double
    public var overBudget: Bool
}

/// The severity × occurrence grid of FMEA ratings: rows severity 10 down to 1, columns occurrence 1 to 10.
package struct RiskMatrix: Hashable, Sendable, Codable {
    /// 100 cells, row by row (severity 10 first), occurrence ascending within a row.
    public var cells: [RiskMatrixCell]
    /// Listed risks without both ratings, which have no cell.
    public var unscored: Int
}

package struct RiskMatrixCell: Hashable, Sendable, Codable {
    public var severity: Int
    public var occurrence: Int
    /// Risks in this cell, and their ids (up to five).
    public var count: Int
    public var ids: [String]
    /// The highest action priority among them ("H", "M", "L"), nil when empty.
    public var priority: String?
    /// The cell's background, by severity × occurrence: "high" (≥ 40), "medium" (≥ 15) or "low".
    public var zone: String
}

package struct HistogramChart: Hashable, Sendable, Codable {
    public var objective: String
    public var bars: [HistogramBar]
}

package struct HistogramBar: Hashable, Sendable, Codable {
    public var label: String
    public var periods: Int
    /// Height as a share of the tallest bar, 0…1.
    public var height: Double
    /// The bucket holds periods whose downtime exceeds the error budget.
    public var overBudget: Bool
}
