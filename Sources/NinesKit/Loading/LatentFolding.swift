/// Folds each drilled component's latent failures into the figures the exact engine reads, once
/// at load, after detection and blips (docs/patterns.md, "Latent failures and drills"): the unit
/// becomes its drilled mean unavailability (DrillCycle) with the outage frequency that goes with
/// it, drills included, and the failures a drill misses left to real demands
/// (`DrilledPart`). The stated unit stays in `latent.undrilled` for the simulator.
enum LatentFolding {
    static func apply(_ model: SystemModel) -> SystemModel {
        guard model.components.contains(where: { $0.latent != nil }) else { return model }
        var result = model
        for index in result.components.indices {
            guard var latent = result.components[index].latent else { continue }
            let stated = result.components[index].figures
            guard let drilled = Self.drilled(stated, latent) else { continue }   // the reader refused it
            latent.undrilled = stated
            result.components[index].figures = drilled
            result.components[index].latent = latent
        }
        return result
    }

    /// The unit `figures` drilled as `latent` says; nil without a rate or a repair time.
    static func drilled(_ figures: UnitFigures, _ latent: LatentFailures) -> UnitFigures? {
        guard let rate = figures.failureRate, let repair = figures.mttr else { return nil }
        let cycle = DrilledPart(rate: rate, repairMean: repair, latent: latent).figures
        let down = Probability(unavailability: cycle.unavailability)
        // Mean outage length q / f, so that the frequency the engine derives (q / r) is the cycle's.
        let meanOutage = cycle.frequency > 0 ? cycle.unavailability / cycle.frequency : repair
        return .availability(down, mttr: meanOutage)
    }
}
