/// What an incident log says about the model: per component, the outages observed in the window,
/// the failure rate and mean repair time they give with 90 % intervals, the model's figures beside
/// them and a verdict; per objective, the verdict of the components it needs.
///
/// Rates are per hour of up time (the model's λ = 1/MTBF), so the exposure is the window less the
/// component's downtime. The rate interval is Garwood's exact chi-square interval for a Poisson
/// count; the MTTR interval the chi-square interval on the mean of exponential repair times. A
/// model figure inside the interval is consistent with the log, a rate above it or an MTTR above
/// it is better than what happened (the model is pessimistic), below it worse.
package struct IncidentComparison: Sendable {
    package enum Verdict: String, Sendable, Hashable, Codable {
        /// The model's figure lies inside the observed interval.
        case consistent
        /// Operations did better than the model says: fewer or shorter outages.
        case better
        /// Operations did worse than the model says: more or longer outages.
        case worse
        /// The model gives no such figure (an availability without an MTTR), or the log no repair.
        case untested
    }

    package struct ComponentFinding: Sendable {
        public var component: String
        /// Merged outages inside the window.
        public var outages: [Incident]
        /// Hours the component was up in the window: the rate's exposure.
        public var upHours: Double
        public var rate: PoissonRateInterval
        public var mttr: ExponentialMeanInterval?
        /// The model's figures for one instance: failure rate per hour and MTTR in hours.
        public var modelRate: Double?
        public var modelMttr: Double?
        public var replicas: Int
        public var rateVerdict: Verdict
        public var mttrVerdict: Verdict
        /// Summed in seconds (whole seconds add exactly), then turned into hours once.
        public var downHours: Double { outages.reduce(0) { $0 + ($1.end - $1.start) } / 3600 }
        /// Worse when either figure is; better when one is and neither is worse.
        public var verdict: Verdict { IncidentComparison.combined([rateVerdict, mttrVerdict]) }
    }

    package struct ObjectiveFinding: Sendable {
        public var objective: String
        public var verdict: Verdict
        /// The components it needs that give it its verdict (for `better` or `worse`), in model order.
        public var drivers: [String]
    }

    public let since: Double
    public let until: Double
    public let confidence: Double
    public let components: [ComponentFinding]
    public let objectives: [ObjectiveFinding]
    /// Incident rows read, before clipping and merging.
    public let incidentCount: Int

    public var windowHours: Double { (until - since) / 3600 }

    public init(model: SystemModel, incidents: [Incident], since: Double, until: Double, confidence: Double = 0.9) {
        self.since = since
        self.until = until
        self.confidence = confidence
        incidentCount = incidents.count
        let byComponent = Dictionary(grouping: incidents, by: \.component)
        let windowHours = (until - since) / 3600
        components = model.components.filter { $0.placedReplica == nil }.map { component in
            let outages = OutageMerging.merged(byComponent[component.name] ?? [], since: since, until: until)
            let down = outages.reduce(0) { $0 + ($1.end - $1.start) } / 3600
            let upHours = max(windowHours - down, .leastNonzeroMagnitude)
            let rate = PoissonRateInterval(count: outages.count, exposure: upHours, confidence: confidence)
            let mttr = ExponentialMeanInterval(count: outages.count, total: down, confidence: confidence)
            let modelRate = component.figures.failureRate, modelMttr = component.figures.mttr
            return ComponentFinding(
                component: component.name, outages: outages, upHours: upHours, rate: rate, mttr: mttr,
                modelRate: modelRate, modelMttr: modelMttr, replicas: component.replicas,
                rateVerdict: modelRate.map { Self.verdict(model: $0, lower: rate.lower, upper: rate.upper) } ?? .untested,
                mttrVerdict: zip(modelMttr, mttr).map { Self.verdict(model: $0, lower: $1.lower, upper: $1.upper) } ?? .untested)
        }
        let index = DependencyClosure.index(model)
        let findings = Dictionary(components.map { ($0.component, $0) }, uniquingKeysWith: { first, _ in first })
        objectives = model.objectives.map { objective in
            let needed = DependencyClosure.of(objective.components, in: model, index: index).compactMap { findings[$0] }
            let verdict = Self.combined(needed.map(\.verdict))
            return ObjectiveFinding(objective: objective.name, verdict: verdict,
                                    drivers: verdict == .better || verdict == .worse ? needed.filter { $0.verdict == verdict }.map(\.component) : [])
        }
    }

    /// The model's figure against the observed interval. For both a rate and an MTTR a higher
    /// observed figure is worse, so a model figure below the interval means operations did worse.
    static func verdict(model: Double, lower: Double, upper: Double) -> Verdict {
        if model < lower { return .worse }
        if model > upper { return .better }
        return .consistent
    }

    static func combined(_ verdicts: [Verdict]) -> Verdict {
        if verdicts.contains(.worse) { return .worse }
        if verdicts.contains(.better) { return .better }
        if verdicts.contains(.consistent) { return .consistent }
        return .untested
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
