/// `nines incidents`: the incident log held against the model (see `IncidentComparison`), ready
/// to render. Rates per year of the model's calendar, times in hours, intervals at `confidence`.
package struct IncidentReport: Encodable, Sendable {
    package struct Interval: Encodable, Sendable {
        public var lower: Double
        public var upper: Double
    }

    package struct ComponentRow: Encodable, Sendable {
        public var component: String
        public var outages: Int
        public var downtimeHours: Double
        public var upHours: Double
        public var observedRatePerYear: Double
        public var rateInterval: Interval
        public var observedMttrHours: Double?
        public var mttrInterval: Interval?
        public var modelRatePerYear: Double?
        public var modelMttrHours: Double?
        /// Set when the model's figures describe one of several instances.
        public var replicas: Int?
        public var rateVerdict: IncidentComparison.Verdict
        public var mttrVerdict: IncidentComparison.Verdict
        public var verdict: IncidentComparison.Verdict
        public var posterior: Posterior?
    }

    package struct Posterior: Encodable, Sendable {
        public var ratePerYear: Double
        public var rateInterval: Interval
        public var mttrHours: Double
    }

    package struct ObjectiveRow: Encodable, Sendable {
        public var objective: String
        public var verdict: IncidentComparison.Verdict
        public var components: [String]
    }

    public var system: String
    public var log: String
    public var since: String
    public var until: String
    public var windowHours: Double
    public var confidence: Double
    public var incidents: Int
    public var calendar: String
    public var components: [ComponentRow]
    public var objectives: [ObjectiveRow]
    /// With `--update`: the prior's weight in failures, and the overlay written.
    public var priorWeight: Double?
    public var overlay: String?

    public init(_ comparison: IncidentComparison, model: SystemModel, log: String, posterior: PosteriorFigures? = nil,
                overlay: String? = nil) {
        let year = model.calendar.yearHours
        let updates = Dictionary((posterior?.updates ?? []).map { ($0.component, $0) }, uniquingKeysWith: { first, _ in first })
        system = model.name
        self.log = log
        since = IncidentTimestamp.format(comparison.since)
        until = IncidentTimestamp.format(comparison.until)
        windowHours = comparison.windowHours
        confidence = comparison.confidence
        incidents = comparison.incidentCount
        calendar = model.calendar.summary
        components = comparison.components.map { finding in
            ComponentRow(
                component: finding.component, outages: finding.outages.count, downtimeHours: finding.downHours,
                upHours: finding.upHours, observedRatePerYear: finding.rate.estimate * year,
                rateInterval: Interval(lower: finding.rate.lower * year, upper: finding.rate.upper * year),
                observedMttrHours: finding.mttr?.mean, mttrInterval: finding.mttr.map { Interval(lower: $0.lower, upper: $0.upper) },
                modelRatePerYear: finding.modelRate.map { $0 * year }, modelMttrHours: finding.modelMttr,
                replicas: finding.replicas > 1 ? finding.replicas : nil,
                rateVerdict: finding.rateVerdict, mttrVerdict: finding.mttrVerdict, verdict: finding.verdict,
                posterior: updates[finding.component].map {
                    Posterior(ratePerYear: $0.rate * year, rateInterval: Interval(lower: $0.rateLower * year, upper: $0.rateUpper * year),
                              mttrHours: $0.mttr)
                })
        }
        objectives = comparison.objectives.map { ObjectiveRow(objective: $0.objective, verdict: $0.verdict, components: $0.drivers) }
        priorWeight = posterior?.priorWeight
        self.overlay = overlay
    }

    /// Exit status for a CI: whether any component did worse than the model says.
    public var anyWorse: Bool { components.contains { $0.verdict == .worse } }
}
