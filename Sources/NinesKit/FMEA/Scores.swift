/// The three FMEA ratings of one failure mode, each a whole number from 1 to 10.
///
/// Severity rates the effect, occurrence how likely the cause is (given the prevention
/// controls), detection how unlikely the current controls are to catch it before users do
/// (10 = no chance). Higher is worse on all three scales.
public struct Scores: Hashable, Sendable, Codable {
    public var severity: Int
    public var occurrence: Int
    public var detection: Int

    public static let range = 1...10

    public init(severity: Int, occurrence: Int, detection: Int) {
        self.severity = severity
        self.occurrence = occurrence
        self.detection = detection
    }

    /// Risk priority number S × O × D, from 1 to 1000. Ordinal scales multiplied: use it to break
    /// ties, not as a measure of risk (that is why the Action Priority exists).
    public var rpn: Int { severity * occurrence * detection }
}

/// AIAG-VDA Action Priority: how urgently a failure mode needs an action.
public enum ActionPriority: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case high = "H", medium = "M", low = "L"

    /// H ranks above M above L.
    public var rank: Int {
        switch self {
        case .high: return 3
        case .medium: return 2
        case .low: return 1
        }
    }

    public static func < (lhs: ActionPriority, rhs: ActionPriority) -> Bool { lhs.rank < rhs.rank }

    public var name: String {
        switch self {
        case .high: return "high"
        case .medium: return "medium"
        case .low: return "low"
        }
    }
}
