/// Exact steady-state figures for a model: every component (with what it needs), every objective
/// and the whole system. Pure: reads the model, never prints, never throws.
///
/// Two views share one compiled diagram: the path view (each variable is the component's own figure
/// with failover folded in) for reliability objectives and closures, and the caller view (outages
/// shorter than a component's `masked_for` window hidden) for availability objectives and the system.
public struct AvailabilityAnalysis {
    public let model: SystemModel
    public let structure: CompiledStructure
    /// Own (replicas and common cause) figures of each component, by component index.
    public let own: [OwnAvailability]
    /// Own figures plus failover and masking, by component index.
    public let effective: [EffectiveAvailability]
    /// Probability of each BDD variable (by level) in the path view.
    public let variables: [Probability]
    public let nodes: NodeProbabilities
    /// Probability of each BDD variable (by level) in the caller view (masking applied).
    public let maskedVariables: [Probability]
    public let maskedNodes: NodeProbabilities
    /// The system estimate drawn beside compilation, when this analysis compiled a large model
    /// itself and its exact system figure did not fit.
    private let backgroundEstimate: BackgroundSystemEstimate?

    /// Models from this many components get their system estimate drawn beside compilation: their
    /// exact system figure may well be over `CompiledStructure.systemNodeBudget` (a generated
    /// 4,000-component platform is; 1,000 is not). On smaller ones a speculative draw would only
    /// compete for the cores (tests analyse thousands of small models) for a figure rarely needed.
    static let backgroundEstimateComponents = 2_000
    /// Seed of the system's Monte Carlo estimate: fixed, so reports are reproducible.
    static let systemEstimateSeed: UInt64 = 1

    /// - Parameters:
    ///   - structure: the compiled model; compiled here when nil (then, on a large model, the
    ///     system's Monte Carlo estimate is drawn on another core meanwhile, in case it is needed),
    ///     however large its diagrams grow: for models known to be reasonable; input from users goes
    ///     through `checked(_:timings:)`.
    ///   - perfect: components treated as never failing (e.g. customer-responsible ones excluded
    ///     from an SLA figure).
    ///   - timings: marks "compile BDD" when the model is compiled here.
    public init(_ model: SystemModel, structure: CompiledStructure? = nil, treatingAsPerfect perfect: Set<String> = [],
                timings: PhaseTimings? = nil) {
        do {
            try self.init(model, structure: structure, perfect: perfect, timings: timings, closureNodeLimit: nil)
        } catch {
            preconditionFailure("a compilation without a node limit cannot be over it")
        }
    }

    /// The analysis of `model`, compiled under `CompiledStructure.closureNodeBudget(for:)`: a model whose
    /// exact structure is too large throws, naming the component or objective, instead of running
    /// for hours.
    public static func checked(_ model: SystemModel, timings: PhaseTimings? = nil) throws(StructureTooLarge) -> AvailabilityAnalysis {
        try AvailabilityAnalysis(model, structure: nil, perfect: [], timings: timings, closureNodeLimit: CompiledStructure.closureNodeBudget(for: model))
    }

    private init(_ model: SystemModel, structure compiled: CompiledStructure?, perfect: Set<String>, timings: PhaseTimings?,
                 closureNodeLimit: Int?) throws(StructureTooLarge) {
        self.model = model
        let effective = model.components.map { component in
            perfect.contains(component.name) ? EffectiveAvailability.perfect : EffectiveAvailability(component)
        }
        self.effective = effective
        var background: BackgroundSystemEstimate?
        let structure: CompiledStructure
        if let compiled {
            structure = compiled
        } else {
            let order = ComponentOrder(model)
            if model.components.count >= Self.backgroundEstimateComponents {
                let figures = effective.map(\.masked.probability)
                background = BackgroundSystemEstimate { stop in
                    SystemSampling(order: order, figures: figures).systemUpCount(seed: Self.systemEstimateSeed, stop: stop)
                }
            }
            if let closureNodeLimit {
                structure = try CompiledStructure.checked(model, order: order, closureNodeLimit: closureNodeLimit)
            } else {
                structure = CompiledStructure(model, order: order)
            }
            timings?.mark("compile BDD")
        }
        if structure.system != nil { background?.cancel() }
        backgroundEstimate = structure.system == nil ? background : nil
        self.structure = structure
        own = effective.map(\.own)
        let variables = structure.componentAtLevel.map { effective[$0].effective.probability }
        self.variables = variables
        let nodes = NodeProbabilities(structure.bdd, variables: variables)
        self.nodes = nodes
        let maskedVariables = structure.componentAtLevel.map { effective[$0].masked.probability }
        self.maskedVariables = maskedVariables
        maskedNodes = maskedVariables == variables ? nodes : NodeProbabilities(structure.bdd, variables: maskedVariables)
    }

    /// Which variable figures a figure is evaluated with.
    enum View { case path, callers }

    /// Availability of a component together with its whole dependency closure.
    public func closure(of name: String) -> Probability? {
        structure.indexOf[name].map { nodes[structure.closure[$0]] }
    }

    /// Figures of "all these components up" (an objective's front door or path, or the system),
    /// in the path view, or in the caller view when `masked`.
    /// Builds new diagram nodes, so the node probabilities are recomputed for it.
    public func figure(named name: String, requiring components: [String], masked: Bool = false) -> FlowFigures {
        let root = structure.allUp(components)
        let view: View = masked ? .callers : .path
        let known = masked ? maskedNodes : nodes
        let nodes = Int(root) < known.up.count ? known : NodeProbabilities(structure.bdd, variables: masked ? maskedVariables : variables)
        return figure(named: name, root: root, nodes: nodes, view: view)
    }

