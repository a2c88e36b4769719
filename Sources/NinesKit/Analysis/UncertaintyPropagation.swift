import Foundation

/// Each objective's availability as a distribution over what the modeller does not know: the
/// uncertain inputs (`mttr: 15m..2h`, lognormal MTBFs; docs/uncertainty.md) are drawn together by
/// Latin hypercube sampling, and each draw is evaluated exactly on the structure compiled once
/// (a drawn figure is a new probability of its component's variable), in the SLA view the verdict
/// uses. Pure and seeded; computed in `init`.
package struct UncertaintyPropagation: Sendable {
    package struct Input: Sendable {
        public let component: String
        public let field: UncertainInput.Field
        public let distribution: InputDistribution
    }

    package struct ObjectiveDistribution: Sendable {
        public let objective: String
        public let target: Probability?
        /// The figure with every input at its median: the report's figure.
        public let atMedians: Probability
        /// The 5th, 50th and 95th percentile of the availability (5th the worst of the three).
        public let p5: Probability
        public let p50: Probability
        public let p95: Probability
        /// Mean unavailability over the draws (what a long-run average over the uncertainty gives).
        public let meanUnavailability: Double
        /// Share of draws whose availability meets the target; nil without a target.
        public let probabilityMeetingTarget: Double?
        /// Why the objective was not propagated (its figure is not exact), else nil; the figures
        /// above then repeat the report's.
        public let notPropagated: String?
    }

    public let samples: Int
    public let seed: UInt64
    public let inputs: [Input]
    /// In model order; empty when the model states no uncertainty.
    public let objectives: [ObjectiveDistribution]

    public static let defaultSamples = 10_000
    public static let defaultSeed: UInt64 = 1

    /// Whether any component of `model` states an uncertainty (else there is nothing to propagate).
    /// Asked here, not by the caller: outside this module each component was copied to be asked.
    package static func applies(to model: SystemModel) -> Bool {
        model.components.indices.contains { model.components[$0].uncertainty != nil }
    }

    public init(_ analysis: AvailabilityAnalysis, samples: Int = Self.defaultSamples, seed: UInt64 = Self.defaultSeed) {
        let model = analysis.model
        let structure = analysis.structure
        self.samples = samples
        self.seed = seed
        // Each uncertain component once (the placed one for its replicas), with what it drives.
        // A crew's member keeps its medians: its queue (CrewFolding) is not replayed per draw.
        let uncertain = model.components.indices.filter {
            model.components[$0].uncertainty != nil && model.components[$0].responsibility.countsAgainstSLA
                && model.components[$0].crew == nil
        }
        inputs = uncertain.flatMap { index in
            model.components[index].uncertainty!.inputs.map {
                Input(component: model.components[index].name, field: $0.field, distribution: $0.distribution)
            }
        }
        guard !inputs.isEmpty, samples > 0 else { objectives = []; return }
        let replicasOf = Dictionary(grouping: model.components.indices.filter { model.components[$0].placedReplica != nil }) {
            model.components[$0].placedReplica!.of
        }
        let draws = Self.latinHypercube(inputs: inputs.map(\.distribution), samples: samples, seed: seed)

        let baseline = model.components.map(AdviceEvaluator.slaFigures)
        let evaluators = model.objectives.indices.map { AdviceEvaluator(model: model, structure: structure, objectiveIndex: $0) }
        let atMedians = evaluators.map { $0.figure(with: []) }
        let propagated = atMedians.map { $0.method == .exact }
        let callers = model.objectives.map { $0.measure == .availability }
        // An objective that is one diagram is read off the draw's pass over the diagrams alone;
        // any other exact one (a conjunction conditioned exactly) is evaluated in full per draw.
        var roots: [BDD.Ref?] = model.objectives.indices.map { _ in nil }
        for index in model.objectives.indices where propagated[index] {
            if case .diagram(let root) = structure.objectives[index] { roots[index] = root }
        }
        let needsFullEvaluation = model.objectives.indices.contains { propagated[$0] && roots[$0] == nil }
        var pathDraws = DiagramDraws(structure.bdd, roots: model.objectives.indices.compactMap { callers[$0] ? nil : roots[$0] })
        var callerDraws = DiagramDraws(structure.bdd, roots: model.objectives.indices.compactMap { callers[$0] ? roots[$0] : nil })
        var levelOf = [Int](repeating: -1, count: model.components.count)
        for (level, component) in structure.componentAtLevel.enumerated() { levelOf[component] = level }
        var pathUp = structure.componentAtLevel.map { baseline[$0].effective.probability.up }
        var pathDown = structure.componentAtLevel.map { baseline[$0].effective.probability.down }
        var callerUp = structure.componentAtLevel.map { baseline[$0].masked.probability.up }
        var callerDown = structure.componentAtLevel.map { baseline[$0].masked.probability.down }

        var down = [[Double]](repeating: [], count: model.objectives.count)
        for index in down.indices { down[index].reserveCapacity(samples) }
        var figures = baseline
        // Drawn figures are written into one working copy of the components, and each draw reads
        // recipes gathered once: copying a component per draw cost more than evaluating it.
        var working = model.components
        var recipes: [DrawRecipe] = []
        var column = 0
        for index in uncertain {
            let component = model.components[index]
            let uncertainty = component.uncertainty!
            let parts = (component.placement == nil ? [] : (replicasOf[component.name] ?? []).map { ($0, DrawnFigures.Part.placedReplica) })
                + [(index, component.placement == nil ? DrawnFigures.Part.whole : .placedCommon)]
            recipes.append(DrawRecipe(stated: uncertainty.stated, fields: uncertainty.inputs.map(\.field), firstColumn: column,
                                      beta: uncertainty.placementBeta, targets: parts.map { target, part in
                let loaded = model.components[target]
                // Without failover, masking or a completion window a component's variable is its own k-of-n figure in
                // both views (`OwnAvailability`'s probability, no frequency needed); the others
                // need the full `EffectiveAvailability`.
                let plain = loaded.failover == nil && loaded.maskedFor == nil && loaded.completionWindow == nil && !needsFullEvaluation
                return DrawRecipe.Target(index: target, level: levelOf[target], part: part, plain: plain, replicas: loaded.replicas,
                                         needs: loaded.needs, beta: loaded.commonCause,
                                         detect: loaded.repair == nil ? loaded.detect : nil, transient: loaded.transient,
                                         folds: DrawnFigures.Folds(loaded))
            }))
            column += uncertainty.inputs.count
        }
        var lastUnit = [Probability?](repeating: nil, count: structure.componentAtLevel.count)
        for sample in 0..<samples {
            for recipe in recipes {
                let stated = DrawnFigures.stated(recipe.stated, fields: recipe.fields) { draws[recipe.firstColumn + $0][sample] }
                for target in recipe.targets {
                    let drawn = DrawnFigures.loaded(stated, part: target.part, beta: recipe.beta, detect: target.detect,
                                                    transient: target.transient, folds: target.folds)
                    let level = target.level
                    if target.plain {
                        // An availability whose repair time alone is drawn keeps its unit figure
                        // (the repair time only sets its frequency): the k-of-n figure stands.
                        guard level >= 0, drawn.probability != lastUnit[level] else { continue }
                        lastUnit[level] = drawn.probability
                        let own = OwnAvailability.probability(figures: drawn, replicas: target.replicas, needs: target.needs, beta: target.beta)
                        (pathUp[level], pathDown[level], callerUp[level], callerDown[level]) = (own.up, own.down, own.up, own.down)
                        continue
                    }
                    working[target.index].figures = drawn
                    let sla = AdviceEvaluator.slaFigures(working[target.index])
                    figures[target.index] = sla
                    guard level >= 0 else { continue }
                    (pathUp[level], pathDown[level]) = (sla.effective.probability.up, sla.effective.probability.down)
                    (callerUp[level], callerDown[level]) = (sla.masked.probability.up, sla.masked.probability.down)
                }
            }
            pathDraws.evaluate(up: pathUp, down: pathDown)
            callerDraws.evaluate(up: callerUp, down: callerDown)
            let compiled = needsFullEvaluation ? CompiledFigures(structure, effective: figures) : nil
            for objective in model.objectives.indices where propagated[objective] {
                if let root = roots[objective] {
                    down[objective].append(callers[objective] ? callerDraws.unavailability(of: root) : pathDraws.unavailability(of: root))
                } else if let compiled {
                    down[objective].append(evaluators[objective].figure(compiled).probability.down)
                }
            }
        }
        objectives = model.objectives.indices.map { index in
            let objective = model.objectives[index]
            let median = atMedians[index].probability
            guard propagated[index] else {
                return ObjectiveDistribution(objective: objective.name, target: objective.target, atMedians: median, p5: median, p50: median,
                                             p95: median, meanUnavailability: median.down, probabilityMeetingTarget: nil,
                                             notPropagated: "its figure is \(atMedians[index].method.rawValue), not exact: each draw would need a simulation")
            }
            let sorted = down[index].sorted()
            // The availability's p-th percentile is the unavailability's (1 − p)-th.
            func percentile(_ p: Double) -> Probability {
                let q = Self.quantile(sorted, 1 - p)
                return Probability(up: 1 - q, down: q)
            }
            let meeting = objective.target.map { target in
                Double(sorted.count { $0 <= target.down }) / Double(sorted.count)
            }
            return ObjectiveDistribution(objective: objective.name, target: objective.target, atMedians: median,
                                         p5: percentile(0.05), p50: percentile(0.5), p95: percentile(0.95),
                                         meanUnavailability: sorted.reduce(0, +) / Double(sorted.count),
                                         probabilityMeetingTarget: meeting, notPropagated: nil)
        }
    }

    /// The empirical quantile of sorted values, interpolated between order statistics (Hyndman and
    /// Fan's type 7, the default of R and NumPy).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }

    /// `samples` draws of each input (by input, then sample): each input's range of probability is
    /// cut into `samples` equal strata, one draw in each, and the strata are paired at random
    /// across inputs (McKay, Beckman & Conover 1979), which covers every input's tails with far
    /// fewer draws than independent sampling.
    static func latinHypercube(inputs: [InputDistribution], samples: Int, seed: UInt64) -> [[Double]] {
        var random = Xoshiro256StarStar(seed: seed)
        return inputs.map { distribution in
            let quantile = distribution.quantiles
            var strata = Array(0..<samples)
            for index in stride(from: samples - 1, to: 0, by: -1) {   // Fisher–Yates
                strata.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            return strata.map { stratum in
                let p = (Double(stratum) + random.nextOpenUnit()) / Double(samples)
                return quantile(min(p, 1.0.nextDown))   // (0, 1) strictly: a quantile's tails are infinite
            }
        }
    }
}

/// What one draw needs of an uncertain component, gathered once: its statement, which drawn
/// columns are its inputs, and the loaded components its figure becomes (itself, or a placed
/// component's common part and replicas) with what the loader added to each.
private struct DrawRecipe {
    struct Target {
        let index: Int
        /// Its BDD variable's level; −1 when it has none.
        let level: Int
        let part: DrawnFigures.Part
        let plain: Bool
        let replicas: Int
        let needs: Int
        let beta: Double
        let detect: Double?
        let transient: TransientFaults?
        let folds: DrawnFigures.Folds?
    }

    let stated: UnitFigures
    let fields: [UncertainInput.Field]
    let firstColumn: Int
    let beta: Double
    let targets: [Target]
}
