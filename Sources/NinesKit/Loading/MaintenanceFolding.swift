/// Folds each component's maintenance windows into the figures the exact engine reads, once at
/// load after the drills (docs/patterns.md, "Maintenance windows"). The windows are a calendar
/// independent of failures and repairs (a part keeps failing and being repaired in a window), so
/// the part is a series of the instance and the windows: p = p_instance · (1 − d/T), and the
/// outage frequency of that series is w·(1 − d/T) + p_instance/T (each window that finds the part
/// up starts an outage). The windowless instance stays in `maintenance.unmaintained`.
enum MaintenanceFolding {
    static func apply(_ model: SystemModel) -> SystemModel {
        guard model.components.contains(where: { $0.maintenance != nil }) else { return model }
        var result = model
        for index in result.components.indices {
            guard var maintenance = result.components[index].maintenance else { continue }
            let stated = result.components[index].figures
            maintenance.unmaintained = stated
            result.components[index].figures = Self.withWindows(stated, maintenance)
            result.components[index].maintenance = maintenance
        }
        return result
    }

    static func withWindows(_ figures: UnitFigures, _ maintenance: Maintenance) -> UnitFigures {
        let instance = figures.probability
        let open = 1 - maintenance.share
        let down = Probability(unavailability: instance.down + instance.up * maintenance.share)
        guard let rate = figures.failureRate else { return .availability(down, mttr: nil) }
        let frequency = instance.up * rate * open + instance.up / maintenance.every
        return .availability(down, mttr: frequency > 0 ? down.down / frequency : nil)
    }

    /// The model with announced windows taken out again: what an objective with
    /// `counts_maintenance: false` promises on.
    static func withoutAnnounced(_ model: SystemModel) -> SystemModel {
        var result = model
        for index in result.components.indices {
            guard let maintenance = result.components[index].maintenance, maintenance.announced,
                  let unmaintained = maintenance.unmaintained else { continue }
            result.components[index].figures = unmaintained
        }
        return result
    }
}
