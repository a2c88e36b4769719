/// Turns a conjunction's terms into an `EvaluationPlan` before anything is evaluated, from cheap
/// structural facts: which terms test common components (walking each diagram's nodes once), and
/// how many shared components can fail. Pure: reads the compiled structure and the view's
/// variable figures, computes no figure.
///
/// The plan does not depend on the state of a conditioning, only on which levels it fixes: given
/// the shared components the units share nothing free, whatever their states, so every state runs
/// the same plan (`EvaluationPlan.Step.conditioned`). Routes, in the order they are tried:
/// 1. parts that share no free component: a product of their plans;
/// 2. one group whose members share no free component: at least k of their plans;
/// 3. one diagram: one pass;
/// 4. groups inside groups sharing a few components (a DNS every region needs): conditioned on
///    those, the terms planned again with them fixed;
/// 5. diagrams and flat groups sharing components (a pool of nodes): conditioned inside one
///    enumeration.
struct FigurePlanner {
    let bdd: BDD
    let variables: [Probability]
    var scratch: BDDScratch
    /// Plans of remembered parts, shared by the figures of one analysis (nil: none kept).
    let known: PartFigures?
    let callers: Bool

    /// At most this many shared components with a chance of failing are conditioned on across
    /// levels (2^24 states would be past any budget).
    static let maximumShared = 24

    /// - Parameter scratch: a scratch over `bdd` to reuse (`PartFigures.takeScratch`); nil: a new one.
    init(_ bdd: BDD, variables: [Probability], known: PartFigures? = nil, callers: Bool = false, scratch: BDDScratch? = nil) {
        self.bdd = bdd
        self.variables = variables
        self.scratch = scratch ?? BDDScratch(bdd)
        self.known = known
        self.callers = callers
    }

    /// The plan of `terms` with no level fixed.
    mutating func plan(_ terms: ConjunctionTerms) -> EvaluationPlan { plan(terms, fixed: [], split: true) }

    /// - Parameters:
    ///   - fixed: levels an enclosing conditioning fixes (empty when none does).
    ///   - split: whether `terms` may still hold independent parts (not when it is one).
    mutating func plan(_ terms: ConjunctionTerms, fixed: [Bool], split: Bool) -> EvaluationPlan {
        // A single diagram is one pass: not worth remembering.
        guard terms.factors.count + terms.groups.count > 1 || !terms.groups.isEmpty,
              fixed.isEmpty || !tests(terms, fixed) else { return planAlone(terms, fixed: fixed, split: split) }
        let key = PartFigures.Key(terms: terms, callers: callers)
        if let plan = known?.plans[key] { return plan }
        var plan = planAlone(terms, fixed: [], split: split)
        plan.remembered = true
        known?.plans[key] = plan
        return plan
    }

    mutating func planAlone(_ terms: ConjunctionTerms, fixed: [Bool], split: Bool) -> EvaluationPlan {
        let parts = split ? independentParts(terms, fixed) : [terms]
        if parts.count > 1 {
            return EvaluationPlan(terms: terms, step: .product(parts.map { plan($0, fixed: fixed, split: false) }),
                                  reason: EvaluationPlan.independentParts)
        }
        if terms.factors.isEmpty, terms.groups.count == 1, independentMembers(terms.groups[0], fixed) {
            let members = terms.groups[0].members.map { plan($0, fixed: fixed, split: true) }
            return EvaluationPlan(terms: terms, step: .atLeast(k: terms.groups[0].k, members: members), reason: EvaluationPlan.independentMembers)
        }
        if terms.groups.isEmpty && terms.factors.count <= 1 {
            return EvaluationPlan(terms: terms, step: .diagram(terms.factors.first ?? BDD.up), reason: "one decision diagram")
        }
        guard !terms.isFlat else {
            return EvaluationPlan(terms: terms, step: .sharedDiagrams, reason: "the diagrams share components, so they are not independent")
        }
        let shared = sharedLevels(terms, fixed)
        guard !shared.isEmpty else {   // not flat, yet nothing to condition on: never for valid terms
            return EvaluationPlan(terms: terms, step: .noExactRoute, reason: "groups inside groups, yet no shared component")
        }
        let candidates = shared.filter { variables[$0].down > 0 && variables[$0].up > 0 }
            .sorted { (variables[$0].down, $1) > (variables[$1].down, $0) }
        guard candidates.count <= Self.maximumShared else {
            return EvaluationPlan(terms: terms, step: .noExactRoute,
                                  reason: "\(Format.count(candidates.count)) shared components can fail, more than \(Self.maximumShared) to condition on")
        }
        var inState = fixed.isEmpty ? [Bool](repeating: false, count: variables.count) : fixed
        for level in shared { inState[level] = true }   // the certain ones keep their figure (0 or 1)
        return EvaluationPlan(terms: terms, step: .conditioned(shared: shared, candidates: candidates,
                                                               given: plan(terms, fixed: inState, split: true)),
                              reason: "units of the structure share them, so they are not independent")
    }

