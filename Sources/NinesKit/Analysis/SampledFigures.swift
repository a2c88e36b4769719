import Foundation

/// Monte Carlo figures for what no exact route reached, always inside a certified interval.
extension CompiledFigures {
    /// A Monte Carlo figure, inside its certified interval: `given` (from the parts, when known)
    /// narrowed by what the structure proves (`CompiledStructure.structuralBounds`), so an estimate
    /// never falls below the unavailability of what every path needs. When the analysis can no
    /// longer afford sampling, the certified interval alone, `bounded`.
    func sampled(_ name: String, targets: [Int], view: FigureView, background: BackgroundSystemEstimate?,
                 within given: UnavailabilityInterval?, budget: inout EvaluationBudget, because reason: String) -> FlowFigures {
        let structural = structure.structuralBounds(targets: targets, figures: structure.names.indices.map { ownFigures($0, view).probability })
        let certified = given.map { structural.intersected(with: $0) } ?? structural
        guard let estimate = estimate(targets: targets, view: view, background: background, within: certified, budget: &budget) else {
            var flow = FlowFigures(name: name, probability: certified.midpoint, frequency: nil,
                                   importance: [], componentsWithoutRates: [], diagramSize: 0)
            flow.method = .bounded
            flow.interval = certified
            flow.plan = FigurePlan(.boundsOnly, "bounds only: the structural interval " + certified.described,
                                   reason: reason + "; the analysis may sample no more figures")
            return flow
        }
        var flow = FlowFigures(name: name, probability: certified.figure(availability: estimate.availability), frequency: nil,
                               importance: [], componentsWithoutRates: [], diagramSize: 0)
        flow.method = .estimated
        flow.estimate = estimate
        flow.interval = certified
        flow.plan = FigurePlan(.sampled, "sampled (\(Format.count(estimate.samples)) samples\(estimate.sampling == "plain" ? "" : ", failure-biased")) inside the structural interval "
                               + certified.described, reason: reason)
        return flow
    }

    /// Whether `estimate` would give an estimate for `targets` (without drawing it).
    func canSample(targets: [Int], view: FigureView, background: BackgroundSystemEstimate?, budget: EvaluationBudget) -> Bool {
        if budget.sampledFigures > 0 { return true }
        guard let background, view == .callers, !background.isCancelled else { return false }
        return Set(targets) == Set(structure.roots)
    }

    /// A seeded Monte Carlo estimate of "all targets up", clamped into `certified` when known.
    /// Nil when no background estimate serves and the analysis may sample no more figures.
    func estimate(targets: [Int], view: FigureView, background: BackgroundSystemEstimate?,
                  within certified: UnavailabilityInterval?, budget: inout EvaluationBudget) -> SampledEstimate? {
        let seed = AvailabilityAnalysis.estimateSeed
        let isSystem = Set(targets) == Set(structure.roots)
        let counts: (up: Int, samples: Int)
        if let drawn = isSystem && view == .callers ? background?.counts() : nil {
            counts = drawn
        } else {
            guard budget.sampledFigures > 0 else { return nil }
            budget.sampledFigures -= 1
            counts = SystemSampling(structure: structure, figures: structure.names.indices.map { ownFigures($0, view).probability },
                                    targets: targets).systemUpCount(seed: seed)
        }
        let clamp = { (value: Double) in certified?.clamp(availability: value) ?? value }
        let outages = counts.samples - counts.up
        let plainError = Self.relativeError(outages: outages, samples: counts.samples)
        // A rare outage: a plain draw that saw few or none says little, so draw again with failures
        // biased towards (see `FailureBiasedSampling`). Not past the plain draw's work budget (very
        // large models): there nearly every component fails more often than the bias level anyway.
        if plainError >= FailureBiasedSampling.targetRelativeError && counts.samples >= SystemSampling.samples {
            let sampling = SystemSampling(structure: structure, figures: structure.names.indices.map { ownFigures($0, view).probability },
                                          targets: targets)
            let biased = FailureBiasedSampling(sampling: sampling).estimate(seed: seed)
            let margin = 1.959964 * biased.standardError
            var estimate = SampledEstimate(availability: clamp(1 - biased.unavailability), low: clamp(1 - (biased.unavailability + margin)),
                                           high: clamp(1 - max(0, biased.unavailability - margin)), samples: biased.samples, seed: seed)
            estimate.relativeError = biased.relativeError.isFinite ? biased.relativeError : nil
            estimate.sampling = "failureBiased"
            return estimate
        }
        let interval = ProportionInterval(successes: counts.up, trials: counts.samples)
        var estimate = SampledEstimate(availability: clamp(interval.estimate), low: clamp(interval.low), high: clamp(interval.high),
                                       samples: counts.samples, seed: seed)
        estimate.relativeError = plainError.isFinite ? plainError : nil
        return estimate
    }

    /// A sampled proportion's standard error / the proportion (of outages); infinite with none.
    static func relativeError(outages: Int, samples: Int) -> Double {
        guard outages > 0, samples > 0 else { return .infinity }
        let fraction = Double(outages) / Double(samples)
        return (fraction * (1 - fraction) / Double(samples)).squareRoot() / fraction
    }

}
