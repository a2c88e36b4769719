import Foundation

/// A conjunction's figure as a certified interval with Birnbaum importance by level.
struct TermsFigure {
    var interval: UnavailabilityInterval
    var birnbaum: [Double]
    /// Conditioned components, deepest level and states, summed over the conditioned parts; nil
    /// when nothing was conditioned.
    var conditioning: ConditioningSummary?
    var diagramSize: Int
    /// The route taken to this figure.
    var plan: FigurePlan

    /// The best value inside `interval` when it is not the midpoint (an unbiased estimate of where
    /// the states not enumerated put the figure: `RemainderSampling`).
    var estimate: Probability? = nil
    /// A bound on the estimate's standard error (in Q): parts' errors add (to first order).
    var estimateError = 0.0
    /// False when the estimate was not sampled because the figure shows another value (a Monte
    /// Carlo estimate: `PlanEvaluator.keepsRootEstimate`); such a figure is not remembered as a part.
    var estimateSampled = true

    var isExact: Bool { interval.isNarrow(relative: ConditionedConjunction.relativeTolerance) }
    var middle: Probability { interval.midpoint }
    /// The value to report: the estimate, else the midpoint (an exact figure's either way).
    var best: Probability { estimate.map(interval.clamp) ?? interval.midpoint }

    /// The value to report inside `certified` (this interval narrowed): the estimate when its error
    /// is small enough to place the figure in it (`RemainderSampling.usefulError`), else the midpoint.
    func value(within certified: UnavailabilityInterval) -> Probability {
        guard let estimate, estimateError <= RemainderSampling.usefulError * certified.width else { return certified.midpoint }
        return certified.clamp(estimate)
    }
}

extension CompiledFigures {
    /// The figure of `terms` by its plan (`FigurePlanner`), or nil when the plan has no exact
    /// route or a part cannot be conditioned (a factor testing too many shared components), and
    /// the figure falls back (`CompiledFigures.figure`).
    /// - Parameters:
    ///   - budget: what is left of the evaluation budget; what the run spends is taken off.
    ///   - parts: figures and plans of parts evaluated before in the same analysis, shared.
    func evaluate(_ terms: ConjunctionTerms, view: FigureView, budget: inout EvaluationBudget, parts: PartFigures = PartFigures()) -> TermsFigure? {
        evaluate(plan(terms, view: view, parts: parts), view: view, budget: &budget, parts: parts)
    }

    /// The plan of `terms` for `view` (`FigurePlanner`). The planner's scratch (two words per node
    /// of the whole diagram: 24 MB at a 3-million-node diagram) is handed on to the evaluator
    /// (`PartFigures.takeScratch`), not made twice.
    func plan(_ terms: ConjunctionTerms, view: FigureView, parts: PartFigures) -> EvaluationPlan {
        var planner = FigurePlanner(structure.bdd, variables: variables(view), known: parts, callers: isDistinct(view),
                                    scratch: parts.takeScratch(structure.bdd))
        let plan = planner.plan(terms)
        parts.giveBack(planner.scratch)
        return plan
    }

    /// Runs `plan` (built for `view`); see `evaluate(_:view:budget:parts:)`.
    /// - Parameter keepsEstimate: whether the figure will show the estimate inside the interval
    ///   the plan's root enumerates (see `PlanEvaluator.keepsRootEstimate`).
    func evaluate(_ plan: EvaluationPlan, view: FigureView, budget: inout EvaluationBudget, parts: PartFigures = PartFigures(),
                  keepsEstimate: ((UnavailabilityInterval) -> Bool)? = nil) -> TermsFigure? {
        var evaluator = PlanEvaluator(self, view: view, work: budget.work, enumerationWork: budget.enumerationWork, parts: parts)
        evaluator.keepsRootEstimate = keepsEstimate
        let result = evaluator.run(plan, evaluator.base)
        budget.work = evaluator.work
        parts.giveBack(evaluator.scratch)
        return result
    }

    /// Whether the caller view's figures differ from the path view's (so the view is part of a key).
    func isDistinct(_ view: FigureView) -> Bool { view == .callers && callerVariables != pathVariables }
}

