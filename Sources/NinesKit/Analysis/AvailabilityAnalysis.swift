/// Steady-state figures for a model: every component (with what it needs), every objective and
/// the whole system, each with the method that obtained it (`FigureMethod`). Computed once, in
/// `init`; afterwards an immutable value. Pure: reads the model, never prints, never throws, and
/// refuses no valid model.
///
/// Two views share one compiled structure: the path view (each variable is the component's own
/// figure with failover folded in) for reliability objectives and closures, and the caller view
/// (outages shorter than a component's `masked_for` window hidden) for availability objectives
/// and the system.
public struct AvailabilityAnalysis: Sendable {
    public let model: SystemModel
    /// Own (replicas and common cause) figures of each component, by component index.
    public let own: [OwnAvailability]
    /// Own figures plus failover and masking, by component index.
    public let effective: [EffectiveAvailability]
    /// Each objective's figures, in model order: availability objectives in the caller view
    /// (masking applies), reliability objectives in the path view (masked outages count).
    public let objectives: [FlowFigures]
    /// The whole system: every root component (one nothing depends on) up, as callers see it.
    /// Nil when the analysis was asked for objectives only.
    public let systemFigures: FlowFigures?
    /// Each component's availability with its whole dependency closure (path view), by component
    /// index, with the method of each; empty when the analysis was asked for objectives only.
    public let closures: [ClosureFigure]
    /// Components whose outage alone takes each objective down (by objective index, model order).
    public let singlePointsOfFailure: [[String]]
    /// Diagram nodes the compilation built (for `--timings`).
    public let diagramNodes: Int
    /// The compiled structure with this analysis' component figures: evaluates further figures.
    let compiled: CompiledFigures

    /// What to compute besides the objectives.
    public enum Scope: Sendable { case everything, objectivesOnly }

    /// Models from this many components get their system estimate drawn beside compilation, in
    /// case the system figure needs one (see `FigureMethod.estimated`); on smaller ones a
    /// speculative draw would only compete for the cores.
    static let backgroundEstimateComponents = 2_000
    /// Models from this many components get their variable order worked out beside their
    /// components' figures; on smaller ones handing work to another thread costs more than it saves.
    static let orderAlongsideComponents = 4_000
    /// Seed of every Monte Carlo estimate in the analysis: fixed, so reports are reproducible.
    static let estimateSeed: UInt64 = 1

