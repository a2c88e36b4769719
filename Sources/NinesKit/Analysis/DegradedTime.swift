/// How much of the time an objective runs degraded: answering, but with a soft dependency down or
/// a circuit breaker open (docs/patterns.md, "Soft dependencies and fallbacks"). It is the
/// difference between the strict view (every soft dependency and breaker's target needed) and
/// the tolerant one (what the objective needs to answer at all), both evaluated exactly on the
/// same compiled structure: degraded = Q_strict − Q_tolerant, the share of time the tolerant
/// view is up and the strict one down.
package struct DegradedTime: Hashable, Sendable {
    /// Share of time degraded.
    public let share: Double
    /// Whether the objective's figure counts that time as up or as down.
    public let accounting: DegradedAccounting
    /// The soft dependencies and breakers' targets whose outages degrade the objective.
    public let causes: [String]

    /// Nil when nothing the objective needs is soft, or the strict view is no conjunction
    /// (`Objective.degradedExact`).
    init?(objective index: Int, in analysis: AvailabilityAnalysis) {
        let objective = analysis.model.objectives[index]
        guard !objective.degradedRequires.isEmpty, objective.degradedExact else { return nil }
        let masked = objective.measure == .availability
        let stated = objective.statedComponents
        let tolerant = analysis.figure(named: objective.name, requiring: stated, masked: masked)
        let strict = analysis.figure(named: objective.name, requiring: stated + objective.degradedRequires.filter { !stated.contains($0) },
                                     masked: masked)
        share = max(0, strict.probability.down - tolerant.probability.down)
        accounting = objective.degraded
        causes = objective.degradedRequires
    }
}
