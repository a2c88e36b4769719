import Foundation

/// "All of these factors up", where each factor is a small diagram but their conjunction is not:
/// the factors share some components (a pool of nodes under many services' replicas), and a
/// diagram of the whole must remember, level by level, a function of the whole pool.
///
/// Conditioning (factoring) on the shared components avoids that: the conditioned variables are
/// those tested by two or more factors; once their states are fixed the factors are independent,
/// so P(all up | s) = Π_f P(f | s), each P(f | s) a pass over one small diagram, remembered per
/// pattern of its own conditioned variables. The states s are enumerated by how many conditioned
/// components are down (0, 1, 2, …), depth first so each step updates only the factors that test
/// the component it adds. Two facts of a coherent structure bound what is not enumerated:
/// - a state where some factor is certainly down settles its whole subtree (itself and every
///   extension by later candidates), whose probability is a closed-form product: on a shared pool
///   most pairs of nodes already take some service down, so the enumeration ends after a few
///   levels, exactly, where counting states by level alone would need millions;
/// - below a live state of the last level, Q lies between that state's Q and 1.
/// So the result is a certified interval whose width is Σ over the last level's live states of
/// P(rest of its subtree) · A(state).
///
/// Probabilities stay unavailability-first: P(all up | s) is kept as Σ_f ln P(f | s) (each term
/// ln1p(−Q_f)), and Q(s) = −expm1 of that sum, so a conditioned figure of 1 − 1e-12 keeps its digits.
struct ConditionedConjunction: Sendable {
    let factors: [FactorDiagram]
    /// Conditioned levels (tested by two or more factors), ascending.
    let conditioned: [Int32]
    /// For each conditioned variable (by position in `conditioned`), the factors that test it and
    /// the bit it has in each: flat, `touchStart[c]..<touchStart[c + 1]`.
    let touchStart: [Int]
    let touchFactor: [Int32]
    let touchBit: [UInt8]

    /// The member (index into `memberGroup`) each factor belongs to, or -1 for a factor that must
    /// hold itself.
    let unit: [Int32]
    /// Each group member's group; each group's members, `groupMemberStart[g]..<groupMemberStart[g + 1]`,
    /// and how many of them must be up; each member's factors, flat by `memberFactorStart`.
    let memberGroup: [Int32]
    let groupMemberStart: [Int]
    let groupNeeds: [Int]
    let memberFactorStart: [Int]
    let memberFactors: [Int32]

    /// A conjunction of `roots` alone (duplicates dropped).
    init?(_ bdd: BDD, roots: [BDD.Ref]) {
        var scratch = BDDScratch(bdd)
        self.init(bdd, terms: ConjunctionTerms(factors: roots, groups: []), scratch: &scratch)
    }

