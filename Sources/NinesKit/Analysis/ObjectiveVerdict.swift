/// The one verdict on an objective: is the promise kept? Every output (text, HTML cards and SLA
/// table, JSON `meetsTarget`, `check` in all its formats, `diff`) shows this value; none judges
/// an objective again.
///
/// The rule (docs/sla.md, "The verdict"):
/// - it is judged on the **promise view**: customer-responsible and out-of-scope components are
///   treated as perfect, because their outages are not ours to promise (the SLA figure of
///   `SLAPrediction`); the figure with them counted is shown beside it, never judged;
/// - the target holds when the figure's upper unavailability leaves `minMargin` of the budget unspent
///   (`TargetRule`);
/// - the objective's `rto` and `rpo` are part of the promise: a worst RTO or RPO over its limit,
///   or data kept with no protection under an `rpo`, makes the verdict "missed" too.
///
/// Margin and budget used are the expected figure's (what the bar draws); only the judgement
/// itself uses the upper unavailability of a bounded or estimated figure.
public struct ObjectiveVerdict: Hashable, Sendable, Codable {
    /// Why an objective is missed, in this order.
    public enum Reason: String, Hashable, Sendable, Codable {
        /// The judged downtime is over the error budget.
        case overBudget = "over-budget"
        /// Within the budget, but less than the required share of it (`--min-margin`) is left.
        case underMinMargin = "under-min-margin"
        /// A single point of failure takes longer to recover than the objective's `rto`.
        case rtoExceeded = "rto-exceeded"
        /// A component may lose more data than the objective's `rpo`, or keeps data unprotected.
        case rpoExceeded = "rpo-exceeded"
    }

    /// True when every part of the promise holds.
    public var met: Bool
    /// Empty when met.
    public var reasons: [Reason]
    /// The target part (nil without a target), `rto` part and `rpo` part (nil without a limit).
    public var targetHolds: Bool?
    public var rtoHolds: Bool?
    public var rpoHolds: Bool?
    /// Budget left after the expected downtime (negative when over), hours per period.
    public var marginHours: Double?
    /// Margin as a share of the budget (1 = nothing spent, negative = over budget).
    public var marginShare: Double?
    /// Expected downtime as a share of the budget (over 1 when over budget).
    public var budgetUsedShare: Double?
    /// Share of the budget that had to stay unspent for the target to hold (0 unless `check
    /// --min-margin` asked for more).
    public var minMargin: Double

    /// The verdict on `prediction`; nil when the objective states no target, `rto` or `rpo`
    /// (there is nothing promised to judge).
    public init?(_ prediction: ObjectivePrediction, minMargin: Double = 0) {
        let targetHolds = prediction.holds(minMargin: minMargin)
        let rtoHolds = prediction.rtoHolds, rpoHolds = prediction.rpoHolds
        guard targetHolds != nil || rtoHolds != nil || rpoHolds != nil else { return nil }
        var reasons: [Reason] = []
        if targetHolds == false {
            reasons.append(prediction.holds(minMargin: 0) == false ? .overBudget : .underMinMargin)
        }
        if rtoHolds == false { reasons.append(.rtoExceeded) }
        if rpoHolds == false { reasons.append(.rpoExceeded) }
        met = reasons.isEmpty
        self.reasons = reasons
        self.targetHolds = targetHolds
        self.rtoHolds = rtoHolds
        self.rpoHolds = rpoHolds
        marginHours = prediction.marginHours
        marginShare = prediction.marginShare
        budgetUsedShare = prediction.budgetUsedShare
        self.minMargin = minMargin
    }
}

extension ObjectivePrediction {
    /// The objective's one verdict (see `ObjectiveVerdict`); nil when nothing is promised.
    public func verdict(minMargin: Double = 0) -> ObjectiveVerdict? { ObjectiveVerdict(self, minMargin: minMargin) }
}
