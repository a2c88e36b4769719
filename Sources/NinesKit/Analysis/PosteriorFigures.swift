/// Figures updated by an incident log (Bayes), with the model's own figures as the prior.
///
/// Failure rate: gamma–Poisson. The prior is a gamma with mean the model's rate λ₀ worth
/// `priorWeight` failures: shape w, rate w/λ₀ (hours). With n outages over T up hours the
/// posterior is gamma(w + n, w/λ₀ + T), of mean (w + n) / (w/λ₀ + T).
/// MTTR: the conjugate inverse-gamma prior on an exponential mean, shape w + 1 and scale w·θ₀
/// (mean θ₀); with n repairs totalling D hours the posterior mean is (w·θ₀ + D) / (w + n), the
/// model's MTTR counted as w repairs beside the observed ones.
package struct PosteriorFigures: Sendable {
    package struct Update: Sendable {
        public var component: String
        /// Posterior mean failure rate per hour, and its 90 % credible interval.
        public var rate: Double
        public var rateLower: Double
        public var rateUpper: Double
        /// Posterior mean time to repair, hours.
        public var mttr: Double
        /// The component's own detection time (`detect:`), hours, already inside `mttr`.
        public var detect: Double?
    }

    public let priorWeight: Double
    /// Components the log could update: those whose model gives a failure rate and an MTTR.
    public let updates: [Update]

    public init(_ comparison: IncidentComparison, model: SystemModel, priorWeight: Double) {
        self.priorWeight = priorWeight
        let detect = Dictionary(model.components.map { ($0.name, $0.detect) }, uniquingKeysWith: { first, _ in first })
        let tail = (1 - comparison.confidence) / 2
        updates = comparison.components.compactMap { finding in
            guard let prior = finding.modelRate, prior > 0, let priorMttr = finding.modelMttr else { return nil }
            let shape = priorWeight + Double(finding.outages.count)
            let inverseScale = priorWeight / prior + finding.upHours
            return Update(component: finding.component, rate: shape / inverseScale,
                          rateLower: IncompleteGamma.inverseLower(shape, tail) / inverseScale,
                          rateUpper: IncompleteGamma.inverseLower(shape, 1 - tail) / inverseScale,
                          mttr: (priorWeight * priorMttr + finding.downHours) / (priorWeight + Double(finding.outages.count)),
                          detect: detect[finding.component] ?? nil)
        }
    }
}