    /// Builds the factors of `terms`: each factor that must hold once, and each group member's
    /// factors once per member. A diagram two parts share (a DNS both regions need) is copied for
    /// each, so its variables are tested twice and conditioned: given them it is certain, and the
    /// parts are independent. Nil when one factor would test more than
    /// `FactorDiagram.maximumConditioned` conditioned variables (its states could not be a mask), or
    /// when a member holds groups itself (not flat).
    init?(_ bdd: BDD, terms: ConjunctionTerms, scratch: inout BDDScratch) {
        var instances: [(root: BDD.Ref, unit: Int32)] = []
        var seen = Set<BDD.Ref>()
        for root in terms.factors where root != BDD.up && seen.insert(root).inserted { instances.append((root, -1)) }
        var memberGroup: [Int32] = [], groupMemberStart = [0], groupNeeds: [Int] = []
        for (index, group) in terms.groups.enumerated() {
            for member in group.members {
                let unit = Int32(memberGroup.count)
                memberGroup.append(Int32(index))
                var inMember = Set<BDD.Ref>()
                guard member.groups.isEmpty else { return nil }   // groups inside groups: `SharedConditioning`
                for root in member.factors where root != BDD.up && inMember.insert(root).inserted { instances.append((root, unit)) }
            }
            groupMemberStart.append(memberGroup.count)
            groupNeeds.append(group.k)
        }
        // The levels each factor tests, by flat marking: no hashing, and no node list until every
        // factor is known to fit a mask. How many of a factor's levels another factor tests too
        // only grows as factors are added, so the first factor past the limit refuses the whole
        // conjunction (a system of 27,000 diagrams at 100,000 components) without walking the rest.
        // Whether one is past it does not depend on the order the factors are walked in, so the
        // largest go first (refs are topological: the highest roots were made last, over the
        // others): they test the most levels, and are the likeliest to be past it.
        var uses = [Int32](repeating: 0, count: scratch.levelCount)
        var firstUser = [Int32](repeating: -1, count: scratch.levelCount)
        var sharedCount = [Int](repeating: 0, count: instances.count)
        var levelSeen: [Bool] = []
        var supports = [[Int32]](repeating: [], count: instances.count)
        for index in instances.indices.sorted(by: { (instances[$0].root, $1) > (instances[$1].root, $0) }) {
            let support = scratch.levelsTested(below: instances[index].root, seen: &levelSeen)
            for level in support.lazy.map(Int.init) {
                if uses[level] == 0 {
                    firstUser[level] = Int32(index)
                } else {
                    if uses[level] == 1 { sharedCount[Int(firstUser[level])] += 1 }
                    sharedCount[index] += 1
                    guard sharedCount[index] <= FactorDiagram.maximumConditioned,
                          sharedCount[Int(firstUser[level])] <= FactorDiagram.maximumConditioned else { return nil }
                }
                uses[level] += 1
            }
            supports[index] = support
        }
        let conditioned = uses.indices.filter { uses[$0] >= 2 }.map { Int32($0) }
        var position = [Int](repeating: -1, count: scratch.levelCount)
        for (index, level) in conditioned.enumerated() { position[Int(level)] = index }
        let conditionedLevels = supports.map { $0.filter { position[Int($0)] >= 0 }.sorted() }
        guard conditionedLevels.allSatisfy({ $0.count <= FactorDiagram.maximumConditioned }) else { return nil }
        var factors: [FactorDiagram] = []
        var touches = [[(factor: Int32, bit: UInt8)]](repeating: [], count: conditioned.count)
        for (index, instance) in instances.enumerated() {
            let levels = conditionedLevels[index]
            var bitOf: [Int32: Int] = [:]
            for (bit, level) in levels.enumerated() {
                bitOf[level] = bit
                touches[position[Int(level)]].append((Int32(index), UInt8(bit)))
            }
            factors.append(FactorDiagram(bdd, root: instance.root, nodes: scratch.nodes(below: instance.root), scratch: &scratch, conditionedLevels: levels,
                                         bitOf: { bitOf[$0] }))
        }
        self.factors = factors
        self.conditioned = conditioned
        var start = [0]
        var touchFactor: [Int32] = [], touchBit: [UInt8] = []
        for list in touches {
            for touch in list { touchFactor.append(touch.factor); touchBit.append(touch.bit) }
            start.append(touchFactor.count)
        }
        (touchStart, self.touchFactor, self.touchBit) = (start, touchFactor, touchBit)
        unit = instances.map(\.unit)
        var byMember = [[Int32]](repeating: [], count: memberGroup.count)
        for (index, instance) in instances.enumerated() where instance.unit >= 0 { byMember[Int(instance.unit)].append(Int32(index)) }
        (self.memberGroup, self.groupMemberStart, self.groupNeeds) = (memberGroup, groupMemberStart, groupNeeds)
        memberFactorStart = byMember.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        memberFactors = byMember.flatMap { $0 }
    }

