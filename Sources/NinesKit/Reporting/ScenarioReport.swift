/// What each disruption scenario does to each objective (`nines scenario`), as plain data.
/// Hours throughout; availabilities are the SLA view (customer-responsible and out-of-scope
/// components count as up unless the scenario takes them down).
package struct ScenarioReport: Hashable, Sendable, Codable {
    public var system: String
    public var scenarios: [Entry]

    /// One scenario.
    package struct Entry: Hashable, Sendable, Codable {
        public var name: String
        public var description: String?
        /// `component`, `zone`, `region` or `provider`.
        public var disruptionClass: String
        /// Whether the model states the class (`class:`) rather than it being read from what is lost.
        public var classStated: Bool
        public var down: [String]
        public var objectives: [Outcome]
        /// Where the scenario is defined; nil for an ad-hoc `--down` set.
        public var file: String?
        public var line: Int?
        public var column: Int?
    }

    /// One objective under one scenario.
    package struct Outcome: Hashable, Sendable, Codable {
        public var objective: String
        /// "availability" (front door) or "reliability" (end-to-end path).
        public var measure: String
        /// Availability while the scenario lasts.
        public var availability: Double
        public var unavailability: Double
        /// How the figure was obtained (`exact`, `bounded`, `estimated`; see `FigureMethod`).
        public var method: String
        /// The certified interval, when the figure is not exact, by its ends' availability
        /// (`lowerAvailability` is the end with the larger unavailability) and by unavailability.
        public var lowerAvailability: Double?
        public var upperAvailability: Double?
        public var minUnavailability: Double?
        public var maxUnavailability: Double?
        /// Whether the objective can be up at all while the scenario lasts.
        public var survives: Bool
        /// Worst-case time until the objective is back; nil when unknown.
        public var recoveryHours: Double?
        /// `unaffected`, `redundancy`, `failover` or `recovery` (see `ScenarioRecovery.Basis`).
        public var recoveryBasis: String
        /// Worst-case data at risk, hours of writes; nil when nothing protected is at risk.
        public var dataAtRiskHours: Double?
        /// Components that keep data with neither replication nor backups and are lost or failed over.
        public var unprotected: [String]
        /// Lost components whose recovery time the model does not give.
        public var unknownRecovery: [String]
        /// What fails over and what is recovered whole, in model order.
        public var steps: [ScenarioRecovery.Step]
        /// Components whose failure would now take the objective down.
        public var singlePointsOfFailure: [String]
        /// Those that were not single points of failure before the scenario.
        public var exposedSinglePoints: [String]
    }
}
