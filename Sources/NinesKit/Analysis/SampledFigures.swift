import Foundation

/// Monte Carlo figures for what no exact route reached, always inside a certified interval.
extension CompiledFigures {
    /// A Monte Carlo figure, inside its certified interval: `given` (from the parts, when known)
    /// narrowed by what the structure proves (`CompiledStructure.structuralBounds`,
    /// `associationBounds`), so an estimate
    /// never falls below the unavailability of what every path needs. When the analysis can no
    /// longer afford sampling, the certified interval alone, `bounded`.
    /// - Parameter shared: a draw shared by the closures (`SharedClosureDraw`): a closure whose
    ///   outage it saw often enough takes its estimate, inside the structure's bounds, and neither
    ///   lists cut sets nor draws again; a rarer one keeps its certified interval alone (drawing
    ///   each of hundreds of closures apart was most of a large fault tree's report).
    func sampled(_ name: String, targets: [Int], view: FigureView, background: BackgroundSystemEstimate?,
                 within given: UnavailabilityInterval?, budget: inout EvaluationBudget, because reason: String,
                 shared: () -> SharedClosureDraw? = { nil }) -> FlowFigures {
        let figures = ownProbabilities(view)
        let structural = structure.structuralBounds(targets: targets, figures: figures)
        var bounded = associationBounds(targets: targets, view: view).map(structural.intersected) ?? structural
        let sharedDraw = view == .path && targets.count == 1 ? shared().flatMap { $0.covers(targets[0]) ? $0 : nil } : nil
        if let counts = sharedDraw?.counts(of: targets[0]) {
            let certified = given.map { bounded.intersected(with: $0) } ?? bounded
            if let exact = pinned(name, by: certified, reason: reason) { return exact }
            return sampledFigure(name, estimate: Self.plain(counts, seed: AvailabilityAnalysis.estimateSeed, clamp: certified.clamp(availability:)),
                                 certified: certified, note: ", one draw shared by the closures", reason: reason)
        }
        let cuts = heaviestCutSets(targets: targets, view: view)
        if let cuts, let union = CutSetUnion(levels: 0, variables: figures)
            .probability(of: cuts.map { $0.components.map(Int32.init) }, nodeLimit: Self.cutSetUnionNodes), union > bounded.lower.down {
            bounded = UnavailabilityInterval(lower: Probability(unavailability: min(union, bounded.upper.down)), upper: bounded.upper)
        }
        let certified = given.map { bounded.intersected(with: $0) } ?? bounded
        if let exact = pinned(name, by: certified, reason: reason) { return exact }
        guard sharedDraw == nil,
              let estimate = estimate(targets: targets, view: view, background: background, within: certified, cuts: cuts, budget: &budget) else {
            var flow = FlowFigures(name: name, probability: certified.midpoint, frequency: nil,
                                   importance: [], componentsWithoutRates: [], diagramSize: 0)
            flow.method = .bounded
            flow.interval = certified
            flow.plan = FigurePlan(.boundsOnly, "bounds only: the structural interval " + certified.described,
                                   reason: reason + (sharedDraw == nil ? "; the analysis may sample no more figures"
                                                     : "; rarer than the closures' shared draw can state, and closures are not drawn one by one"))
            return flow
        }
        return sampledFigure(name, estimate: estimate, certified: certified, note: "", reason: reason)
    }

    /// Bounds that meet to a double's precision (independent k_of members, a figure of 0) are the
    /// figure itself: exact, as conditioning that enumerated every state is, with no draw.
    private func pinned(_ name: String, by certified: UnavailabilityInterval, reason: String) -> FlowFigures? {
        guard certified.isNarrow(relative: ConditionedConjunction.relativeTolerance) else { return nil }
        var flow = FlowFigures(name: name, probability: certified.midpoint, frequency: nil,
                               importance: [], componentsWithoutRates: [], diagramSize: 0)
        flow.method = .exact
        flow.interval = certified
        flow.plan = FigurePlan(.boundsOnly, "the structural interval " + certified.described + ", whose ends meet",
                               reason: reason + "; its certified bounds meet, so nothing is left to sample")
        return flow
    }

