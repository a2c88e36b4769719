/// A promise the system makes, measured at a front door or along an end-to-end flow.
public struct Objective: Hashable, Sendable {
    public enum Measure: String, Hashable, Sendable, CaseIterable {
        /// Can requests be accepted: the availability of one component and everything it needs.
        case availability
        /// Does the work complete: every component on the path (and what each needs) is up.
        case reliability
    }

    /// Contractual (SLA, external) or internal (SLO).
    public enum Kind: String, Hashable, Sendable, CaseIterable { case sla, slo }

    public var name: String
    public var measure: Measure
    public var kind: Kind
    /// The components that must all be up: one for `at:`, several for `path:`.
    public var components: [String]
    public var target: Probability?
    /// Where `target:` is written (nil when built in code).
    public var targetLocation: ModelLocation?
    /// Accounting period for this objective; the model's period when not given.
    public var period: Period?
    /// Recovery time objective, hours.
    public var rto: Double?
    /// Recovery point objective, hours.
    public var rpo: Double?
    /// Mission time for this objective's mission reliability (hours, no repair during it); see
    /// docs/mission-reliability.md.
    public var mission: Double?
    /// Whether announced maintenance windows count against this objective (`counts_maintenance`,
    /// true unless the model says false, the usual SLA wording).
    public var countsMaintenance = true
    public var description: String?
    /// The PromQL that measures it (`sli:`), when the model says.
    package var sli: ServiceLevelIndicator?
    public var location: ModelLocation
    /// Where each of `components` is named in the file (parallel to `components`; empty when built in code).
    public var componentLocations: [ModelLocation]
    /// Whether time spent degraded counts as up (`degraded:`, default counts-as-up).
    package var degraded: DegradedAccounting = .countsAsUp
    /// Where `degraded:` is written, when it is.
    public var degradedLocation: ModelLocation?
    /// What the strict (full service) view of this objective needs besides `components` as
    /// stated: the soft dependencies and breakers' targets its callers rely on when nothing is
    /// degraded. Filled in by the loader; with `counts-as-down` also appended to `components`.
    public var degradedRequires: [String] = []
    /// False when a soft dependency lies under a redundancy group of the objective: the strict
    /// view is then no conjunction of components and the degraded time is not computed.
    public var degradedExact = true
    /// How many of `components` the model stated (the rest are `degradedRequires`, counted as down).
    public var statedCount: Int?

    /// The components as the model stated them (`at:` or `path:`).
    public var statedComponents: [String] { Array(components.prefix(statedCount ?? components.count)) }

    public init(name: String, measure: Measure, kind: Kind = .slo, components: [String], target: Probability? = nil,
                period: Period? = nil, rto: Double? = nil, rpo: Double? = nil, description: String? = nil,
                location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1),
                componentLocations: [ModelLocation] = []) {
        self.name = name
        self.measure = measure
        self.kind = kind
        self.components = components
        self.target = target
        self.period = period
        self.rto = rto
        self.rpo = rpo
        self.description = description
        self.location = location
        self.componentLocations = componentLocations
    }
}
