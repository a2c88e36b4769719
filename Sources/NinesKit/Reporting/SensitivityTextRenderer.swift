/// `nines sensitivity` as a tornado table for a terminal: per input, the downtime with the input
/// moved down and up, the swing as a bar, and the elasticity.
struct SensitivityTextRenderer: ReportRenderer {
    /// Inputs listed (JSON and CSV list all).
    public var top: Int

    public init(top: Int = 15) { self.top = top }

    public func render(_ report: SensitivityReport) -> String {
        let per = "/\(report.period)"
        var lines = ["sensitivity: \(report.system), objective \(report.objective): downtime \(Format.duration(hours: report.downtimeHours))\(per) "
                     + "(\(Format.percent(Probability(up: report.availability, down: 1 - report.availability)))), each input moved by ±\(SLAText.percent(report.by))"]
        if let overrides = Format.overrides(report.overrides) { lines.append(overrides) }
        lines.append("")
        lines.append(Format.column("input", 34) + Format.column("−\(SLAText.percent(report.by))", 11, right: true)
                     + Format.column("+\(SLAText.percent(report.by))", 11, right: true) + "  elasticity  swing")
        let widest = report.inputs.first?.swingHours ?? 0
        for row in report.inputs.prefix(top) {
            let bar = widest > 0 ? String(repeating: "█", count: max(row.swingHours > 0 ? 1 : 0, Int((row.swingHours / widest * 20).rounded()))) : ""
            lines.append(Format.column("\(row.component).\(row.field)", 34)
                         + Format.column(Format.duration(hours: row.downtimeLowHours), 11, right: true)
                         + Format.column(Format.duration(hours: row.downtimeHighHours), 11, right: true)
                         + Format.column(String(format: "%+.3f", row.elasticity), 12, right: true) + "  " + bar)
        }
        if report.inputs.count > top { lines.append("\(report.inputs.count - top) more (--top \(report.inputs.count) or --format json|csv lists all)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `nines sensitivity --format csv`: one row per input, largest swing first.
struct SensitivityCSVRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: SensitivityReport) -> String {
        var lines = ["objective,component,field,value,low,high,downtime_low_hours,downtime_high_hours,swing_hours,elasticity"]
        for row in report.inputs {
            lines.append([report.objective, row.component, row.field].map(CSVFormulaGuard.guarded).joined(separator: ",") + ","
                         + [row.value, row.low, row.high, row.downtimeLowHours, row.downtimeHighHours, row.swingHours, row.elasticity]
                            .map { "\($0)" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
