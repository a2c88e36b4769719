/// Which variable figures a figure is evaluated with: the path view (failover folded in) or the
/// caller view (masking windows applied as well).
enum FigureView: Sendable { case path, callers }

/// The evaluation of a compiled structure for one set of component figures: each `StructureForm`
/// by its method (one pass over a diagram, conditioning, or sampling), with importance and
/// failure frequency. Never adds to the diagram, so it can be shared once built.
struct CompiledFigures: @unchecked Sendable {   // the BDD is only read after compilation
    let structure: CompiledStructure
    let effective: [EffectiveAvailability]
    /// Probability of each BDD variable (by level) in the path and the caller view.
    let pathVariables: [Probability]
    let callerVariables: [Probability]
    let pathNodes: NodeProbabilities
    let callerNodes: NodeProbabilities

    init(_ structure: CompiledStructure, effective: [EffectiveAvailability]) {
        self.structure = structure
        self.effective = effective
        pathVariables = structure.componentAtLevel.map { effective[$0].effective.probability }
        callerVariables = structure.componentAtLevel.map { effective[$0].masked.probability }
        pathNodes = NodeProbabilities(structure.bdd, variables: pathVariables)
        callerNodes = callerVariables == pathVariables ? pathNodes : NodeProbabilities(structure.bdd, variables: callerVariables)
    }

    /// Identifies a conjunction's evaluation: its factors, and the view when the views differ.
    struct Key: Hashable {
        let factors: [BDD.Ref]
        let groups: [ConjunctionTerms.Group]
        let callers: Bool
    }

    func key(_ form: StructureForm, _ view: FigureView) -> Key {
        let terms = structure.terms(of: form)
        return Key(factors: terms.factors.sorted(), groups: terms.groups, callers: view == .callers && callerVariables != pathVariables)
    }

    func variables(_ view: FigureView) -> [Probability] { view == .callers ? callerVariables : pathVariables }
    func ownFigures(_ index: Int, _ view: FigureView) -> OwnAvailability {
        view == .callers ? effective[index].masked : effective[index].effective
    }

    /// "All of these components up" (component indices).
    func figure(named name: String, requiring components: [Int], view: FigureView) -> FlowFigures {
        var diagrams: [BDD.Ref] = [], conjunctions: [Int] = []
        for component in components {
            switch structure.closure[component] {
            case .diagram(let root): diagrams.append(root)
            case .conjunction: conjunctions.append(component)
            case .sampled:
                return figure(named: name, form: .sampled, targets: components, view: view)
            }
        }
        let form: StructureForm = conjunctions.isEmpty && diagrams.count == 1 ? .diagram(diagrams[0])
            : .conjunction(diagrams: diagrams, closures: conjunctions, groups: [])
        return figure(named: name, form: form, targets: components, view: view)
    }

    /// The figures of `form`, whose targets (the components that must be up) are `targets`.
    /// - Parameter background: a Monte Carlo estimate already being drawn for these targets.
    func figure(named name: String, form: StructureForm, targets: [Int], view: FigureView,
                background: BackgroundSystemEstimate? = nil) -> FlowFigures {
        var allowance = AnalysisAllowance(figure: structure.budget)
        return figure(named: name, form: form, targets: targets, view: view, background: background, allowance: &allowance)
    }