    /// A figure showing `estimate` inside `certified`.
    private func sampledFigure(_ name: String, estimate: SampledEstimate, certified: UnavailabilityInterval, note: String,
                               reason: String) -> FlowFigures {
        var flow = FlowFigures(name: name, probability: certified.figure(availability: estimate.availability), frequency: nil,
                               importance: [], componentsWithoutRates: [], diagramSize: 0)
        flow.method = .estimated
        flow.estimate = estimate
        flow.interval = certified
        flow.plan = FigurePlan(.sampled, "sampled (\(Format.count(estimate.samples)) samples\(estimate.samplingNote)\(note)) inside the structural interval "
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
    /// - Parameter cuts: the targets' likeliest cut sets when already found (`heaviestCutSets`).
    func estimate(targets: [Int], view: FigureView, background: BackgroundSystemEstimate?,
                  within certified: UnavailabilityInterval?, cuts known: [HeaviestCutSets.CutSet]? = nil, budget: inout EvaluationBudget) -> SampledEstimate? {
        let seed = AvailabilityAnalysis.estimateSeed
        let isSystem = Set(targets) == Set(structure.roots)
        let clamp = { (value: Double) in certified?.clamp(availability: value) ?? value }
        let figures = ownProbabilities(view)
        var cuts = known
        // A large structure whose certified interval leaves a plain draw fewer than 10 outages to
        // expect: its seconds of sampling could not state an error, so the cut-set mixture first.
        if structure.names.count >= Self.largeForPlainSampling, budget.sampledFigures > 0,
           let certified, certified.upper.down * Double(SystemSampling.samples) < 10 {
            cuts = cuts ?? heaviestCutSets(targets: targets, view: view)
            if let cuts, !cuts.isEmpty {
                let mixture = CutSetMixtureSampling(sampling: SystemSampling(structure: structure, figures: figures, targets: targets), cuts: cuts)
                    .estimate(seed: seed)
                if mixture.relativeError < FailureBiasedSampling.targetRelativeError {
                    budget.sampledFigures -= 1
                    return Self.weighted(mixture, "cutSetMixture", seed: seed, clamp: clamp)
                }
            }
        }
        let counts: (up: Int, samples: Int)
        if let drawn = isSystem && view == .callers ? background?.counts() : nil {
            counts = drawn
        } else {
            guard budget.sampledFigures > 0 else { return nil }
            budget.sampledFigures -= 1
            counts = SystemSampling(structure: structure, figures: figures, targets: targets).systemUpCount(seed: seed)
        }
        let outages = counts.samples - counts.up
        let plainError = Self.relativeError(outages: outages, samples: counts.samples)
        // A rare outage: a plain draw that saw few or none says little, so draw again with failures
        // biased towards (see `FailureBiasedSampling`). Not past the plain draw's work budget (very
        // large models): there nearly every component fails more often than the bias level anyway.
        if plainError >= FailureBiasedSampling.targetRelativeError {
            let sampling = SystemSampling(structure: structure, figures: figures, targets: targets)
            var best: (estimate: FailureBiasedSampling.Estimate, method: String)?
            if counts.samples >= SystemSampling.samples { best = (FailureBiasedSampling(sampling: sampling).estimate(seed: seed), "failureBiased") }
            // Outages that need several components down at once, or a draw cut short by its work:
            // importance sampling over the likeliest cut sets, kept when its error is smaller.
            if !(best.map { $0.estimate.relativeError < FailureBiasedSampling.targetRelativeError } ?? false) {
                cuts = cuts ?? heaviestCutSets(targets: targets, view: view)
                if let cuts, !cuts.isEmpty {
                    let mixture = CutSetMixtureSampling(sampling: sampling, cuts: cuts).estimate(seed: seed)
                    if best.map({ mixture.relativeError < $0.estimate.relativeError }) ?? true { best = (mixture, "cutSetMixture") }
                }
            }
            if let best { return Self.weighted(best.estimate, best.method, seed: seed, clamp: clamp) }
        }
        return Self.plain(counts, seed: seed, clamp: clamp)
    }

    /// A plain draw's estimate: the proportion up and its interval, clamped.
    static func plain(_ counts: (up: Int, samples: Int), seed: UInt64, clamp: (Double) -> Double) -> SampledEstimate {
        let interval = ProportionInterval(successes: counts.up, trials: counts.samples)
        var estimate = SampledEstimate(availability: clamp(interval.estimate), low: clamp(interval.low), high: clamp(interval.high),
                                       samples: counts.samples, seed: seed)
        let error = relativeError(outages: counts.samples - counts.up, samples: counts.samples)
        estimate.relativeError = error.isFinite ? error : nil
        return estimate
    }

    /// Structures from this many components skip a plain draw that could not state an error (it
    /// costs seconds on a 3,000-event fault tree) when the cut-set mixture can.
    static let largeForPlainSampling = 1000

    /// An importance-sampling estimate as a figure's: the 95% interval is ± 1.96 standard errors,
    /// everything clamped into the certified interval.
    static func weighted(_ estimate: FailureBiasedSampling.Estimate, _ method: String, seed: UInt64,
                         clamp: (Double) -> Double) -> SampledEstimate {
        let margin = 1.959964 * estimate.standardError
        var figure = SampledEstimate(availability: clamp(1 - estimate.unavailability), low: clamp(1 - (estimate.unavailability + margin)),
                                     high: clamp(1 - max(0, estimate.unavailability - margin)), samples: estimate.samples, seed: seed)
        figure.relativeError = estimate.relativeError.isFinite ? estimate.relativeError : nil
        figure.sampling = method
        return figure
    }

    /// The likeliest cut sets of "some target down" (`HeaviestCutSets`), nil past
    /// `associationComponents` components reached.
    func heaviestCutSets(targets: [Int], view: FigureView) -> [HeaviestCutSets.CutSet]? {
        guard let reached = structure.reached(from: targets, atMost: Self.associationComponents) else { return nil }
        return HeaviestCutSets.find(structure.dependencies, down: ownProbabilities(view).map(\.down),
                                    targets: targets, order: reached)
    }

    /// Every component's own figure in `view`, by component index.
    func ownProbabilities(_ view: FigureView) -> [Probability] {
        structure.names.indices.map { ownFigures($0, view).probability }
    }

    /// Most nodes the diagram of the likeliest cut sets' union may take (it is a lower bound only).
    static let cutSetUnionNodes = 200_000

    /// A sampled proportion's standard error / the proportion (of outages); infinite with none.
    static func relativeError(outages: Int, samples: Int) -> Double {
        guard outages > 0, samples > 0 else { return .infinity }
        let fraction = Double(outages) / Double(samples)
        return (fraction * (1 - fraction) / Double(samples)).squareRoot() / fraction
    }

}
