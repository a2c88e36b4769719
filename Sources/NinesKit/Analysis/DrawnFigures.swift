/// The figures the engines read for a component whose uncertain inputs take drawn values: the
/// statement with the drawn values, then the loader's own derivation replayed on it (placement's
/// common-cause split, detection time, transient blips, then a standby block, drills and
/// maintenance windows folded in), so a drawn figure means what the same figure written in the
/// file would mean.
enum DrawnFigures {
    /// The stated figures with the input of `fields[i]` at `value(i)`.
    static func stated(_ stated: UnitFigures, fields: [UncertainInput.Field], value: (Int) -> Double) -> UnitFigures {
        var figures = stated
        for (position, field) in fields.enumerated() {
            let value = value(position)
            switch (field, figures) {
            case (.availability, .availability(_, let mttr)): figures = .availability(Probability(up: 1 - value, down: value), mttr: mttr)
            case (.mtbf, .mtbf(_, let mttr)): figures = .mtbf(value, mttr: mttr)
            case (.rate, .rate(_, let mttr)): figures = .rate(value, mttr: mttr)
            case (.mttr, .availability(let p, _)): figures = .availability(p, mttr: value)
            case (.mttr, .mtbf(let mtbf, _)): figures = .mtbf(mtbf, mttr: value)
            case (.mttr, .rate(let rate, _)): figures = .rate(rate, mttr: value)
            default: continue   // the reader pairs each field with its own kind of statement
            }
        }
        return figures
    }

    /// Which part of a stated figure a loaded component carries.
    enum Part { case whole, placedReplica, placedCommon }

    /// What the loader makes of `stated` for `component` (as loaded), in the order it derives it.
    static func loaded(_ stated: UnitFigures, part: Part, beta: Double, for component: Component) -> UnitFigures {
        loaded(stated, part: part, beta: beta, detect: component.repair == nil ? component.detect : nil, transient: component.transient,
               folds: Folds(component))
    }

    /// As `loaded(_:part:beta:for:)` with the component's detection time (nil when it has a
    /// repair distribution, which detection does not lengthen), blips and later folds.
    static func loaded(_ stated: UnitFigures, part: Part, beta: Double, detect: Double?, transient: TransientFaults?,
                       folds: Folds?) -> UnitFigures {
        var figures = stated
        switch part {
        case .whole: break
        case .placedReplica: figures = PlacementExpansion.split(figures, beta: beta).instance
        case .placedCommon: figures = PlacementExpansion.split(figures, beta: beta).common
        }
        if let detect, let mttr = figures.mttr {
            figures = DetectionTime.lengthened(figures, repair: mttr, by: detect)
        }
        if let transient { figures = TransientFolding.withBlips(figures, transient) }
        return folds?.applied(to: figures) ?? figures
    }

    /// What the loader folds into a component after detection and blips, in its order
    /// (StandbyFolding, LatentFolding, MaintenanceFolding): kept from the loaded component so a
    /// drawn figure goes through the same block, drill cycle and windows as the stated one. A
    /// class, nil for a component without any: the draws pass it for every component every draw,
    /// and copying it inline cost a tenth of a draw.
    final class Folds {
        let standby: (block: Standby, units: Standby.Units)?
        let latent: LatentFailures?
        let maintenance: Maintenance?

        init?(_ component: Component) {
            standby = component.standby.flatMap { block in block.stated.map { (block, $0) } }
            latent = component.latent
            maintenance = component.maintenance
            if standby == nil && latent == nil && maintenance == nil { return nil }
        }

        func applied(to stated: UnitFigures) -> UnitFigures {
            var figures = stated
            if let standby, let block = StandbyFolding.block(figures, standby.block, replicas: standby.units.replicas,
                                                             needs: standby.units.needs) {
                figures = block
            }
            if let latent, let drilled = LatentFolding.drilled(figures, latent) { figures = drilled }
            if let maintenance { figures = MaintenanceFolding.withWindows(figures, maintenance) }
            return figures
        }
    }
}