    /// As `figure(named:form:targets:view:background:)`, conditioning within what is left of
    /// `allowance` (work shared by every figure of one analysis, so a model with many conjunctions
    /// cannot stall a pipeline); what it spends is taken off.
    func figure(named name: String, form: StructureForm, targets: [Int], view: FigureView,
                background: BackgroundSystemEstimate? = nil, allowance: inout AnalysisAllowance) -> FlowFigures {
        switch form {
        case .diagram(let root):
            let nodes = view == .callers ? callerNodes : pathNodes
            let diagram = structure.bdd.nodes(below: root)
            let birnbaum = structure.bdd.birnbaum(root: root, diagram: diagram, variables: variables(view), nodes: nodes)
            var flow = figures(name, probability: nodes[root], birnbaum: birnbaum, view: view, diagramSize: diagram.count)
            flow.plan = .diagram(nodes: diagram.count, whole: true)
            return flow
        case .conjunction:
            let terms = structure.terms(of: form)
            if terms.factors.count == 1 && terms.groups.isEmpty {
                return figure(named: name, form: .diagram(terms.factors[0]), targets: targets, view: view, allowance: &allowance)
            }
            let parts = factorBounds(terms, view: view)
            guard let result = evaluate(terms, view: view, allowance: &allowance.conditioning, parts: allowance.parts) else {
                return sampled(name, targets: targets, view: view, background: background, within: parts, allowance: &allowance,
                               because: "conditioning could not afford it (too many shared components or states, or the analysis's allowance spent)")
            }
            // The certified interval on Q: the enumeration's, narrowed by the factor bounds. Its best
            // value, when not exact: the evaluation's unbiased estimate (`RemainderSampling`).
            let interval = result.interval.intersected(with: parts)
            let value = result.isExact ? interval.midpoint : result.value(within: interval)
            var flow = figures(name, probability: value, birnbaum: result.birnbaum, view: view, diagramSize: result.diagramSize)
            flow.plan = result.plan
            if result.interval.lower.down >= parts.lower.down || result.interval.upper.down <= parts.upper.down {   // the enumeration told something
                flow.conditioning = result.conditioning
            }
            flow.interval = interval
            guard !result.isExact else { return flow }
            flow.method = .bounded
            // Wider than the figure itself: say what sampling finds, inside the interval (while the
            // analysis can still afford sampling; else the interval stands).
            if interval.width > interval.lower.down,
               let estimate = estimate(targets: targets, view: view, background: background, within: interval, allowance: &allowance) {
                flow.method = .estimated
                flow.estimate = estimate
                flow.plan = FigurePlan(.sampled, "sampled (\(Format.count(estimate.samples)) samples\(estimate.sampling == "plain" ? "" : ", failure-biased")) inside the certified interval "
                                       + interval.described, reason: "the enumeration's interval is wider than the figure itself",
                                       parts: [result.plan])
                flow = flow.replacingProbability(interval.figure(availability: estimate.availability))
            }
            return flow
        case .sampled:
            return sampled(name, targets: targets, view: view, background: background, within: nil, allowance: &allowance,
                           because: "the structure did not compile within the node budget")
        }
    }

    /// Cheap certified bounds on a conjunction from its parts alone (events increasing in
    /// independent components): Q is at least the largest factor's and at most the sum of the
    /// factors' and the groups'. A group of n members needing k is down when n − k + 1 are: at
    /// most Σ_m Q_m / (n − k + 1) (Markov), and, needing one, at most the likeliest member's
    /// outage; a member's Q is at most the same bound of its own terms.
    func factorBounds(_ terms: ConjunctionTerms, view: FigureView) -> UnavailabilityInterval {
        let nodes = view == .callers ? callerNodes : pathNodes
        var worst = Probability.perfect
        for factor in terms.factors where nodes[factor].down > worst.down { worst = nodes[factor] }
        let union = max(worst.down, min(1, unionBound(terms, nodes)))
        return UnavailabilityInterval(lower: worst, upper: Probability(up: max(0, 1 - union), down: union))
    }

    /// Σ of the factors' Q and the groups' bounds (see `factorBounds`), uncapped.
    private func unionBound(_ terms: ConjunctionTerms, _ nodes: NodeProbabilities) -> Double {
        var sum = CompensatedSum()
        for factor in terms.factors { sum.add(nodes[factor].down) }
        for group in terms.groups {
            let members = group.members.map { min(1, unionBound($0, nodes)) }
            let markov = members.reduce(0, +) / Double(members.count - group.k + 1)
            sum.add(min(1, group.k == 1 ? min(markov, members.min() ?? 1) : markov))
        }
        return sum.value
    }