    /// Enumeration stops once what is left is below this share of the unavailability found
    /// (unless the next level costs under `freeLevelWork` factor updates).
    static let relativeTolerance = 1e-12
    /// A level the budget cannot walk whole is walked in part until the width is below this share
    /// of the unavailability (or the budget is spent).
    static let narrowTolerance = 1e-9
    static let freeLevelWork = 100_000
    /// Importance weights are gathered from states with at most this many conditioned components
    /// down (each such state costs a pass over every factor it touches); the rest move them by
    /// less than the probability of that many failing together. With few conditioned components
    /// every state counts (`exhaustiveImportance`).
    static let importanceDepth = 3
    static let exhaustiveImportance = 12

    struct Result: Sendable {
        /// The certified interval on Q: its lower end counts only the enumerated states (and what
        /// they settle), the upper end adds the tail left unenumerated.
        let interval: UnavailabilityInterval
        /// The best value inside `interval`: the enumerated states, plus the width times the share
        /// of it the states not enumerated were sampled to hold (`sampleRemainder`): unbiased.
        /// Nil when the caller said the figure will not show it (nothing was sampled).
        let estimate: Probability?
        /// A bound on the estimate's standard error (in Q).
        let estimateError: Double
        /// ∂A/∂p by level (zero for variables the factors do not test); empty unless asked for.
        let birnbaum: [Double]
        /// Conditioned components with a chance of failing, and the most of them down at once in
        /// an enumerated state.
        let conditionedCount: Int
        let depth: Int
        let states: Int
        /// Factor updates and node evaluations spent.
        var work = 0
        /// Whether what was not enumerated is below `relativeTolerance` of the unavailability: the
        /// figure is then exact to twelve significant digits (and its interval says how exact).
        var isExact: Bool { interval.isNarrow(relative: ConditionedConjunction.relativeTolerance) }
    }

    /// P(every factor up) for the variable probabilities `variables` (by level).
    /// - Parameters:
    ///   - importance: also compute the Birnbaum importance of every variable.
    ///   - workBudget: factor updates the enumeration may spend (`EvaluationBudget.enumerationWork`);
    ///     past it the figure is the interval reached so far.
    ///   - keepsEstimate: whether the figure will show the estimate inside this interval (else
    ///     it is not sampled).
    func evaluate(_ variables: [Probability], importance: Bool, workBudget: Int,
                  keepsEstimate: (UnavailabilityInterval) -> Bool = { _ in true }) -> Result {
        var enumeration = ConjunctionEnumeration(self, variables: variables, importance: importance)
        let result = enumeration.run(workBudget: workBudget, keepsEstimate: keepsEstimate)
        guard importance else { return result }
        var work = result.work
        // Shared components that never fail are in no enumerated state: their importance
        // Q(down) − Q(up) takes one more enumeration each, with the component down.
        // They share what is left of the budget, so a model with many of them (the SLA view makes
        // every provider's component perfect) cannot multiply the work.
        var birnbaum = result.birnbaum
        let neverFailing = conditioned.filter { variables[Int($0)].down == 0 && variables[Int($0)].up > 0 }
        for (done, level) in neverFailing.enumerated() {
            let share = max(0, workBudget - work) / (neverFailing.count - done)
            var failed = variables
            failed[Int(level)] = .failed
            var down = ConjunctionEnumeration(self, variables: failed, importance: false)
            let whenDown = down.run(workBudget: share, keepsEstimate: { _ in false })   // only its middle is read
            birnbaum[Int(level)] = Self.middle(whenDown) - Self.middle(result)
            work += whenDown.work
        }
        return Result(interval: result.interval, estimate: result.estimate, estimateError: result.estimateError, birnbaum: birnbaum, conditionedCount: result.conditionedCount,
                      depth: result.depth, states: result.states, work: work)
    }

    /// The unavailability at the middle of a result's interval.
    static func middle(_ result: Result) -> Double { (result.interval.lower.down + result.interval.upper.down) / 2
    }
}
