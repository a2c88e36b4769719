/// Folds each standby block into the figures the exact engine reads, once at load, after
/// detection (docs/patterns.md, "Standby"): the component becomes one unit with the block's mean
/// unavailability (StandbyChain) and the outage frequency that goes with it. The stated instances
/// stay in `standby.stated` for the simulator.
enum StandbyFolding {
    static func apply(_ model: SystemModel) -> SystemModel {
        guard model.components.contains(where: { $0.standby != nil }) else { return model }
        var result = model
        for index in result.components.indices {
            let component = result.components[index]
            guard var standby = component.standby, standby.stated == nil,
                  let folded = Self.block(component.figures, standby, replicas: component.replicas, needs: component.needs)
            else { continue }   // no rate or repair time: the reader refused it
            if standby.mode == .hot { standby.dormantRate = component.figures.failureRate }
            standby.stated = Standby.Units(figures: component.figures, replicas: component.replicas, needs: component.needs)
            result.components[index].figures = folded
            result.components[index].replicas = 1
            result.components[index].needs = 1
            result.components[index].standby = standby
        }
        return result
    }

    /// The one unit a block of `replicas` instances of `figures` (`needs` carrying the load) makes;
    /// nil without a rate or a repair time. A hot block's waiting instances fail at the stated rate,
    /// so a drawn rate (the uncertainty draws) moves them too.
    static func block(_ figures: UnitFigures, _ standby: Standby, replicas: Int, needs: Int) -> UnitFigures? {
        guard let rate = figures.failureRate, let repair = figures.mttr else { return nil }
        let dormant = standby.mode == .hot ? rate : standby.dormantRate ?? 0
        let block = StandbyChain(rate: rate, dormantRate: dormant, repairMean: repair, replicas: replicas, needs: needs,
                                 switchSuccess: standby.switchSuccess, switchTime: standby.switchTime).figures
        // Mean outage length q / f, so that the frequency the engine derives (q / r) is the block's.
        let meanOutage = block.frequency > 0 ? block.unavailability / block.frequency : repair
        return .availability(Probability(unavailability: block.unavailability), mttr: meanOutage)
    }
}
