/// For each part with latent failures: what its drill calendar costs now, and the interval that
/// would cost least (docs/patterns.md, "Latent failures and drills").
///
/// An objective's unavailability is affine in one component's own unavailability (it is one
/// variable of a coherent structure: Q = a + I_B · q), so the interval that minimises the part's
/// drilled unavailability minimises every objective's downtime too; the saving on an objective is
/// its Birnbaum importance times the part's saving. Times in hours.
package struct DrillSuggestion: Hashable, Sendable {
    public let component: String
    public let every: Double
    public let duration: Double
    /// Share of the failures a drill finds; the rest wait for a demand every `demandEvery` (nil at 100 %).
    public let coverage: Double
    public let demandEvery: Double?
    /// The part's mean unavailability with the stated drills.
    public let unavailability: Double
    /// The interval that minimises it; nil when a drill costs no downtime (more often is better).
    public let suggestedEvery: Double?
    public let suggestedUnavailability: Double?

    /// One per drilled component, in model order.
    public static func all(_ model: SystemModel) -> [DrillSuggestion] {
        model.components.compactMap { component in
            guard let latent = component.latent, let stated = latent.undrilled,
                  let rate = stated.failureRate, let repair = stated.mttr else { return nil }
            let part = DrilledPart(rate: rate, repairMean: repair, latent: latent)
            let suggested = part.suggestedInterval
            return DrillSuggestion(
                component: component.name, every: latent.testEvery, duration: latent.testDuration,
                coverage: latent.coverage, demandEvery: latent.demandEvery,
                unavailability: component.figures.probability.down, suggestedEvery: suggested,
                suggestedUnavailability: suggested.map { part.figures(every: $0).unavailability })
        }
    }
}
