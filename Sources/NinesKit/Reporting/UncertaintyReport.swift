/// Each objective's availability as a distribution over the model's uncertain inputs
/// (`UncertaintyPropagation`), as plain data: JSON `uncertainty` (docs/report-json.md).
package struct UncertaintyReport: Hashable, Sendable, Codable {
    package struct Input: Hashable, Sendable, Codable {
        public var component: String
        /// `availability` (drawn as unavailability), `mtbf`, `mttr` (hours) or `rate` (per hour).
        public var field: String
        /// `log-uniform` or `lognormal`.
        public var distribution: String
        /// In the field's unit: unavailability, hours or per hour.
        public var median: Double
        public var low: Double?
        public var high: Double?
        public var sigma: Double?
        /// Readable statement, e.g. "15m..2h (log-uniform)".
        public var text: String
    }

    package struct Objective: Hashable, Sendable, Codable {
        public var objective: String
        public var period: String
        public var periodHours: Double
        /// With every input at its median: the report's figure.
        public var availabilityAtMedians: Double
        /// Percentiles of the availability: p5 is the pessimistic end.
        public var availabilityP5: Double
        public var availabilityP50: Double
        public var availabilityP95: Double
        /// The same figures as unavailabilities, kept whole so that a renderer never rebuilds them as
        /// 1 − A (which loses digits past about twelve nines). Percentiles of the unavailability:
        /// `unavailabilityP95` belongs to `availabilityP5`.
        public var unavailabilityAtMedians: Double
        public var unavailabilityP5: Double
        public var unavailabilityP50: Double
        public var unavailabilityP95: Double
        /// Downtime per period at the availability's 5th and 95th percentile (p5 the larger).
        public var downtimeHoursP5: Double
        public var downtimeHoursP95: Double
        /// Mean unavailability over the draws.
        public var meanUnavailability: Double
        public var target: Double?
        /// Share of draws whose availability meets the target.
        public var probabilityMeetingTarget: Double?
        /// Why this objective was not propagated; absent when it was.
        public var notPropagated: String?
    }

    /// Draws (Latin hypercube) and the seed that makes them reproducible.
    public var samples: Int
    public var seed: UInt64
    public var inputs: [Input]
    public var objectives: [Objective]
}
