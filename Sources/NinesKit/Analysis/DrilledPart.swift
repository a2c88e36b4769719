/// The mean unavailability and outage frequency of a part with latent failures, drills and a
/// proof-test coverage c (`latent: {test_every: T, test_duration: τ, coverage: c, demand_every: D}`).
///
/// The failures split into two independent modes: the covered ones (rate c·λ) wait for the next
/// drill (`DrillCycle` with T and τ); the ones a drill misses (rate (1 − c)·λ) wait for the next
/// real demand, a calendar every D with no downtime of its own (`DrillCycle` with D and 0). Both are
/// repaired with mean m. The part is down when either mode is: a series of two independent parts,
/// 1 − (1 − q₁)(1 − q₂). For small λT and λD this is the PFDavg of IEC 61508-6 (Annex B.3.2.5,
/// proof-test coverage) and ISA-TR84.00.02: c·λT/2 + (1 − c)·λD/2 + τ/T + λm.
package struct DrilledPart: Sendable {
    public let rate: Double
    public let repairMean: Double
    public let latent: LatentFailures

    public init(rate: Double, repairMean: Double, latent: LatentFailures) {
        self.rate = rate
        self.repairMean = repairMean
        self.latent = latent
    }

    /// The covered mode's cycle with drills every `every` hours.
    func covered(every: Double) -> DrillCycle {
        DrillCycle(rate: latent.coverage * rate, repairMean: repairMean, every: every, duration: latent.testDuration)
    }

    /// Mean unavailability and outages per hour with the stated drills.
    public var figures: (unavailability: Double, frequency: Double) { figures(every: latent.testEvery) }

    /// The same with drills every `every` hours (the demands stay as stated).
    public func figures(every: Double) -> (unavailability: Double, frequency: Double) {
        let drilled = covered(every: every).figures
        guard latent.coverage < 1, let demandEvery = latent.demandEvery else { return drilled }
        let missed = DrillCycle(rate: (1 - latent.coverage) * rate, repairMean: repairMean, every: demandEvery, duration: 0).figures
        let up = (1 - drilled.unavailability) * (1 - missed.unavailability)
        // A series goes down when one part does while the other is up.
        let frequency = drilled.frequency * (1 - missed.unavailability) + missed.frequency * (1 - drilled.unavailability)
        return (1 - up, frequency)
    }

    /// The drill interval that minimises the part's unavailability: the covered mode's, since the
    /// missed one does not depend on it (nil when a drill costs no downtime).
    public var suggestedInterval: Double? {
        DrillCycle.suggestedInterval(rate: latent.coverage * rate, repairMean: repairMean, duration: latent.testDuration)
    }
}