/// Figures and plans of parts already evaluated, by their terms and view; shared by the figures of
/// one analysis (a reference, so that every figure's planner and evaluator adds to the same one).
final class PartFigures {
    struct Key: Hashable {
        let terms: ConjunctionTerms
        let callers: Bool
    }
    var figures: [Key: TermsFigure] = [:]
    var plans: [Key: EvaluationPlan] = [:]
    /// The distinct levels each diagram tests, by root, for planners (`FigurePlanner.freeLevels`).
    private var levels: [BDD.Ref: [Int32]] = [:]
    /// A flat mark by level for `BDDScratch.levelsTested`.
    private var levelSeen: [Bool] = []

    func levelsTested(below root: BDD.Ref, _ scratch: inout BDDScratch) -> [Int32] {
        if let known = levels[root] { return known }
        let found = scratch.levelsTested(below: root, seen: &levelSeen)
        levels[root] = found
        return found
    }

    /// A diagram scratch handed from each figure's planner to its evaluator and on to the next
    /// figure's: each made its own, two words per node of the whole diagram filled and the
    /// diagram's levels counted (13 MB and a pass over 1.7 million nodes on the 100k platform,
    /// twice per figure). Dropped before a figure is sampled (`dropScratch`), whose draws are
    /// the other large allocation of an evaluation.
    private var spareScratch: BDDScratch?

    /// The spare scratch when it is over `bdd`, else a new one.
    func takeScratch(_ bdd: BDD) -> BDDScratch {
        if let spare = spareScratch, spare.bdd === bdd {
            spareScratch = nil   // the taker holds the only reference: its marks are not copied
            return spare
        }
        return BDDScratch(bdd)
    }

    func giveBack(_ scratch: BDDScratch) { spareScratch = scratch }
    func dropScratch() { spareScratch = nil }

    /// Draws what the closures no exact route reaches share (`SharedClosureDraw`); nil: none.
    var drawClosures: (() -> SharedClosureDraw)?
    private var drawn: SharedClosureDraw?

    /// The closures' shared draw, drawn on first need only (most analyses never fall back to it).
    func closureDraw() -> SharedClosureDraw? {
        if drawn == nil, let drawClosures {
            drawn = drawClosures()
            self.drawClosures = nil
        }
        return drawn
    }
}

/// The variable figures one evaluation uses: a view's, with some levels fixed up or down while
/// conditioning on them.
struct EvaluationContext {
    var variables: [Probability]
    /// Fixed levels (empty when none is).
    var fixed: [Bool]
    var hasFixed: Bool { !fixed.isEmpty }
}

/// Runs an `EvaluationPlan`: modules multiply, independent members form a Poisson-binomial,
/// shared components are conditioned on, in one recursion sharing one diagram scratch (the size of
/// the whole diagram) and the work left of the evaluation budget. Nil when a step has no exact
/// route or the work runs out before a conditioning starts.
struct PlanEvaluator {
    let figures: CompiledFigures
    let nodes: NodeProbabilities
    let base: EvaluationContext
    /// Work units left (see `EvaluationBudget`), and the most one enumeration may spend.
    var work: Int
    let enumerationWork: Int
    var scratch: BDDScratch
    /// Figures of remembered parts: the same in every state of a conditioning, and in every figure
    /// of the analysis that holds them.
    let parts: PartFigures
    let callers: Bool
    /// Whether the figure will show the estimate inside the interval of the plan's root, when that
    /// is one enumeration: not when the interval is wider than the figure and a Monte Carlo
    /// estimate is shown instead, and then its remainder is not sampled. Nil: always (parts).
    var keepsRootEstimate: ((UnavailabilityInterval) -> Bool)?
    var bdd: BDD { figures.structure.bdd }

    init(_ figures: CompiledFigures, view: FigureView, work: Int, enumerationWork: Int, parts: PartFigures) {
        self.figures = figures
        nodes = view == .callers ? figures.callerNodes : figures.pathNodes
        base = EvaluationContext(variables: figures.variables(view), fixed: [])
        self.work = work
        self.enumerationWork = enumerationWork
        scratch = parts.takeScratch(figures.structure.bdd)
        self.parts = parts
        callers = figures.isDistinct(view)
    }

    mutating func run(_ plan: EvaluationPlan, _ context: EvaluationContext) -> TermsFigure? {
        let keepsEstimate = keepsRootEstimate ?? { _ in true }
        keepsRootEstimate = nil   // the root's alone
        guard plan.remembered else { return runAlone(plan, context, keepsEstimate: keepsEstimate) }
        let key = PartFigures.Key(terms: plan.terms, callers: callers)
        if let known = parts.figures[key] { return known }
        let figure = runAlone(plan, base, keepsEstimate: keepsEstimate)
        if let figure, figure.estimateSampled { parts.figures[key] = figure }
        return figure
    }

