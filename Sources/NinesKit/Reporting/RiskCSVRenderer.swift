import Foundation

/// The ranked risk list as CSV (one row per failure mode, rank order, computed columns included).
/// For the lossless worksheet form, see `WorksheetCSV`. Free text a spreadsheet would run as a
/// formula (`=HYPERLINK(…)` as an owner) gets a leading `'` (`CSVFormulaGuard`).
struct RiskCSVRenderer: ReportRenderer {
    public init() {}

    static let columns = ["rank", "priority", "rpn", "severity", "occurrence", "detection", "id", "component", "layer",
                          "failure_mode", "status", "owner", "treatment", "priority_after", "rpn_after", "rpn_reduction",
                          "occurrences_per_period", "component_downtime_hours", "downtime_hours", "largest_budget_share", "criticality"]

    public func render(_ report: RiskReport) -> String {
        var out = CSVTable.line(Self.columns)
        for risk in report.risks {
            let share = risk.objectives.compactMap(\.budgetShare).max()
            let fields: [String] = [
                String(risk.rank), risk.priority ?? "", Self.text(risk.rpn), Self.text(risk.severity), Self.text(risk.occurrence), Self.text(risk.detection),
                CSVFormulaGuard.guarded(risk.id), CSVFormulaGuard.guarded(risk.component), CSVFormulaGuard.guarded(risk.layer),
                CSVFormulaGuard.guarded(risk.failureMode), risk.status, CSVFormulaGuard.guarded(risk.owner ?? ""), risk.treatment ?? "",
                risk.priorityAfter ?? "", Self.text(risk.rpnAfter), Self.text(risk.rpnReduction),
                Self.number(risk.occurrencesPerPeriod), Self.number(risk.componentDowntimeHours), Self.number(risk.downtimeHours), Self.number(share), Self.number(risk.criticality),
            ]
            out += CSVTable.line(fields)
        }
        return out
    }

    static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// Six significant digits, POSIX notation.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.6g", value)
    }
}