    /// - Parameters:
    ///   - structure: the compiled model; compiled here when nil.
    ///   - perfect: components treated as never failing (e.g. customer-responsible ones excluded
    ///     from an SLA figure).
    ///   - budget: how much diagram the compilation may build before it holds a function as a
    ///     conjunction (tests use small budgets to force each form).
    ///   - evaluation: how much work evaluating the figures may spend (`EvaluationBudget`; tests
    ///     use small ones to force each fallback).
    ///   - timings: marks "compile BDD" when the model is compiled here.
    package init(_ model: SystemModel, structure given: CompiledStructure? = nil, treatingAsPerfect perfect: Set<String> = [],
                budget: CompilationBudget? = nil, evaluation: EvaluationBudget? = nil, scope: Scope = .everything, timings: PhaseTimings? = nil) {
        self.model = model
        // A large model's variable order (names hashed, dependencies resolved) here while the
        // components' figures are worked out on another core: neither needs the other.
        let (order, effective) = OrderedChunks.alongside(onTwoCores: given == nil && model.components.count >= Self.orderAlongsideComponents,
                                                         { given == nil ? ComponentOrder(model) : nil }) {
            EffectiveAvailability.everyComponent(of: model, perfect: perfect)
        }
        self.effective = effective
        own = effective.map(\.own)
        var background: BackgroundSystemEstimate?
        let structure: CompiledStructure
        if let given {
            structure = given
        } else {
            let order = order ?? ComponentOrder(model)   // worked out above
            if scope == .everything && model.components.count >= Self.backgroundEstimateComponents {
                let figures = effective.map(\.masked.probability)
                background = BackgroundSystemEstimate { stop in
                    SystemSampling(order: order, figures: figures).systemUpCount(seed: Self.estimateSeed, stop: stop)
                }
            }
            structure = CompiledStructure(model, order: order, budget: budget)
            timings?.mark("compile BDD")
        }
        let compiled = CompiledFigures(structure, effective: effective, budget: evaluation)
        self.compiled = compiled
        diagramNodes = structure.bdd.nodeCount
        // A conjunction is conditioned once per view however many figures it is (an objective at
        // the front door, the system of one front door, that component's closure).
        // A sampled figure is drawn once per targets and view (`CompiledFigures.SampledKey`).
        var evaluated: [CompiledFigures.Key: FlowFigures] = [:]
        var sampledFigures: [CompiledFigures.SampledKey: FlowFigures] = [:]
        // Every figure of one analysis spends from one evaluation budget (see `EvaluationBudget`),
        // and remembers its parts' figures for the others.
        var spending = compiled.budget
        let parts = PartFigures()
        func figure(_ name: String, _ form: StructureForm, targets: [Int], _ view: FigureView,
                    background: BackgroundSystemEstimate? = nil) -> FlowFigures {
            if case .sampled = form {
                let key = compiled.sampledKey(targets: targets, view)
                if let known = sampledFigures[key] { return known.renamed(name) }
                let result = compiled.figure(named: name, form: form, targets: targets, view: view, background: background,
                                             budget: &spending, parts: parts)
                sampledFigures[key] = result
                return result
            }
            guard case .conjunction = form else {
                return compiled.figure(named: name, form: form, targets: targets, view: view, background: background,
                                       budget: &spending, parts: parts)
            }
            let key = compiled.key(form, view)
            if let known = evaluated[key] { return known.renamed(name) }
            let result = compiled.figure(named: name, form: form, targets: targets, view: view, background: background,
                                         budget: &spending, parts: parts)
            evaluated[key] = result
            return result
        }
        let objectiveTargets = model.objectives.map { $0.components.compactMap { structure.indexOf[$0] } }
        // Figures that read two members of one repair crew take the crew's joint distribution.
        let crews = CrewConditioning(model: model, structure: structure, effective: effective, perfect: perfect)
        objectives = model.objectives.indices.map { index in
            let view: FigureView = model.objectives[index].measure == .availability ? .callers : .path
            let flow = figure(model.objectives[index].name, structure.objectives[index], targets: objectiveTargets[index], view)
            return crews.conditioned(flow, form: structure.objectives[index], targets: objectiveTargets[index], view: view,
                                     components: model.objectives[index].components)
        }
        singlePointsOfFailure = model.objectives.indices.map { index in
            compiled.singlePointsOfFailure(of: structure.objectives[index], targets: objectiveTargets[index])
        }
        if scope == .everything {
            if case .diagram = structure.system { background?.cancel() }
            systemFigures = crews.conditioned(figure(model.name, structure.system, targets: structure.roots, .callers, background: background),
                                              form: structure.system, targets: structure.roots, view: .callers,
                                              components: structure.roots.map { structure.names[$0] })
            background?.cancel()
            // Many closures no single diagram holds (a large fault tree): one draw for all of them.
            // What an objective or the system reads (a top event) keeps every route: its closure
            // is the figure they show.
            let shown = Set(structure.roots + objectiveTargets.joined())
            let undecided = structure.closure.indices.filter { structure.closure[$0].diagram == nil && !shown.contains($0) }
            if undecided.count >= SharedClosureDraw.minimumClosures {
                parts.drawClosures = {
                    SharedClosureDraw(sampling: SystemSampling(structure: structure, figures: compiled.ownProbabilities(.path)),
                                      targets: undecided, seed: Self.estimateSeed)
                }
            }
            closures = structure.closure.indices.map { index in
                guard structure.closure[index].diagram == nil else { return compiled.closure(index) }   // one pass, no allowance
                let flow = figure(structure.names[index], structure.closure[index], targets: [index], .path)
                return ClosureFigure(probability: flow.probability, method: flow.method)
            }
        } else {
            systemFigures = nil
            closures = []
        }
    }

    /// The compiled structure the figures came from.
    package var structure: CompiledStructure { compiled.structure }

    /// Availability of a component together with its whole dependency closure (path view).
    public func closure(of name: String) -> Probability? {
        guard let index = structure.indexOf[name] else { return nil }
        return closures.isEmpty ? compiled.closure(index).probability : closures[index].probability
    }

    /// Figures of "all these components up" in the path view, or in the caller view when `masked`.
    public func figure(named name: String, requiring components: [String], masked: Bool = false) -> FlowFigures {
        compiled.figure(named: name, requiring: components.compactMap { structure.indexOf[$0] }, view: masked ? .callers : .path)
    }

    /// The whole system (computed here when the analysis was asked for objectives only).
    public func system() -> FlowFigures {
        systemFigures ?? compiled.figure(named: model.name, form: structure.system, targets: structure.roots, view: .callers)
    }