    /// As `run`, without the memo.
    mutating func runAlone(_ plan: EvaluationPlan, _ context: EvaluationContext,
                           keepsEstimate: (UnavailabilityInterval) -> Bool = { _ in true }) -> TermsFigure? {
        switch plan.step {
        case .diagram(let root):
            return diagram(root, context)
        case .product(let parts):
            var figures: [TermsFigure] = []
            for part in parts {
                guard let figure = run(part, context) else { return nil }
                figures.append(figure)
            }
            return CompiledFigures.product(figures)
        case .atLeast(let k, let members):
            var figures: [TermsFigure] = []
            for member in members {
                guard let figure = run(member, context) else { return nil }
                figures.append(figure)
            }
            return CompiledFigures.group(needing: k, of: figures)
        case .conditioned(let shared, let candidates, let given):
            guard work > 0 else { return nil }
            return condition(on: shared, candidates: candidates, given: given, context)
        case .sharedDiagrams:
            guard work > 0 else { return nil }
            return sharedDiagrams(plan.terms, context, keepsEstimate: keepsEstimate)
        case .noExactRoute:
            return nil
        }
    }

    /// Diagrams sharing components: conditioned on those inside one enumeration.
    mutating func sharedDiagrams(_ terms: ConjunctionTerms, _ context: EvaluationContext,
                                 keepsEstimate: (UnavailabilityInterval) -> Bool) -> TermsFigure? {
        guard let conjunction = ConditionedConjunction(bdd, terms: terms, scratch: &scratch) else { return nil }
        let copied = conjunction.factors.reduce(0) { $0 + $1.level.count }
        let result = conjunction.evaluate(context.variables, importance: true, workBudget: max(0, min(enumerationWork, work - copied)),
                                          keepsEstimate: keepsEstimate)
        work -= copied + result.work
        return TermsFigure(interval: result.interval, birnbaum: result.birnbaum,
                           conditioning: ConditioningSummary(components: result.conditionedCount, depth: result.depth, states: result.states),
                           diagramSize: copied,
                           plan: flatConditioningPlan(conjunction, result, diagrams: terms.factors.count, nodes: copied, context),
                           estimate: result.estimate, estimateError: result.estimateError, estimateSampled: result.estimate != nil)
    }

    /// The plan of conditioning inside one conjunction of diagrams: the shared components that can
    /// fail, by name (those certainly up or down are not enumerated).
    func flatConditioningPlan(_ conjunction: ConditionedConjunction, _ result: ConditionedConjunction.Result, diagrams: Int,
                              nodes: Int, _ context: EvaluationContext) -> FigurePlan {
        let structure = figures.structure
        let names = conjunction.conditioned.map(Int.init).filter { context.variables[$0].down > 0 && context.variables[$0].up > 0 }
            .map { structure.names[structure.componentAtLevel[$0]] }
        return FigurePlan(.conditioned, "conditioned on \(Format.count(result.conditionedCount)) shared components "
                          + "(\(Format.names(names, limit: 6))) of \(Format.count(diagrams)) diagrams "
                          + "(\(Format.count(result.states)) states enumerated, \(Format.count(nodes)) nodes)"
                          + (result.isExact ? "" : "; stopped before it was exact: the evaluation budget would not reach it"),
                          reason: "the diagrams share components, so they are not independent", components: names)
    }

    /// One diagram: one pass over its nodes (the view's figures when it tests no fixed level).
    mutating func diagram(_ root: BDD.Ref, _ context: EvaluationContext) -> TermsFigure {
        let below = scratch.nodes(below: root)
        if context.hasFixed && below.contains(where: { context.fixed[Int(bdd.level($0))] }) {
            let factor = FactorDiagram(bdd, root: root, nodes: below, scratch: &scratch, conditionedLevels: [], bitOf: { _ in nil })
            let figure = factor.probability(mask: 0, variables: context.variables)
            var birnbaum = [Double](repeating: 0, count: context.variables.count)
            factor.addBirnbaum(mask: 0, variables: context.variables, weight: 1, into: &birnbaum)
            return TermsFigure(interval: UnavailabilityInterval(exactly: figure), birnbaum: birnbaum, conditioning: nil, diagramSize: below.count,
                               plan: .diagram(nodes: below.count, whole: false))
        }
        let diagram = bdd.nodes(below: root)
        return TermsFigure(interval: UnavailabilityInterval(exactly: nodes[root]),
                           birnbaum: bdd.birnbaum(root: root, diagram: diagram, variables: base.variables, nodes: nodes),
                           conditioning: nil, diagramSize: diagram.count, plan: .diagram(nodes: diagram.count, whole: false))
    }
}

