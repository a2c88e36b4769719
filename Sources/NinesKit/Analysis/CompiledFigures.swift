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
    /// What evaluating figures may spend (see `EvaluationBudget`).
    let budget: EvaluationBudget

    init(_ structure: CompiledStructure, effective: [EffectiveAvailability], budget: EvaluationBudget? = nil) {
        self.structure = structure
        self.effective = effective
        self.budget = budget ?? .standard(components: structure.names.count)
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

    /// A sampled figure depends on its targets and its view only (the seed is fixed), so an
    /// objective on the whole front door and the system figure are drawn once.
    struct SampledKey: Hashable {
        let targets: [Int]
        let callers: Bool
    }

    func sampledKey(targets: [Int], _ view: FigureView) -> SampledKey {
        SampledKey(targets: Set(targets).sorted(), callers: view == .callers)
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