    /// Whether any diagram of `terms` tests a level in `fixed`.
    mutating func tests(_ terms: ConjunctionTerms, _ fixed: [Bool]) -> Bool {
        var found = false
        for root in terms.allFactors where !found { scratch.forEachLevel(below: root) { if fixed[$0] { found = true } } }
        return found
    }

    /// The free levels each diagram of `roots` tests (a level may be claimed once per node testing it).
    mutating func freeLevels(_ roots: [BDD.Ref], _ fixed: [Bool], _ claim: (Int) -> Void) {
        for root in roots {
            // Nothing fixed: the levels a diagram tests, walked once per analysis (a fault tree's
            // hundreds of closures plan conjunctions of the same diagrams again and again).
            if fixed.isEmpty, let known {
                for level in known.levelsTested(below: root, &scratch) { claim(Int(level)) }
                continue
            }
            scratch.forEachLevel(below: root) { level in
                if fixed.isEmpty || !fixed[level] { claim(level) }
            }
        }
    }

    /// The parts of `terms` that share no free component (factors and groups joined when they test
    /// a common level), in the order their first term appears.
    mutating func independentParts(_ terms: ConjunctionTerms, _ fixed: [Bool]) -> [ConjunctionTerms] {
        let count = terms.factors.count + terms.groups.count
        guard count > 1 else { return [terms] }
        func roots(_ term: Int) -> [BDD.Ref] {
            term < terms.factors.count ? [terms.factors[term]] : terms.groups[term - terms.factors.count].members.flatMap(\.allFactors)
        }
        var sets = TermSets(count: count)
        if fixed.isEmpty {
            sets.joinTestingCommonLevels((0..<count).map(roots), scratch: &scratch)
        } else {
            var owner = [Int](repeating: -1, count: scratch.levelCount)   // a term testing each level
            for term in 0..<count {
                freeLevels(roots(term), fixed) { level in
                    if owner[level] < 0 { owner[level] = term } else { sets.join(owner[level], term) }
                }
            }
        }
        var partOf: [Int: Int] = [:]
        var parts: [ConjunctionTerms] = []
        for term in 0..<count {
            let set = sets.find(term)
            let part = partOf[set] ?? { parts.append(ConjunctionTerms(factors: [], groups: [])); partOf[set] = parts.count - 1; return parts.count - 1 }()
            if term < terms.factors.count { parts[part].factors.append(terms.factors[term]) } else { parts[part].groups.append(terms.groups[term - terms.factors.count]) }
        }
        return parts
    }

    /// Whether no two of the group's members test a common free level.
    mutating func independentMembers(_ group: ConjunctionTerms.Group, _ fixed: [Bool]) -> Bool {
        var owner = [Int](repeating: -1, count: scratch.levelCount)
        var shared = false
        for (index, member) in group.members.enumerated() {
            freeLevels(member.allFactors, fixed) { level in
                if owner[level] >= 0 && owner[level] != index { shared = true }
                owner[level] = index
            }
            if shared { return false }
        }
        return true
    }

    /// Free levels tested by two or more units of `terms`: each factor, and each member of each
    /// group with everything inside it.
    mutating func sharedLevels(_ terms: ConjunctionTerms, _ fixed: [Bool]) -> [Int] {
        var owner = [Int](repeating: -1, count: scratch.levelCount)
        var isShared = [Bool](repeating: false, count: scratch.levelCount)
        var units = terms.factors.map { [$0] }
        for group in terms.groups { units.append(contentsOf: group.members.map(\.allFactors)) }
        for (index, roots) in units.enumerated() {
            freeLevels(roots, fixed) { level in
                if owner[level] >= 0 && owner[level] != index { isShared[level] = true }
                owner[level] = index
            }
        }
        return isShared.indices.filter { isShared[$0] }
    }
}