    /// A Monte Carlo figure, inside its certified interval: `given` (from the parts, when known)
    /// narrowed by what the structure proves (`CompiledStructure.structuralBounds`), so an estimate
    /// never falls below the unavailability of what every path needs. When the analysis can no
    /// longer afford sampling, the certified interval alone, `bounded`.
    func sampled(_ name: String, targets: [Int], view: FigureView, background: BackgroundSystemEstimate?,
                 within given: UnavailabilityInterval?, allowance: inout AnalysisAllowance, because reason: String) -> FlowFigures {
        let structural = structure.structuralBounds(targets: targets, figures: structure.names.indices.map { ownFigures($0, view).probability })
        let certified = given.map { structural.intersected(with: $0) } ?? structural
        guard let estimate = estimate(targets: targets, view: view, background: background, within: certified, allowance: &allowance) else {
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

    /// A seeded Monte Carlo estimate of "all targets up", clamped into `certified` when known.
    /// Nil when no background estimate serves and the analysis may sample no more figures.
    func estimate(targets: [Int], view: FigureView, background: BackgroundSystemEstimate?,
                  within certified: UnavailabilityInterval?, allowance: inout AnalysisAllowance) -> SampledEstimate? {
        let seed = AvailabilityAnalysis.estimateSeed
        let isSystem = Set(targets) == Set(structure.roots)
        let counts: (up: Int, samples: Int)
        if let drawn = isSystem && view == .callers ? background?.counts() : nil {
            counts = drawn
        } else {
            guard allowance.sampledFigures > 0 else { return nil }
            allowance.sampledFigures -= 1
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

    /// Importance and failure frequency from Birnbaum importance by level.
    func figures(_ name: String, probability: Probability, birnbaum: [Double], view: FigureView, diagramSize: Int) -> FlowFigures {
        var importances: [Importance] = []
        var frequency = 0.0
        var missingRates: [String] = []
        for level in birnbaum.indices where birnbaum[level] > 0 {
            let index = structure.componentAtLevel[level]
            let own = ownFigures(index, view)
            importances.append(Importance(component: structure.names[index], layer: structure.layers[index], birnbaum: birnbaum[level],
                                          own: own.probability, figure: probability))
            if let w = own.frequency {
                frequency += birnbaum[level] * w
            } else if own.probability.down > 0 {
                missingRates.append(structure.names[index])
            }
        }
        return FlowFigures(name: name, probability: probability, frequency: missingRates.isEmpty ? frequency : nil,
                           importance: Importance.ranked(importances), componentsWithoutRates: missingRates.sorted(),
                           diagramSize: diagramSize)
    }

    /// Component `index`'s availability with its dependency closure (path view), without importance.
    func closure(_ index: Int) -> ClosureFigure {
        switch structure.closure[index] {
        case .diagram(let root): return ClosureFigure(probability: pathNodes[root], method: .exact)
        case .conjunction, .sampled:
            let flow = figure(named: structure.names[index], form: structure.closure[index], targets: [index], view: .path)
            return ClosureFigure(probability: flow.probability, method: flow.method)
        }
    }

    /// Components whose failure alone (everything else up) takes `form` down, in model order.
    func singlePointsOfFailure(of form: StructureForm, targets: [Int]) -> [String] {
        var levels = Set<Int32>()
        switch form {
        case .diagram, .conjunction:
            levels = singleFailureLevels(structure.terms(of: form))
        case .sampled:
            // No diagram to read them from: ask the structure function, one component at a time.
            return structure.singleFailures(targets: targets).map { structure.names[$0] }
        }
        return levels.map { structure.componentAtLevel[Int($0)] }.sorted().map { structure.names[$0] }
    }
}

extension CompiledFigures {
    /// Levels whose failure alone takes `terms` down. A group goes down when more than n − k of
    /// its members do: a component is a single point of failure of the group when it alone takes
    /// that many members down (each member's own, at any depth).
    func singleFailureLevels(_ terms: ConjunctionTerms) -> Set<Int32> {
        var levels = Set<Int32>()
        for root in terms.factors { levels.formUnion(structure.bdd.singleFailureLevels(root: root)) }
        for group in terms.groups {
            var membersDown: [Int32: Int] = [:]
            for member in group.members {
                for level in singleFailureLevels(member) { membersDown[level, default: 0] += 1 }
            }
            for (level, count) in membersDown where count > group.members.count - group.k { levels.insert(level) }
        }
        return levels
    }
}

extension FlowFigures {
    /// The same figures with another best value (an estimate inside a wide certified interval).
    func replacingProbability(_ probability: Probability) -> FlowFigures {
        copy(name: name, probability: probability)
    }

    /// The same figures with another value and outage frequency (conditioned on a crew's queue).
    func replacing(probability: Probability, frequency: Double?) -> FlowFigures {
        copy(name: name, probability: probability, frequency: frequency)
    }

    /// The same figures under another name (one evaluation serving several figures).
    func renamed(_ name: String) -> FlowFigures { copy(name: name, probability: probability) }

    private func copy(name: String, probability: Probability, frequency: Double?? = nil) -> FlowFigures {
        var copy = FlowFigures(name: name, probability: probability, frequency: frequency ?? self.frequency, importance: importance,
                               componentsWithoutRates: componentsWithoutRates, diagramSize: diagramSize)
        (copy.method, copy.interval, copy.estimate, copy.conditioning, copy.plan) = (method, interval, estimate, conditioning, plan)
        return copy
    }
}