    /// The whole system's importance ranking.
    public func systemImportance() -> [Importance] { system().importance }

    /// The figures of objective number `index` (in model order).
    public func objective(_ index: Int) -> FlowFigures { objectives[index] }

    /// Components whose outage alone takes objective number `index` down, in model order.
    public func singlePointsOfFailure(objective index: Int) -> [String] { singlePointsOfFailure[index] }
}

/// A component's availability with everything it needs, and how it was obtained.
public struct ClosureFigure: Hashable, Sendable {
    public let probability: Probability
    public let method: FigureMethod
}

/// How a figure was obtained.
public enum FigureMethod: String, Hashable, Sendable, Codable {
    /// Evaluated exactly: a decision diagram, or conditioning that enumerated every state that
    /// matters to a double's precision.
    case exact
    /// A certified interval (`FlowFigures.interval`): conditioning on shared components enumerated
    /// the likeliest states and bounds the rest by their probability.
    case bounded
    /// A seeded Monte Carlo estimate with its 95% confidence interval (`FlowFigures.estimate`),
    /// beside a certified interval when one is known.
    case estimated
}

/// Figures for one thing the system must do.
public struct FlowFigures: Hashable, Sendable {
    public let name: String
    /// The best value: exact, an unbiased estimate inside the certified interval, or the estimate.
    public let probability: Probability
    /// Outages per hour (w = Σ I_B(i)·w_i); nil when a contributing component has no failure rate.
    public let frequency: Double?
    /// Components ranked by how much unavailability they contribute.
    public let importance: [Importance]
    /// Contributing components with an availability but no repair time, so no known failure rate.
    public let componentsWithoutRates: [String]
    /// Number of BDD nodes of this figure's structure function (all factors' when conditioned).
    public let diagramSize: Int
    public var method: FigureMethod = .exact
    /// The certified interval on the unavailability, when the figure is not one exact diagram.
    public var interval: UnavailabilityInterval? = nil
    /// With `estimated`: the seeded Monte Carlo estimate (see `SystemSampling`).
    public var estimate: SampledEstimate? = nil
    /// With conditioning: what was conditioned on and how many states were enumerated.
    public var conditioning: ConditioningSummary? = nil
    /// The route the evaluation took to this figure and why (`nines report --explain`).
    package var plan: FigurePlan? = nil

    /// The figure a gate judges: the upper unavailability of the certified interval (bounded) or
    /// of the estimate's confidence interval (estimated; it lies inside the certified interval when
    /// there is one); the figure itself when exact.
    public var judged: Probability {
        switch method {
        case .exact: return probability
        case .bounded: return interval?.upper ?? probability
        case .estimated: return estimate.map { Probability(availability: $0.low) } ?? interval?.upper ?? probability
        }
    }

    /// Mean time between outages (mean up time), hours: A / w.
    public var mtbf: Double? { frequency.flatMap { $0 > 0 ? probability.up / $0 : nil } }
    /// Mean down time per outage, hours: Q / w.
    public var meanDownTime: Double? { frequency.flatMap { $0 > 0 ? probability.down / $0 : nil } }
}

/// How a conditioned figure was obtained (see `ConditionedConjunction`).
public struct ConditioningSummary: Hashable, Sendable, Codable {
    /// Shared components conditioned on (those with a chance of failing).
    public let components: Int
    /// Most of them down at once in an enumerated state.
    public let depth: Int
    /// States enumerated.
    public let states: Int
}

/// A Monte Carlo estimate of an availability with its 95% confidence interval: Agresti–Coull for
/// plain sampling, estimate ± 1.96 standard errors for failure-biased importance sampling.
public struct SampledEstimate: Hashable, Sendable, Codable {
    public let availability: Double
    public let low: Double
    public let high: Double
    public let samples: Int
    public let seed: UInt64
    /// The estimated unavailability's standard error / the estimate; nil when no outage was drawn.
    public var relativeError: Double? = nil
    /// "plain" (states drawn from the model's own figures), "failureBiased" (importance sampling
    /// with balanced failure biasing, used when a plain draw's relative error was 10% or more) or
    /// "cutSetMixture" (importance sampling over the likeliest cut sets, when failure biasing did
    /// not reach 10%: `CutSetMixtureSampling`).
    public var sampling: String = "plain"

    /// How the states were drawn, for a plan's text ("" when plainly).
    var samplingNote: String {
        switch sampling {
        case "failureBiased": ", failure-biased"
        case "cutSetMixture": ", cut-set mixture"
        default: ""
        }
    }
}
