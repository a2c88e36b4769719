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

/// Modular decomposition of a conjunction before conditioning: parts that share no component are
/// independent, so each is evaluated alone and their figures multiply; a group whose members share
/// no component with each other (regions, each on its own pool) is a Poisson-binomial of its
/// members' figures, each evaluated alone, at any depth (a region k of its zones, each zone a
/// pool). Conditioning then enumerates one part's shared components at a time instead of all of
/// them together; members that share a few components (a DNS every region needs) are conditioned
/// on those (`SharedConditioning`), and the now independent parts planned again below.
extension CompiledFigures {
    /// The figure of `terms`, or nil when a part cannot be conditioned (a factor testing too many
    /// shared components, or too many components shared across a group's members) and the whole
    /// must be sampled.
    /// - Parameter parts: figures of parts evaluated before in the same analysis, shared.
    func evaluate(_ terms: ConjunctionTerms, view: FigureView, allowance: inout Int, parts: PartFigures = PartFigures()) -> TermsFigure? {
        var evaluator = ModularEvaluator(self, view: view, allowance: allowance, parts: parts)
        let result = evaluator.evaluate(terms, evaluator.base)
        allowance = evaluator.allowance
        return result
    }
}

/// Figures of parts already evaluated, by their terms and view; shared by the figures of one
/// analysis (a reference, so that every figure's evaluator adds to the same one).
final class PartFigures {
    struct Key: Hashable {
        let terms: ConjunctionTerms
        let callers: Bool
    }
    var figures: [Key: TermsFigure] = [:]
}

/// The variable figures one evaluation uses: a view's, with some levels fixed up or down while
/// conditioning on them.
struct EvaluationContext {
    var variables: [Probability]
    /// Fixed levels (empty when none is).
    var fixed: [Bool]
    var hasFixed: Bool { !fixed.isEmpty }

    func isFixed(_ level: Int) -> Bool { hasFixed && fixed[level] }
}

/// One evaluation of a conjunction's terms: the recursion of modules, groups and conditioning,
/// sharing one diagram scratch (the size of the whole diagram) and the conditioning allowance.
struct ModularEvaluator {
    let figures: CompiledFigures
    let nodes: NodeProbabilities
    let base: EvaluationContext
    var allowance: Int
    var scratch: BDDScratch
    /// Figures of parts with more than one term evaluated without fixed levels: the same in every
    /// state of a conditioning, and in every figure of the analysis that holds them.
    let parts: PartFigures
    let callers: Bool
    var bdd: BDD { figures.structure.bdd }

    init(_ figures: CompiledFigures, view: FigureView, allowance: Int, parts: PartFigures) {
        self.figures = figures
        nodes = view == .callers ? figures.callerNodes : figures.pathNodes
        base = EvaluationContext(variables: figures.variables(view), fixed: [])
        self.allowance = allowance
        scratch = BDDScratch(figures.structure.bdd)
        self.parts = parts
        callers = view == .callers && figures.callerVariables != figures.pathVariables
    }

    /// - Parameter split: whether `terms` may still hold independent parts (not when it is one).
    mutating func evaluate(_ terms: ConjunctionTerms, _ context: EvaluationContext, split: Bool = true) -> TermsFigure? {
        // A single diagram is one pass: not worth a figure's importance array in the memo.
        guard terms.factors.count + terms.groups.count > 1 || !terms.groups.isEmpty,
              !context.hasFixed || !tests(terms, fixedIn: context) else { return evaluateAlone(terms, context, split: split) }
        let key = PartFigures.Key(terms: terms, callers: callers)
        if let known = parts.figures[key] { return known }
        let figure = evaluateAlone(terms, base, split: split)
        if let figure { parts.figures[key] = figure }
        return figure
    }

