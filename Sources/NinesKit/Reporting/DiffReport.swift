/// `nines diff` as plain data: per objective the SLA figure before and after, and what changed in
/// the components with each change's own cost. Hours throughout; "per period" is the objective's.
package struct DiffReport: Hashable, Sendable, Codable {
    public var old: String
    public var new: String
    public var objectives: [ObjectiveDiff]
    public var components: [ComponentDiff]
    /// False when too many components changed to price each change on its own.
    public var attributed: Bool
    /// The added downtime an objective may take per its own period (`--fail-on-cost`), hours;
    /// nil when no cost limit was set.
    public var allowedCostHours: Double?
    /// Why the change fails the gate, objective by objective in report order: a target that now
    /// falls short, or a cost above `allowedCostHours`. Empty when it passes.
    public var failures: [DiffFailure]

    /// True when no target newly falls short and no objective costs more than allowed.
    public var holds: Bool { failures.isEmpty }
}

/// One reason `nines diff` fails: an objective whose target now falls short, or whose added
/// downtime per its period is over the allowed cost.
package struct DiffFailure: Hashable, Sendable, Codable {
    package enum Reason: String, Hashable, Sendable, Codable {
        /// The objective's verdict (target, rto, rpo) was met before (or the objective is new) and is missed now.
        case fallsShort = "falls-short"
        /// Downtime per period grew by more than the allowed cost.
        case costsTooMuch = "costs-too-much"
    }

    public var objective: String
    public var reason: Reason
}

package struct ObjectiveDiff: Hashable, Sendable, Codable {
    public var name: String
    public var period: String
    public var periodHours: Double
    /// Nil when the objective is only in the other version.
    public var before: SLAReport?
    public var after: SLAReport?
    /// Downtime per period after minus before (positive = worse).
    public var deltaHours: Double?
    /// Each changed component's own effect on this objective (non-zero ones, largest first).
    public var attributions: [Attribution]
}

package struct Attribution: Hashable, Sendable, Codable {
    public var component: String
    /// e.g. "replicas 2 → 1"
    public var change: String
    /// Downtime per period the change alone adds (negative = saves).
    public var deltaHours: Double
}

package struct ComponentDiff: Hashable, Sendable, Codable {
    public var name: String
    public var change: ModelComparison.ChangeKind
    public var fields: [FieldChange]
}

package struct FieldChange: Hashable, Sendable, Codable {
    public var field: String
    public var before: String
    public var after: String
}