    /// The whole system: every root component (one nothing depends on) up, as callers see it.
    /// When the exact diagram was over budget (see `CompiledStructure.system`) the figure holds
    /// bounds instead: the events "root i up" are increasing in independent components, so by
    /// Harris' inequality Π A_i ≤ A_system ≤ min A_i. `probability` is then the lower bound.
    public func system() -> FlowFigures {
        guard let root = structure.system else { return boundedSystem() }
        return figure(named: model.name, root: root, nodes: maskedNodes, view: .callers)
    }

    /// The whole system's importance ranking; empty when the system figure is only bounded (and
    /// without drawing its Monte Carlo estimate, which `system()` would).
    public func systemImportance() -> [Importance] {
        structure.system.map { figure(named: model.name, root: $0, nodes: maskedNodes, view: .callers).importance } ?? []
    }

    func boundedSystem() -> FlowFigures {
        let roots = structure.roots.map { maskedNodes[structure.closure[$0]] }
        // Product of independent-looking factors, unavailability-first: down = d1 + u1·d2 + …
        let lower = roots.reduce(Probability.perfect) { $0.and($1) }
        let upper = roots.max { $0.down < $1.down } ?? .perfect   // the least available root
        let seed = Self.systemEstimateSeed
        let (up, samples) = backgroundEstimate?.counts()
            ?? SystemSampling(model, structure: structure, figures: effective.map(\.masked.probability)).systemUpCount(seed: seed)
        let interval = ProportionInterval(successes: up, trials: samples)
        return FlowFigures(name: model.name, probability: lower, frequency: nil, importance: [], componentsWithoutRates: [],
                           diagramSize: 0, bounds: AvailabilityBounds(lower: lower, upper: upper),
                           estimate: SampledEstimate(availability: interval.estimate, low: interval.low, high: interval.high,
                                                     samples: samples, seed: seed))
    }

    /// The figures of objective number `index` (in model order): availability objectives in the
    /// caller view (masking applies), reliability objectives in the path view (masked outages count).
    public func objective(_ index: Int) -> FlowFigures {
        let view: View = model.objectives[index].measure == .availability ? .callers : .path
        return figure(named: model.objectives[index].name, root: structure.objectives[index],
                      nodes: view == .callers ? maskedNodes : nodes, view: view)
    }

    /// Components whose outage alone takes objective number `index` down, in model order.
    public func singlePointsOfFailure(objective index: Int) -> [String] {
        let indices = structure.bdd.singleFailureLevels(root: structure.objectives[index]).map { structure.componentAtLevel[Int($0)] }
        return indices.sorted().map { model.components[$0].name }
    }

    func figure(named name: String, root: BDD.Ref, nodes: NodeProbabilities, view: View) -> FlowFigures {
        let probability = nodes[root]
        let variables = view == .callers ? maskedVariables : self.variables
        let own = { (index: Int) in view == .callers ? self.effective[index].masked : self.effective[index].effective }
        let diagram = structure.bdd.nodes(below: root)
        let birnbaum = structure.bdd.birnbaum(root: root, diagram: diagram, variables: variables, nodes: nodes)
        var importances: [Importance] = []
        var frequency = 0.0
        var missingRates: [String] = []
        for level in birnbaum.indices where birnbaum[level] > 0 {
            let index = structure.componentAtLevel[level]
            let component = model.components[index]
            importances.append(Importance(component: component.name, layer: component.layer, birnbaum: birnbaum[level],
                                          own: own(index).probability, figure: probability))
            if let w = own(index).frequency {
                frequency += birnbaum[level] * w
            } else if own(index).probability.down > 0 {
                missingRates.append(component.name)
            }
        }
        return FlowFigures(name: name, probability: probability, frequency: missingRates.isEmpty ? frequency : nil,
                           importance: Importance.ranked(importances), componentsWithoutRates: missingRates.sorted(),
                           diagramSize: diagram.count)
    }
}

/// Exact figures for one thing the system must do.
public struct FlowFigures: Hashable, Sendable {
    public let name: String
    public let probability: Probability
    /// Outages per hour (w = Σ I_B(i)·w_i); nil when a contributing component has no failure rate.
    public let frequency: Double?
    /// Components ranked by how much unavailability they contribute.
    public let importance: [Importance]
    /// Contributing components with an availability but no repair time, so no known failure rate.
    public let componentsWithoutRates: [String]
    /// Number of BDD nodes of this figure's structure function.
    public let diagramSize: Int
    /// Set when the figure is not exact but bounded (`probability` is then the lower bound).
    public var bounds: AvailabilityBounds? = nil
    /// With bounds: a seeded Monte Carlo estimate of the same figure (see `SystemSampling`).
    public var estimate: SampledEstimate? = nil

    /// Mean time between outages (mean up time), hours: A / w.
    public var mtbf: Double? { frequency.flatMap { $0 > 0 ? probability.up / $0 : nil } }
    /// Mean down time per outage, hours: Q / w.
    public var meanDownTime: Double? { frequency.flatMap { $0 > 0 ? probability.down / $0 : nil } }
}

/// A Monte Carlo estimate of an availability with its 95% confidence interval (Agresti–Coull).
public struct SampledEstimate: Hashable, Sendable, Codable {
    public let availability: Double
    public let low: Double
    public let high: Double
    public let samples: Int
    public let seed: UInt64
}

/// Lower and upper bounds on an availability that could not be computed exactly.
public struct AvailabilityBounds: Hashable, Sendable, Codable {
    public let lower: Probability
    public let upper: Probability
}
