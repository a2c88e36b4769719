/// Everything `nines advise` shows, as plain data (JSON field names are the documented format,
/// docs/advise.md). Hours per the objective's period; availabilities as fractions.
package struct AdviceReport: Hashable, Sendable, Codable {
    /// How the search for a set of changes ended.
    package enum SetOutcome: String, Hashable, Sendable, Codable {
        /// A set was found (`smallestSet` / `cheapestSet`).
        case reaches
        /// The objective meets the target already: nothing to do.
        case alreadyMet = "already-met"
        /// No set of the changes searched reaches the target.
        case noneReaches = "none-reaches"
        /// No target to reach (give one with `--target`), or no priced change for the cheapest set.
        case notSearched = "not-searched"
    }

    public var system: String
    public var sources: [String]
    public var overrides: [String]?
    public var objective: String
    public var measure: String
    public var period: String
    public var periodHours: Double
    public var target: Double?
    public var errorBudgetHours: Double?
    /// The SLA figure as the model stands.
    public var availability: Double
    public var unavailability: Double
    public var downtimeHours: Double
    public var meetsTarget: Bool?
    public var suggestions: [AdviceSuggestionReport]
    /// The ranks of the priced suggestions, most downtime saved per unit of cost first; absent
    /// when the model prices none.
    public var costRanking: [Int]?
    /// Every component we own perfect: what the external and provider parts alone allow.
    public var ceiling: AdviceFigureReport
    public var smallestSet: AdviceSetReport?
    public var smallestSetOutcome: SetOutcome
    /// Suggestions the smallest-set search combined (the best-ranked ones).
    public var smallestSetSearched: Int
    public var cheapestSet: AdviceSetReport?
    public var cheapestSetOutcome: SetOutcome
    public var cheapestSetSearched: Int
    public var candidatesEvaluated: Int
    public var setsEvaluated: Int
}

package struct AdviceFigureReport: Hashable, Sendable, Codable {
    public var availability: Double
    public var unavailability: Double
    public var downtimeHours: Double
    public var reachesTarget: Bool?
}

package struct AdviceSuggestionReport: Hashable, Sendable, Codable {
    public var rank: Int
    public var change: String
    /// The kind of change, as `costs:` names it: replica, needs, failover, mttr, detect, common-cause, masking, responsibility.
    public var kind: String
    public var component: String
    /// The overrides that make the change: `nines report MODEL --set …` gives exactly `availability`.
    public var set: [String]
    public var availability: Double
    public var unavailability: Double
    public var downtimeHours: Double
    public var downtimeSavedHours: Double
    /// `downtimeSavedHours` as a share of the error budget.
    public var budgetShare: Double?
    public var costPerPeriod: Double?
    public var downtimeSavedHoursPerCost: Double?
}

package struct AdviceSetReport: Hashable, Sendable, Codable {
    public var changes: [String]
    public var set: [String]
    public var availability: Double
    public var unavailability: Double
    public var downtimeHours: Double
    public var downtimeSavedHours: Double
    public var costPerPeriod: Double?
}
