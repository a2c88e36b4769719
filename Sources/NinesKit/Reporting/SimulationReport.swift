/// Everything `nines simulate` shows, as plain data (JSON field names are the documented format).
/// Times in hours; probabilities as fractions.
public struct SimulationReport: Hashable, Sendable, Codable {
    public var system: String
    public var period: String
    public var periodHours: Double
    public var calendar: String
    /// The `--set` overrides applied to the model files, as given; absent when none were.
    public var overrides: [String]? = nil
    public var seed: UInt64
    public var periodsRequested: Int
    /// Periods of the model simulated (fewer than requested when the precision was reached first).
    public var periodsSimulated: Int
    public var stoppedEarly: Bool
    public var precision: Double?
    public var events: Int
    /// Repair time assumed for components that state only an availability, and which those are.
    public var assumedRepairHours: Double
    public var componentsWithAssumedRepair: [String]
    /// Components whose active-passive failover neither engine models: no failure rate or repair
    /// time to cost it with (an `availability` without `mttr`).
    public var failoverNotModelled: [String]
    /// The objectives as `nines report`'s `figures[]` states them (`view`: `promise`): the run with
    /// the components excluded from the SLA (`responsibility: customer` or `out-of-scope`) never
    /// failing, so an objective's figures compare with the report's under the same name.
    public var objectives: [SimulatedObjective]
    /// Every component counted (`view`: `all-components`), objective by objective in the same
    /// order, as `nines report`'s `asUsersExperienceIt`; the same figures where nothing is excluded.
    public var allComponents: [SimulatedObjective]
    /// The promise view again (`objectives`), kept one release for readers of the old layout.
    public var sla: [SimulatedObjective]
}

public struct SimulatedObjective: Hashable, Sendable, Codable {
    public var name: String
    public var measure: String
    public var components: [String]
    public var period: String
    public var periodHours: Double
    /// Objective periods accounted.
    public var periods: Int
    public var target: Double?
    public var targetUnavailability: Double?
    /// Downtime per period the target allows.
    public var budgetHours: Double?
    /// The exact steady-state figure (same failover and masking model; exponential figures) for comparison.
    public var exactAvailability: Double
    public var availability: Double
    public var unavailability: Double
    /// 95% confidence interval of the mean availability (from the spread of per-period downtime).
    public var availabilityLow: Double
    public var availabilityHigh: Double
    public var meanDowntimeHours: Double
    public var downtimeP50Hours: Double
    public var downtimeP90Hours: Double
    public var downtimeP99Hours: Double
    public var downtimeMaxHours: Double
    public var histogram: [DowntimeBucket]
    /// Probability that one period meets the target, with its 95% interval.
    public var meetProbability: Double?
    public var meetLow: Double?
    public var meetHigh: Double?
    /// Probability that every period of a year meets the target, with its 95% interval.
    public var periodsPerYear: Int
    public var years: Int
    public var meetEveryPeriodOfYear: Double?
    public var meetEveryPeriodOfYearLow: Double?
    public var meetEveryPeriodOfYearHigh: Double?
    public var outages: Int
    public var outagesPerPeriod: Double
    /// The same count per year of the calendar (outages ÷ simulated hours × a year's hours), with its
    /// 95% interval from the spread of the count per period: the figure to hold against
    /// `exactOutagesPerYear` and against `nines report`'s `outagesPerYear` of the same `view`.
    public var outagesPerYear: Double
    public var outagesPerYearLow: Double
    public var outagesPerYearHigh: Double
    /// The exact engine's outage frequency per year in this view; absent when a component it counts
    /// has no repair time (the simulator assumes one, the exact engine states none).
    public var exactOutagesPerYear: Double?
    public var meanOutageHours: Double?
    public var longestOutageHours: Double
    /// Mean time from a steady start to the end of the first period that misses the target;
    /// nil when no period missed it.
    public var timeToFirstBreachHours: Double?
    /// Components in the objective's dependency closure excluded from the SLA (`responsibility:
    /// customer` or `out-of-scope`): counted in `objectives`, never failing in `sla`.
    public var excluded: [String] = []
    /// `all-components` in `objectives`, `promise` in `sla` (`CountingView`): the view of `nines
    /// report` these figures compare with — `figures[].asUsersExperienceIt` or `figures[]` itself.
    public var view: String = CountingView.allComponents.rawValue
}

public struct DowntimeBucket: Hashable, Sendable, Codable {
    public var label: String
    /// Upper edge in hours; nil for the open last bucket.
    public var upToHours: Double?
    public var periods: Int
}