    /// As `evaluate`, without the memo.
    mutating func evaluateAlone(_ terms: ConjunctionTerms, _ context: EvaluationContext, split: Bool) -> TermsFigure? {
        let parts = split ? independentParts(terms, context) : [terms]
        if parts.count > 1 {
            var figures: [TermsFigure] = []
            for part in parts {
                guard let figure = evaluate(part, context, split: false) else { return nil }
                figures.append(figure)
            }
            return CompiledFigures.product(figures)
        }
        if terms.factors.isEmpty, terms.groups.count == 1, let members = independentMembers(terms.groups[0], context) {
            var figures: [TermsFigure] = []
            for member in members {
                guard let figure = evaluate(member, context) else { return nil }
                figures.append(figure)
            }
            return CompiledFigures.group(needing: terms.groups[0].k, of: figures)
        }
        if terms.groups.isEmpty && terms.factors.count <= 1 {
            return diagram(terms.factors.first ?? BDD.up, context)
        }
        guard allowance > 0 else { return nil }
        guard terms.isFlat else { return conditionOnShared(terms, context) }
        guard let conjunction = ConditionedConjunction(bdd, terms: terms, scratch: &scratch) else { return nil }
        let copied = conjunction.factors.reduce(0) { $0 + $1.level.count }
        let result = conjunction.evaluate(context.variables, importance: true,
                                          workBudget: max(0, min(figures.structure.budget.conditioningWork, allowance - copied)))
        allowance -= copied + result.work
        return TermsFigure(interval: result.interval, birnbaum: result.birnbaum,
                           conditioning: ConditioningSummary(components: result.conditionedCount, depth: result.depth, states: result.states),
                           diagramSize: copied,
                           plan: flatConditioningPlan(conjunction, result, diagrams: terms.factors.count, nodes: copied, context),
                           estimate: result.estimate, estimateError: result.estimateError)
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
                          + "(\(Format.count(result.states)) states enumerated, \(Format.count(nodes)) nodes)",
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

    /// Whether any diagram of `terms` tests a level fixed in `context`.
    mutating func tests(_ terms: ConjunctionTerms, fixedIn context: EvaluationContext) -> Bool {
        terms.allFactors.contains { root in scratch.nodes(below: root).contains { context.fixed[Int(bdd.level($0))] } }
    }

    /// The free levels each diagram of `roots` tests, each once per call of `claim`.
    mutating func freeLevels(_ roots: [BDD.Ref], _ context: EvaluationContext, _ claim: (Int) -> Void) {
        for root in roots {
            for node in scratch.nodes(below: root) {
                let level = Int(bdd.level(node))
                if !context.isFixed(level) { claim(level) }
            }
        }
    }

    /// The parts of `terms` that share no free component (factors and groups joined when they test
    /// a common level), in the order their first term appears.
    mutating func independentParts(_ terms: ConjunctionTerms, _ context: EvaluationContext) -> [ConjunctionTerms] {
        let count = terms.factors.count + terms.groups.count
        guard count > 1 else { return [terms] }
        var owner = [Int](repeating: -1, count: scratch.levelCount)   // a term testing each level
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for term in 0..<count {
            let roots = term < terms.factors.count ? [terms.factors[term]]
                : terms.groups[term - terms.factors.count].members.flatMap(\.allFactors)
            freeLevels(roots, context) { level in
                if owner[level] < 0 { owner[level] = term } else { parent[find(owner[level])] = find(term) }
            }
        }
        var partOf: [Int: Int] = [:]
        var parts: [ConjunctionTerms] = []
        for term in 0..<count {
            let part = partOf[find(term)] ?? { parts.append(ConjunctionTerms(factors: [], groups: [])); partOf[find(term)] = parts.count - 1; return parts.count - 1 }()
            if term < terms.factors.count { parts[part].factors.append(terms.factors[term]) } else { parts[part].groups.append(terms.groups[term - terms.factors.count]) }
        }
        return parts
    }

    /// The group's members when no two of them test a common free level, else nil.
    mutating func independentMembers(_ group: ConjunctionTerms.Group, _ context: EvaluationContext) -> [ConjunctionTerms]? {
        var owner = [Int](repeating: -1, count: scratch.levelCount)
        var shared = false
        for (index, member) in group.members.enumerated() {
            freeLevels(member.allFactors, context) { level in
                if owner[level] >= 0 && owner[level] != index { shared = true }
                owner[level] = index
            }
            if shared { return nil }
        }
        return group.members
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
                                            reason: "the parts share no component", parts: parts.map(\.plan)),
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
                                            reason: "the group's members share no component", parts: members.map(\.plan)),
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
