/// Heartbeats and monitoring (`detect:` on a component, or a default on its layer): nobody starts
/// a repair before noticing the outage, so each outage lasts the detection plus the repair
/// (docs/patterns.md, "Detection"). Applied once at load to the figures both engines read: the
/// failure rate stays, the mean repair time grows by the detection time.
enum DetectionTime {
    /// The model with every detection time folded into its component's repair time. A stated
    /// `detect` without a mean repair time is refused by the reader; a layer's default skips such
    /// components.
    static func apply(_ model: SystemModel) -> SystemModel {
        let defaults = Dictionary(model.layers.compactMap { layer in layer.detect.map { (layer.name, $0) } }) { first, _ in first }
        guard !defaults.isEmpty || model.components.contains(where: { $0.detect != nil }) else { return model }
        var result = model
        for index in result.components.indices {
            var component = result.components[index]
            guard let detect = component.detect ?? defaults[component.layer],
                  let mttr = component.figures.mttr, component.repair == nil else { continue }
            component.figures = Self.lengthened(component.figures, repair: mttr, by: detect)
            component.detect = detect
            result.components[index] = component
        }
        return result
    }

    /// The same failure rate with each outage `detect` hours longer: odds of being down λ·(r + d).
    static func lengthened(_ figures: UnitFigures, repair r: Double, by d: Double) -> UnitFigures {
        switch figures {
        case .mtbf(let mtbf, _): return .mtbf(mtbf, mttr: r + d)
        case .rate(let rate, _): return .rate(rate, mttr: r + d)
        case .availability(let p, _):
            // λ = q / (p·r); the longer outage has odds λ·(r + d) = (q/p)·(r + d)/r.
            return .availability(Probability(odds: p.down / p.up * (r + d) / r), mttr: r + d)
        }
    }
}
