/// How a worksheet turns scores into priorities: the AIAG-VDA table (default), a team's own
/// Action Priority table, or RPN thresholds (RPN ≥ high → H, ≥ medium → M, else L).
public enum FMEAScoring: Hashable, Sendable {
    case actionPriority(ActionPriorityTable)
    case rpnThresholds(high: Int, medium: Int)

    public static let standard = FMEAScoring.actionPriority(.aiagVDA2019)

    public func priority(_ scores: Scores) -> ActionPriority {
        switch self {
        case .actionPriority(let table):
            return table.priority(scores) ?? .high   // tables are checked for full coverage when read
        case .rpnThresholds(let high, let medium):
            return scores.rpn >= high ? .high : scores.rpn >= medium ? .medium : .low
        }
    }

    /// One line for reports: "AIAG-VDA 2019 action priority", "RPN thresholds (H ≥ 200, M ≥ 80)".
    public var summary: String {
        switch self {
        case .actionPriority(let table): return "\(table.name) action priority"
        case .rpnThresholds(let high, let medium): return "RPN thresholds (H ≥ \(high), M ≥ \(medium))"
        }
    }
}