extension CompiledFigures {
    /// Independent parts that must all hold: A = Π A_p, Q = −expm1(Σ ln1p(−Q_p)) at each end;
    /// ∂A/∂p_v = ∂A_p/∂p_v · Π of the other parts' A (their middles).
    static func product(_ parts: [TermsFigure]) -> TermsFigure {
        func combine(_ figures: [Probability]) -> Probability {
            let log = figures.reduce(0.0) { $0 + ($1.up <= 0 ? -.infinity : log1p(-$1.down)) }
            return log == -.infinity ? .failed : Probability(up: exp(log), down: -expm1(log))
        }
        let middles = parts.map(\.middle)
        var birnbaum = [Double](repeating: 0, count: parts[0].birnbaum.count)
        for (index, part) in parts.enumerated() {
            let others = middles.indices.reduce(1.0) { $1 == index ? $0 : $0 * middles[$1].up }
            for level in birnbaum.indices where part.birnbaum[level] != 0 { birnbaum[level] += part.birnbaum[level] * others }
        }
        return TermsFigure(interval: UnavailabilityInterval(lower: combine(parts.map(\.interval.lower)),
                                                            upper: combine(parts.map(\.interval.upper))),
                           birnbaum: birnbaum, conditioning: summed(parts), diagramSize: parts.reduce(0) { $0 + $1.diagramSize },
                           plan: FigurePlan(.product, "product of \(Format.count(parts.count)) independent parts",
                                            reason: EvaluationPlan.independentParts, parts: parts.map(\.plan)),
                           estimate: parts.contains { $0.estimate != nil } ? combine(parts.map(\.best)) : nil,
                           estimateError: parts.reduce(0) { $0 + $1.estimateError })
    }

    /// At least `k` of independent members up: the group's figure at each end from the members'
    /// (it rises with each member's availability); ∂A/∂p_v = ∂A_m/∂p_v · P(exactly k − 1 of the
    /// other members up).
    static func group(needing k: Int, of members: [TermsFigure]) -> TermsFigure {
        let middles = members.map(\.middle)
        var birnbaum = [Double](repeating: 0, count: members[0].birnbaum.count)
        for (index, member) in members.enumerated() {
            let slope = AtLeastKOfIndependent(k, of: middles.indices.lazy.filter { $0 != index }.map { middles[$0] }).oneShort
            for level in birnbaum.indices where member.birnbaum[level] != 0 { birnbaum[level] += member.birnbaum[level] * slope }
        }
        return TermsFigure(interval: UnavailabilityInterval(lower: AtLeastKOfIndependent(k, of: members.map(\.interval.lower)).figure,
                                                            upper: AtLeastKOfIndependent(k, of: members.map(\.interval.upper)).figure),
                           birnbaum: birnbaum, conditioning: summed(members), diagramSize: members.reduce(0) { $0 + $1.diagramSize },
                           plan: FigurePlan(.atLeast, "at least \(Format.count(k)) of \(Format.count(members.count)) independent members (Poisson-binomial)",
                                            reason: EvaluationPlan.independentMembers, parts: members.map(\.plan)),
                           estimate: members.contains { $0.estimate != nil } ? AtLeastKOfIndependent(k, of: members.map(\.best)).figure : nil,
                           estimateError: members.reduce(0) { $0 + $1.estimateError })
    }

    /// The conditioning of several parts: components and states added up, the deepest level.
    static func summed(_ parts: [TermsFigure]) -> ConditioningSummary? {
        let conditioned = parts.compactMap(\.conditioning)
        guard !conditioned.isEmpty else { return nil }
        return ConditioningSummary(components: conditioned.reduce(0) { $0 + $1.components },
                                   depth: conditioned.map(\.depth).max()!, states: conditioned.reduce(0) { $0 + $1.states })
    }
}
