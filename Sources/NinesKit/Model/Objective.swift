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
    /// The PromQL that measures this objective in production (`sli:`); nil when not measured.
    public var sli: ServiceLevelIndicator?
    public var description: String?
    public var location: ModelLocation
    /// Where each of `components` is named in the file (parallel to `components`; empty when built in code).
    public var componentLocations: [ModelLocation]

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
