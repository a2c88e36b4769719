/// Folds each component's transient blips into the figures both engines read, once at load
/// (docs/patterns.md, "Transient faults"). Blips of rate ν and duration d compete with the
/// ordinary outages (no blip while the unit is down), so the odds of being down add:
/// q/p = λ·r + ν·d. The mean repair time stays the real repair's, so RTO findings still name it.
enum TransientFolding {
    static func apply(_ model: SystemModel) -> SystemModel {
        guard model.components.contains(where: { $0.transient != nil }) else { return model }
        var result = model
        for index in result.components.indices {
            guard let transient = result.components[index].transient else { continue }
            result.components[index].figures = Self.withBlips(result.components[index].figures, transient)
        }
        return result
    }

    /// The same unit with blips added: odds λ·r + ν·d at the same mean repair time.
    static func withBlips(_ figures: UnitFigures, _ transient: TransientFaults) -> UnitFigures {
        let p = figures.probability
        return figures.withOdds(p.down / p.up + transient.rate * transient.duration)
    }
}
