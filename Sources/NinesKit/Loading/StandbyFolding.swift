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
            guard var standby = component.standby, standby.stated == nil else { continue }
            guard let rate = component.figures.failureRate, let repair = component.figures.mttr else { continue }   // refused
            if standby.mode == .hot { standby.dormantRate = rate }
            standby.stated = Standby.Units(figures: component.figures, replicas: component.replicas, needs: component.needs)
            let block = StandbyChain(rate: rate, dormantRate: standby.dormantRate ?? 0, repairMean: repair,
                                     replicas: component.replicas, needs: component.needs,
                                     switchSuccess: standby.switchSuccess, switchTime: standby.switchTime).figures
            // Mean outage length q / f, so that the frequency the engine derives (q / r) is the block's.
            let meanOutage = block.frequency > 0 ? block.unavailability / block.frequency : repair
            result.components[index].figures = .availability(Probability(unavailability: block.unavailability), mttr: meanOutage)
            result.components[index].replicas = 1
            result.components[index].needs = 1
            result.components[index].standby = standby
        }
        return result
    }
}
