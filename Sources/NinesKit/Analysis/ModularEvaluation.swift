import Foundation

/// A conjunction's figure as a certified interval with Birnbaum importance by level: the
/// optimistic end (least unavailability) and the pessimistic end, each a consistent pair
/// (availability + unavailability = 1).
struct TermsFigure {
    var optimistic: Probability
    var pessimistic: Probability
    var birnbaum: [Double]
    /// Conditioned components, deepest level and states, summed over the conditioned parts; nil
    /// when nothing was conditioned.
    var conditioning: ConditioningSummary?
    var diagramSize: Int

    var isExact: Bool {
        pessimistic.down - optimistic.down <= ConditionedConjunction.relativeTolerance * optimistic.down
    }
    var middle: Probability { CompiledFigures.midpoint(low: optimistic, high: pessimistic) }
}

/// Modular decomposition of a conjunction before conditioning: parts that share no component are
/// independent, so each is evaluated alone and their figures multiply; a group whose members share
/// no component with each other (regions, each on its own pool) is a Poisson-binomial of its
/// members' figures, each evaluated alone. Conditioning then enumerates one part's shared
/// components at a time instead of all of them together.
extension CompiledFigures {
    /// The figure of `terms`, or nil when a part cannot be conditioned (a factor testing too many
    /// shared components) and the whole must be sampled.
    func evaluate(_ terms: ConjunctionTerms, view: FigureView, allowance: inout Int) -> TermsFigure? {
        var scratch = BDDScratch(structure.bdd)   // one for every part: its size is the whole diagram's
        return evaluate(terms, view: view, allowance: &allowance, scratch: &scratch)
    }

    /// - Parameter split: whether `terms` may still hold independent parts (not when it is one).
    private func evaluate(_ terms: ConjunctionTerms, view: FigureView, allowance: inout Int, scratch: inout BDDScratch,
                          split: Bool = true) -> TermsFigure? {
        let parts = split ? independentParts(terms, scratch: &scratch) : [terms]
        if parts.count > 1 {
            var figures: [TermsFigure] = []
            for part in parts {
                guard let figure = evaluate(part, view: view, allowance: &allowance, scratch: &scratch, split: false) else { return nil }
                figures.append(figure)
            }
            return Self.product(figures)
        }
        if terms.factors.isEmpty, terms.groups.count == 1, let members = independentMembers(terms.groups[0], scratch: &scratch) {
            var figures: [TermsFigure] = []
            for member in members {
                let part = ConjunctionTerms(factors: member, groups: [])
                guard let figure = evaluate(part, view: view, allowance: &allowance, scratch: &scratch) else { return nil }
                figures.append(figure)
            }
            return Self.group(needing: terms.groups[0].k, of: figures)
        }
        if terms.groups.isEmpty && terms.factors.count == 1 {
            let root = terms.factors[0]
            let nodes = view == .callers ? callerNodes : pathNodes
            let diagram = structure.bdd.nodes(below: root)
            return TermsFigure(optimistic: nodes[root], pessimistic: nodes[root],
                               birnbaum: structure.bdd.birnbaum(root: root, diagram: diagram, variables: variables(view), nodes: nodes),
                               conditioning: nil, diagramSize: diagram.count)
        }
        guard allowance > 0, let conjunction = ConditionedConjunction(structure.bdd, terms: terms, scratch: &scratch) else { return nil }
        let copied = conjunction.factors.reduce(0) { $0 + $1.level.count }
        let result = conjunction.evaluate(variables(view), importance: true,
                                          workBudget: max(0, min(structure.budget.conditioningWork, allowance - copied)))
        allowance -= copied + result.work
        return TermsFigure(optimistic: Probability(up: result.high.up, down: result.low.down),
                           pessimistic: Probability(up: result.low.up, down: result.high.down), birnbaum: result.birnbaum,
                           conditioning: ConditioningSummary(components: result.conditionedCount, depth: result.depth, states: result.states),
                           diagramSize: copied)
    }

    /// The parts of `terms` that share no component (factors and groups joined when they test a
    /// common level), in the order their first term appears.
    func independentParts(_ terms: ConjunctionTerms, scratch: inout BDDScratch) -> [ConjunctionTerms] {
        let count = terms.factors.count + terms.groups.count
        guard count > 1 else { return [terms] }
        var owner = [Int](repeating: -1, count: scratch.levelCount)   // a term testing each level
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func claim(_ root: BDD.Ref, for term: Int) {
            for node in scratch.nodes(below: root) {
                let level = Int(structure.bdd.level(node))
                if owner[level] < 0 { owner[level] = term } else { parent[find(owner[level])] = find(term) }
            }
        }
        for (index, root) in terms.factors.enumerated() { claim(root, for: index) }
        for (index, group) in terms.groups.enumerated() {
            for member in group.members { for root in member { claim(root, for: terms.factors.count + index) } }
        }
        var partOf: [Int: Int] = [:]
        var parts: [ConjunctionTerms] = []
        for term in 0..<count {
            let part = partOf[find(term)] ?? { parts.append(ConjunctionTerms(factors: [], groups: [])); partOf[find(term)] = parts.count - 1; return parts.count - 1 }()
            if term < terms.factors.count { parts[part].factors.append(terms.factors[term]) } else { parts[part].groups.append(terms.groups[term - terms.factors.count]) }
        }
        return parts
    }

    /// The group's members when no two of them test a common level, else nil.
    func independentMembers(_ group: ConjunctionTerms.Group, scratch: inout BDDScratch) -> [[BDD.Ref]]? {
        var owner = [Int](repeating: -1, count: scratch.levelCount)
        for (index, member) in group.members.enumerated() {
            for root in member {
                for node in scratch.nodes(below: root) {
                    let level = Int(structure.bdd.level(node))
                    if owner[level] >= 0 && owner[level] != index { return nil }
                    owner[level] = index
                }
            }
        }
        return group.members
    }

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
        return TermsFigure(optimistic: combine(parts.map(\.optimistic)), pessimistic: combine(parts.map(\.pessimistic)),
                           birnbaum: birnbaum, conditioning: summed(parts), diagramSize: parts.reduce(0) { $0 + $1.diagramSize })
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
        return TermsFigure(optimistic: AtLeastKOfIndependent(k, of: members.map(\.optimistic)).figure,
                           pessimistic: AtLeastKOfIndependent(k, of: members.map(\.pessimistic)).figure,
                           birnbaum: birnbaum, conditioning: summed(members), diagramSize: members.reduce(0) { $0 + $1.diagramSize })
    }

    /// The conditioning of several parts: components and states added up, the deepest level.
    static func summed(_ parts: [TermsFigure]) -> ConditioningSummary? {
        let conditioned = parts.compactMap(\.conditioning)
        guard !conditioned.isEmpty else { return nil }
        return ConditioningSummary(components: conditioned.reduce(0) { $0 + $1.components },
                                   depth: conditioned.map(\.depth).max()!, states: conditioned.reduce(0) { $0 + $1.states })
    }
}
