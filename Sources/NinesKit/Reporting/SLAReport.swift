/// The SLA/SLO prediction of one objective, as plain data (part of `AvailabilityReport` and the
/// source of `nines check`). Hours throughout; "per period" is the objective's period.
public struct SLAReport: Hashable, Sendable, Codable {
    public var objective: String
    /// "sla" (contractual, external) or "slo" (internal).
    public var kind: String
    /// "availability" (front door) or "reliability" (end-to-end path).
    public var measure: String
    public var period: String
    public var periodHours: Double
    public var calendar: String
    public var target: Double?
    public var targetUnavailability: Double?
    /// The SLA figure: customer-responsible and out-of-scope components treated as perfect.
    public var availability: Double
    public var unavailability: Double
    public var nines: Double?
    public var errorBudgetHours: Double?
    public var downtimeHours: Double
    /// Budget left after the expected downtime; negative when over budget.
    public var marginHours: Double?
    /// Margin as a share of the budget.
    public var marginShare: Double?
    /// The objective's one verdict, `verdict.met`: target (no safety margin), `rto` and `rpo`.
    public var holds: Bool?
    /// How the figure was obtained (`exact`, `bounded`, `estimated`; see `FigureMethod`).
    public var method: String
    /// The unavailability the target is judged by: `unavailability` when exact, else the
    /// pessimistic end of the certified interval or of the estimate's confidence interval.
    public var judgedUnavailability: Double
    /// Components left out of the SLA figure, with the downtime each would add.
    public var excluded: [ExcludedReport]
    /// The figure with the excluded components counted. Kept for one release: read
    /// `asUsersExperienceIt` instead.
    public var availabilityWithExcluded: Double?
    public var unavailabilityWithExcluded: Double?
    public var downtimeWithExcludedHours: Double?
    public var outagesPerPeriod: Double?
    /// Modelled mean recovery per outage (Q / w).
    public var meanRecoveryHours: Double?
    /// Longest mean recovery per outage that still meets the target ((1 − target) / w).
    public var allowedRecoveryHours: Double?
    public var rto: Double?
    public var rpo: Double?
    public var worstRTO: RecoveryReport?
    public var worstRPO: RecoveryReport?
    public var rtoHolds: Bool?
    public var rpoHolds: Bool?
    /// In-scope components whose recovery time is not modelled.
    public var unknownRTO: [String]
    /// In-scope components that keep data with neither replication nor backups.
    public var unprotected: [String]
    /// The one verdict on the objective (`ObjectiveVerdict`), nil when it promises nothing.
    public var verdict: ObjectiveVerdict?
    /// The figure with the excluded components counted; present when one of them is on the objective.
    package var asUsersExperienceIt: UsersExperienceReport?
    /// Where the objective is defined.
    public var file: String
    public var line: Int
    public var column: Int
    /// In-scope components with no detection time, when the model gives any (`detect:`).
    public var unmonitored: [String]? = nil
    /// The availability the dependencies' own objectives allow (`slo:`, `from:`), and which they
    /// are ("payments 99.9% from ../payments/nines.yaml#checkout"); absent without any.
    public var ceiling: Double? = nil
    public var ceilingUnavailability: Double? = nil
    public var ceilingFrom: [String]? = nil
    /// The target asks for more than `ceiling` allows.
    public var exceedsCeiling: Bool? = nil
    /// Downtime per period that announced maintenance windows add to the objective; absent when none do.
    public var announcedMaintenanceHours: Double? = nil
    /// Whether the figure above counts them (`counts_maintenance`); absent when no window applies.
    public var countsMaintenance: Bool? = nil
    /// Time spent degraded (a soft dependency down, a breaker open), when the objective needs
    /// anything softly (docs/patterns.md, "Soft dependencies and fallbacks").
    package var degraded: DegradedReport? = nil
    /// Requests a write-ahead door the objective needs or follows stored before processing them,
    /// not lost in an outage behind the door (RPO 0 for them); absent without any.
    package var acceptedRequests: [AcceptedRequests]? = nil
}

/// An objective's time spent degraded: answering, with a soft dependency down or a breaker open.
package struct DegradedReport: Hashable, Sendable, Codable {
    /// Degraded time per period, hours.
    public var hours: Double
    /// Share of time degraded.
    public var share: Double
    /// "counts-as-up" (inside the figure's up time) or "counts-as-down" (inside its downtime).
    public var countsAs: String
    /// The soft dependencies and breakers' targets whose outages degrade the objective.
    public var causes: [String]
}

public struct ExcludedReport: Hashable, Sendable, Codable {
    public var component: String
    public var responsibility: String
    public var downtimeHours: Double
}

/// The component with the worst recovery figure on an objective, and where the figure comes from.
public struct RecoveryReport: Hashable, Sendable, Codable {
    public var component: String
    public var hours: Double
    /// Mean (for RPO from backups: interval / 2 + duration).
    public var meanHours: Double?
    /// e.g. "failover", "restore from backup", "async replication", "backups".
    public var basis: String
    /// Of `hours`, the time to notice the outage (`detect:`), for a repair-based RTO.
    public var detectionHours: Double? = nil
}
