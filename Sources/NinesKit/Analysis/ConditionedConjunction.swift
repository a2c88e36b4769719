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
        // Each factor's nodes (children first) and the levels it tests, by flat marking: no hashing.
        let diagrams = instances.map { scratch.nodes(below: $0.root) }
        var uses = [Int32](repeating: 0, count: scratch.levelCount)
        var levelSeen = [Int](repeating: -1, count: scratch.levelCount)
        var supports: [[Int32]] = []
        for (index, nodes) in diagrams.enumerated() {
            var support: [Int32] = []
            for node in nodes {
                let level = Int(bdd.level(node))
                if levelSeen[level] != index { levelSeen[level] = index; support.append(Int32(level)); uses[level] += 1 }
            }
            supports.append(support)
        }
        let conditioned = uses.indices.filter { uses[$0] >= 2 }.map { Int32($0) }
        var position = [Int](repeating: -1, count: scratch.levelCount)
        for (index, level) in conditioned.enumerated() { position[Int(level)] = index }
        var factors: [FactorDiagram] = []
        var touches = [[(factor: Int32, bit: UInt8)]](repeating: [], count: conditioned.count)
        for (index, instance) in instances.enumerated() {
            let levels = supports[index].filter { position[Int($0)] >= 0 }.sorted()
            guard levels.count <= FactorDiagram.maximumConditioned else { return nil }
            var bitOf: [Int32: Int] = [:]
            for (bit, level) in levels.enumerated() {
                bitOf[level] = bit
                touches[position[Int(level)]].append((Int32(index), UInt8(bit)))
            }
            factors.append(FactorDiagram(bdd, root: instance.root, nodes: diagrams[index], scratch: &scratch, conditionedLevels: levels,
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
        let estimate: Probability
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
    ///   - workBudget: factor updates the enumeration may spend (`CompilationBudget.conditioningWork`);
    ///     past it the figure is the interval reached so far.
    func evaluate(_ variables: [Probability], importance: Bool, workBudget: Int) -> Result {
        var enumeration = Enumeration(self, variables: variables, importance: importance)
        let result = enumeration.run(workBudget: workBudget)
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
            var down = Enumeration(self, variables: failed, importance: false)
            let whenDown = down.run(workBudget: share)
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

/// The state of one evaluation of a `ConditionedConjunction` (see there).
struct Enumeration {
    let conjunction: ConditionedConjunction
    let variables: [Probability]
    let wantsImportance: Bool
    /// Conditioned variables that can fail (0 < q), by position in `conjunction.conditioned`,
    /// most likely to fail first; their unavailability and availability.
    let candidates: [Int]
    let q: [Double], p: [Double]
    /// Π p over the candidates from i on, and 1 − that (P(one of them is down), without
    /// cancellation): `suffixUp[i]`, `suffixDown[i]`, i up to the candidate count.
    let suffixUp: [Double], suffixDown: [Double]
    /// Probability that no candidate is down.
    var allUp: Double { suffixUp[0] }
    /// Whether a state with a factor certainly down settles its whole subtree. It does when every
    /// free variable can be up: the structure is coherent, so "certainly down" then means down
    /// for every value of the free variables, and stays so as more components fail.
    let prunes: Bool

    // Memo of each factor's figure per mask of its conditioned variables: a dense table per factor
    // with few conditioned variables (index = mask), a dictionary for the rest; both hold an entry
    // index into the flat entry arrays.
    var denseStart: [Int]
    var dense: [Int32]
    var sparse: [SparseKey: Int32] = [:]   // for factors past the dense limit
    struct SparseKey: Hashable { let factor: Int; let mask: UInt64 }
    var entryUp: [Double] = [], entryLog: [Double] = []
    var entryFactor: [Int32] = [], entryMask: [UInt64] = []
    /// Importance weight of each entry: Σ P(s)·Π_{other factors} P(f | s) over the states where the
    /// entry's factor had the entry's mask.
    var entryWeight: [Double] = []
    static let denseBits = 10
    /// Current mask and memo entry of each factor.
    var mask: [UInt64]
    /// Each factor's mask with no candidate down (only the always-down variables set).
    var baseMask: [UInt64] = []
    var entry: [Int32]
    var logUp = 0.0
    var zeros = 0
    /// How many of the factors that must hold themselves are certainly down, and the sum of their
    /// indices (when one is, that factor).
    var topZeros = 0
    var zeroFactors = 0
    /// The group terms; `logUp` and `zeros` count each group as one term.
    var groups: ConditionedGroups
    var downSet: [Int] = []
    var undo: [Int32] = []

    // Sums over the enumerated states, compensated: tens of thousands of small terms added to a
    // sum near 1e-4 would otherwise drift by about 1e-12 of it (rounding at the sum's last digit).
    var upTotal = CompensatedSum(), downTotal = CompensatedSum(), states = 0
    var upSum: Double { upTotal.value }
    var downSum: Double { downTotal.value }
    /// The level being walked: the rest of its live states' subtrees, Σ remainder · Q(state) and
    /// Σ remainder · A(state) (the interval's width), and how many children they have.
    var frontierDown = CompensatedSum(), frontierWidth = CompensatedSum()
    var nextChildren = 0
    var walkWork = 0
    /// How the current walk expands the previous level (every state but in the last, partial one).
    var partial = PartialLevel.whole
    /// Σ width_t · the sampled share over this level's frontier states (`sampleRemainder`).
    var remainderShift = CompensatedSum()
    var remainderVariance = 0.0
    var random = Xoshiro256StarStar(seed: RemainderSampling.seed)
    var drawsPerState = 1
    /// The work budget of the current run.
    var budget = 0
    var drawn: [(index: Int, saved: Saved)] = []
    // For importance: Σ P·Q over states with candidate i down (by candidate), and per factor the
    // weight Σ P(s)·Π_{other factors} P(f | s) by the factor's mask (states up to `importanceDepth`).
    var downWhenDown: [Double]
    /// Settled subtrees' mass by the first candidate that is free in them: candidate i is down in
    /// q_i of the mass of every subtree listed at or before i.
    var laterDownWeight: [Double]
    var touchedUp: [Double]
    /// Per factor: Σ P(s)·Π_{other factors} P(f | s) over the states where it is untouched and the
    /// only factor certainly down.
    var aloneDownUp: [Double]
    var stamp: [Int]
    var importanceUpSum = CompensatedSum()
    let importanceDepth: Int
    var work = 0

    init(_ conjunction: ConditionedConjunction, variables: [Probability], importance: Bool) {
        self.conjunction = conjunction
        self.variables = variables
        wantsImportance = importance
        let factorCount = conjunction.factors.count
        var denseStart = [Int](repeating: -1, count: factorCount)
        var denseSize = 0
        for (index, factor) in conjunction.factors.enumerated() where factor.conditioned.count <= Self.denseBits {
            denseStart[index] = denseSize
            denseSize += 1 << factor.conditioned.count
        }
        self.denseStart = denseStart
        dense = [Int32](repeating: -1, count: denseSize)
        mask = Array(repeating: 0, count: factorCount)
        entry = Array(repeating: 0, count: factorCount)
        touchedUp = Array(repeating: 0, count: importance ? factorCount : 0)
        aloneDownUp = Array(repeating: 0, count: importance ? factorCount : 0)
        stamp = Array(repeating: -1, count: factorCount)
        // Variables that never fail need no states; ones that always fail are fixed down.
        var candidates: [Int] = []
        var alwaysDown: [Int] = []
        for (position, level) in conjunction.conditioned.enumerated() {
            let v = variables[Int(level)]
            if v.up <= 0 { alwaysDown.append(position) } else if v.down > 0 { candidates.append(position) }
        }
        candidates.sort { (variables[Int(conjunction.conditioned[$0])].down, $1) > (variables[Int(conjunction.conditioned[$1])].down, $0) }
        self.candidates = candidates
        importanceDepth = candidates.count <= ConditionedConjunction.exhaustiveImportance ? candidates.count
            : ConditionedConjunction.importanceDepth
        q = candidates.map { variables[Int(conjunction.conditioned[$0])].down }
        p = candidates.map { variables[Int(conjunction.conditioned[$0])].up }
        var suffixUp = [Double](repeating: 1, count: candidates.count + 1)
        var suffixDown = [Double](repeating: 0, count: candidates.count + 1)
        for i in stride(from: candidates.count - 1, through: 0, by: -1) {
            suffixUp[i] = p[i] * suffixUp[i + 1]
            suffixDown[i] = q[i] + p[i] * suffixDown[i + 1]
        }
        (self.suffixUp, self.suffixDown) = (suffixUp, suffixDown)
        var isConditioned = [Bool](repeating: false, count: variables.count)
        for level in conjunction.conditioned { isConditioned[Int(level)] = true }
        prunes = variables.indices.allSatisfy { isConditioned[$0] || variables[$0].up > 0 }
        downWhenDown = Array(repeating: 0, count: candidates.count)
        laterDownWeight = Array(repeating: 0, count: candidates.count)
        for position in alwaysDown {
            for touch in conjunction.touchStart[position]..<conjunction.touchStart[position + 1] {
                mask[Int(conjunction.touchFactor[touch])] |= 1 << UInt64(conjunction.touchBit[touch])
            }
        }
        baseMask = mask
        groups = ConditionedGroups(conjunction)
        for factor in 0..<factorCount {
            let current = lookup(factor, mask[factor])
            entry[factor] = current
            let log: Double? = entryUp[Int(current)] <= 0 ? nil : entryLog[Int(current)]
            if conjunction.unit[factor] >= 0 {
                groups.replace(member: Int(conjunction.unit[factor]), old: 0, new: log)
            } else if let log { logUp += log } else { zeros += 1; topZeros += 1; zeroFactors += factor }
        }
        for log in groups.settle() {
            if log == -.infinity { zeros += 1 } else { logUp += log }
        }
        groups.memberUndo.removeAll()
    }

    /// The memo entry of `factor` under `mask`, computed on first use.
    @inline(__always)
    mutating func lookup(_ factor: Int, _ mask: UInt64) -> Int32 {
        let start = denseStart[factor]
        if start >= 0 {
            let known = dense[start + Int(mask)]
            if known >= 0 { return known }
        } else if let known = sparse[SparseKey(factor: factor, mask: mask)] {
            return known
        }
        return compute(factor, mask)
    }

    mutating func compute(_ factor: Int, _ mask: UInt64) -> Int32 {
        let p = conjunction.factors[factor].probability(mask: mask, variables: variables)
        let index = Int32(entryUp.count)
        entryUp.append(p.up)
        entryLog.append(p.up <= 0 ? -.infinity : log1p(-p.down))
        entryFactor.append(Int32(factor))
        entryMask.append(mask)
        entryWeight.append(0)
        if denseStart[factor] >= 0 {
            dense[denseStart[factor] + Int(mask)] = index
        } else {
            sparse[SparseKey(factor: factor, mask: mask)] = index
        }
        work += conjunction.factors[factor].level.count
        return index
    }

    mutating func run(workBudget: Int) -> ConditionedConjunction.Result {
        budget = workBudget
        var limit = 0
        var previousWidth = 1.0, previousChildren = 1
        while true {
            walk(limit: limit)
            let width = frontierWidth.value
            // Every subtree settled: nothing left to enumerate. (Without settling, certainly-down
            // states stay on the frontier with width 0, and are walked for their importance.)
            if width == 0 && (prunes || nextChildren == 0) { break }
            defer { (previousWidth, previousChildren) = (width, max(1, nextChildren)) }
            // Cost of the next level: the children of this level's live states, each updating the
            // factors its component touches (importance gathers visit them again, up to its depth),
            // and the lower levels walked again. Levels that cost next to nothing are walked even
            // past the tolerance, so small models are enumerated whole (importance then exact).
            let gathers = wantsImportance && limit + 1 <= importanceDepth ? limit + 2 : 1
            let next = Double(walkWork) + Double(nextChildren) * averageTouches * Double(gathers)
            let lowDown = downTotal.value + frontierDown.value
            if width <= ConditionedConjunction.relativeTolerance * lowDown && next > Double(ConditionedConjunction.freeLevelWork) { break }
            // Past the cheap levels, with two levels to extrapolate from: when not even an interval
            // narrower than the figure is in reach, leave the budget to sampling.
            let costly = limit >= 1 && next > Double(ConditionedConjunction.freeLevelWork)
            if costly && width > lowDown && lowDown > 0
                && !canNarrow(to: lowDown, width: width, previousWidth: previousWidth, next: next,
                              growth: Double(nextChildren) / Double(previousChildren), budget: workBudget) { break }
            if Double(work) + next * 1.2 > Double(workBudget) {
                // The whole next level is out of reach: walk it in part, expanding this level's
                // states in walk order (likeliest components first) while the budget lasts and
                // until the interval is narrow enough; the others keep their bound. The walk of
                // the levels below costs `walkWork` again, so that much is kept back. (Not below
                // the first level: the state with nothing down is expanded whole or not at all.)
                let target = ConditionedConjunction.narrowTolerance * lowDown
                if limit >= 1 && width > target && work + walkWork < workBudget {
                    partial = PartialLevel(workCap: workBudget - walkWork, targetWidth: target, previousWidth: width)
                    walk(limit: limit + 1)
                    if partial.expanded > 0 { limit += 1 }
                    partial = .whole
                }
                break
            }
            limit += 1
        }
        let width = frontierWidth.value
        // Each end a consistent pair: the tail's mass counted up at the lower end, down at the upper.
        let lowDown = downSum + frontierDown.value
        let interval = UnavailabilityInterval(lower: Probability(up: min(1, upSum + width), down: lowDown),
                                              upper: Probability(up: upSum, down: min(1, lowDown + width)))
        // The sampled share of the width the states not enumerated hold (`sampleRemainder`).
        let shift = min(max(0, remainderShift.value), width)
        let estimate = Probability(up: min(1, upSum + (width - shift)), down: min(1, lowDown + shift))
        return ConditionedConjunction.Result(interval: interval, estimate: estimate, estimateError: remainderVariance.squareRoot(), birnbaum: wantsImportance ? birnbaum() : [],
                                             conditionedCount: candidates.count, depth: limit, states: states, work: work)
    }

    /// Whether the levels still affordable could bring the interval's width down to `target`,
    /// extrapolating from the last two levels: the width shrinking by the same ratio per level,
    /// the cost growing with the number of live states.
    func canNarrow(to target: Double, width: Double, previousWidth: Double, next: Double, growth: Double, budget: Int) -> Bool {
        let shrink = width / previousWidth
        guard shrink < 1, target > 0 else { return false }
        let levels = Int(min(64, (log(target / width) / log(shrink)).rounded(.up)))
        var cost = Double(work), levelCost = next
        for _ in 0..<levels {
            cost += levelCost
            if cost > Double(budget) { return false }
            levelCost *= max(1, growth)
        }
        return true
    }

    var averageTouches: Double {
        guard !candidates.isEmpty else { return 0 }
        let total = candidates.reduce(0) { $0 + conjunction.touchStart[$1 + 1] - conjunction.touchStart[$1] }
        return max(1, Double(total) / Double(candidates.count))
    }

    /// Walks the live states with at most `limit` candidates down, recording those with exactly
    /// `limit` (the smaller ones were recorded by earlier walks), and sets this level's frontier.
    mutating func walk(limit: Int) {
        let before = work
        frontierDown = CompensatedSum()
        frontierWidth = CompensatedSum()
        // One draw per frontier state (each cheaper than the state's own walk), or more to spread
        // `RemainderSampling.draws` — within a share of the budget — over the states this walk is
        // expected to leave (the previous level's children, an upper bound).
        let affordable = Double(budget) * RemainderSampling.budgetShare / max(1, averageTouches)   // 0 touches: no candidates
        let draws = max(RemainderSampling.minimumDraws, Int(min(Double(RemainderSampling.draws), affordable)))
        drawsPerState = max(1, draws / max(1, nextChildren))
        remainderShift = CompensatedSum()
        remainderVariance = 0
        random = Xoshiro256StarStar(seed: RemainderSampling.seed)
        nextChildren = 0
        if limit == 0 {
            reach(mass: 1, probability: allUp, last: -1)
        } else if zeros == 0 || !prunes {
            visit(from: 0, mass: 1, size: 0, limit: limit)
        }
        walkWork = work - before
    }

    /// Depth first over the sets of candidates that extend the current one (its members all below
    /// `start`). `mass` is the probability of the current set's subtree: its members down, the
    /// candidates below `start` outside it up, the rest free.
    mutating func visit(from start: Int, mass: Double, size: Int, limit: Int) {
        var skippedUp = 1.0   // Π p over the candidates from `start` passed over so far
        for index in start..<candidates.count {
            let childMass = mass * skippedUp * q[index]
            skippedUp *= p[index]
            let saved = push(index)
            downSet.append(index)
            if size + 1 == limit {
                reach(mass: childMass, probability: childMass * suffixUp[index + 1], last: index)
            } else if (zeros == 0 || !prunes) && index + 1 < candidates.count {
                if size + 2 == limit && !partial.expands(width: childMass * suffixDown[index + 1] * (zeros > 0 ? 0 : exp(logUp)),
                                                         walked: frontierWidth.value, work: work) {
                    // Out of budget (or narrow enough) within a level: this state keeps the bound
                    // the previous level gave its subtree.
                    frontier(mass: childMass, last: index)
                } else {
                    visit(from: index + 1, mass: childMass, size: size + 1, limit: limit)
                }
            }
            downSet.removeLast()
            pop(index, saved)
        }
    }

    /// What `push` changes besides the factors' masks and entries (put back by `pop`).
    struct Saved {
        let logUp: Double, zeros: Int, topZeros: Int, zeroFactors: Int, undo: Int, members: Int, groups: Int
    }

    /// Candidate `index` goes down: every factor it touches gets its new figure, and the totals
    /// (`logUp`, `zeros`, the groups) follow.
    @inline(__always)
    mutating func push(_ index: Int) -> Saved {
        let saved = Saved(logUp: logUp, zeros: zeros, topZeros: topZeros, zeroFactors: zeroFactors, undo: undo.count,
                          members: groups.memberUndo.count, groups: groups.groupUndo.count)
        let position = candidates[index]
        for touch in conjunction.touchStart[position]..<conjunction.touchStart[position + 1] {
            let factor = Int(conjunction.touchFactor[touch])
            let old = entry[factor]
            undo.append(old)
            mask[factor] |= 1 << UInt64(conjunction.touchBit[touch])
            let new = lookup(factor, mask[factor])
            entry[factor] = new
            let member = Int(conjunction.unit[factor])
            if member >= 0 {
                groups.replace(member: member, old: entryUp[Int(old)] <= 0 ? nil : entryLog[Int(old)],
                               new: entryUp[Int(new)] <= 0 ? nil : entryLog[Int(new)])
                continue
            }
            if entryUp[Int(old)] <= 0 { zeros -= 1; topZeros -= 1; zeroFactors -= factor } else { logUp -= entryLog[Int(old)] }
            if entryUp[Int(new)] <= 0 { zeros += 1; topZeros += 1; zeroFactors += factor } else { logUp += entryLog[Int(new)] }
        }
        if !groups.dirty.isEmpty {
            for change in groups.endStep() {
                if change.old == -.infinity { zeros -= 1 } else { logUp -= change.old }
                if change.new == -.infinity { zeros += 1 } else { logUp += change.new }
                work += groups.groupMemberStart[change.group + 1] - groups.groupMemberStart[change.group]
            }
        }
        work += conjunction.touchStart[position + 1] - conjunction.touchStart[position]
        return saved
    }

    /// Undoes `push(index)`.
    @inline(__always)
    mutating func pop(_ index: Int, _ saved: Saved) {
        let position = candidates[index]
        // Undo in reverse: a factor touched twice gets its first mask back last.
        for touch in stride(from: conjunction.touchStart[position + 1] - 1, through: conjunction.touchStart[position], by: -1) {
            let factor = Int(conjunction.touchFactor[touch])
            mask[factor] &= ~(1 << UInt64(conjunction.touchBit[touch]))
            entry[factor] = undo.removeLast()
        }
        precondition(undo.count == saved.undo)
        logUp = saved.logUp
        zeros = saved.zeros
        topZeros = saved.topZeros
        zeroFactors = saved.zeroFactors
        groups.undo(members: saved.members, groups: saved.groups)
    }

    /// A state of the level being walked, whose subtree (the state and its extensions by candidates
    /// after `last`) has probability `mass`. A state with a factor certainly down settles its whole
    /// subtree: the structure is coherent, so every extension is down too. A live state leaves the
    /// rest of its subtree, `remainder`, as this level's frontier: there Q lies between the
    /// state's own Q (more failures never help) and 1.
    mutating func reach(mass: Double, probability: Double, last: Int) {
        record(probability)
        frontier(mass: mass, last: last)
    }

    /// The rest of the current state's subtree (see `reach`), without the state itself: settled,
    /// or a share of this level's frontier, whose place inside its bound is sampled
    /// (`sampleRemainder`).
    mutating func frontier(mass: Double, last: Int) {
        let remainder = mass * suffixDown[last + 1]
        guard remainder > 0 else { return }
        if zeros > 0 && prunes {
            downTotal.add(remainder)
            guard wantsImportance, downSet.count <= importanceDepth else { return }
            for index in downSet { downWhenDown[index] += remainder }
            if last + 1 < candidates.count { laterDownWeight[last + 1] += mass }   // candidate i > last is down in mass · q_i of it
            return
        }
        let up = zeros > 0 ? 0 : exp(logUp)
        let down = zeros > 0 ? 1 : -expm1(logUp)
        frontierDown.add(remainder * down)
        frontierWidth.add(remainder * up)
        nextChildren += candidates.count - 1 - last
        if up > 0 { sampleRemainder(last: last, width: remainder * up) }
    }

    mutating func record(_ probability: Double) {
        states += 1
        let up = zeros > 0 ? 0 : exp(logUp)
        let down = zeros > 0 ? 1 : -expm1(logUp)
        upTotal.add(probability * up)
        downTotal.add(probability * down)
        guard wantsImportance, downSet.count <= importanceDepth else { return }
        importanceUpSum.add(probability * up)
        for index in downSet { downWhenDown[index] += probability * down }
        for index in downSet {
            let position = candidates[index]
            for touch in conjunction.touchStart[position]..<conjunction.touchStart[position + 1] {
                let factor = Int(conjunction.touchFactor[touch])
                guard stamp[factor] != states, conjunction.unit[factor] < 0 else { continue }   // members: below
                stamp[factor] = states
                work += 1
                touchedUp[factor] += probability * up
                entryWeight[Int(entry[factor])] += probability * othersUp(factor)
            }
        }
        // An untouched factor certainly down (a free variable that is never up) is the one state
        // figure the totals cannot divide out: gather the rest's product for it here.
        if zeros == 1 && topZeros == 1 && stamp[zeroFactors] != states { aloneDownUp[zeroFactors] += probability * exp(logUp) }
        if !groups.isEmpty { gatherMemberWeights(probability) }
    }

    /// Importance weights of every group member's factors in this state: ∂A/∂P(f) =
    /// A(s) without the group · ∂P(group)/∂P(member) · P(member)/P(f), where ∂P(group)/∂P(member)
    /// is the chance that exactly k − 1 of the other members are up.
    mutating func gatherMemberWeights(_ probability: Double) {
        for group in groups.groupNeeds.indices {
            let own = groups.groupLog[group]
            if zeros - (own == -.infinity ? 1 : 0) > 0 { continue }
            let outside = probability * exp(logUp - (own == -.infinity ? 0 : own))
            for member in groups.groupMemberStart[group]..<groups.groupMemberStart[group + 1] {
                let slope = groups.distribution(group, excluding: member).oneShort
                guard slope > 0 else { continue }
                let zerosInMember = groups.memberZeros[member]
                for index in conjunction.memberFactorStart[member]..<conjunction.memberFactorStart[member + 1] {
                    let factor = Int(conjunction.memberFactors[index])
                    let current = Int(entry[factor])
                    let isZero = entryUp[current] <= 0
                    guard zerosInMember - (isZero ? 1 : 0) == 0 else { continue }
                    let rest = exp(groups.memberLog[member] - (isZero ? 0 : entryLog[current]))
                    entryWeight[current] += outside * slope * rest
                    work += 1
                }
            }
        }
    }

    /// Π over every factor but `factor` of its current figure.
    func othersUp(_ factor: Int) -> Double {
        let own = Int(entry[factor])
        let ownZero = entryUp[own] <= 0
        if zeros - (ownZero ? 1 : 0) > 0 { return 0 }
        return exp(logUp - (ownZero ? 0 : entryLog[own]))
    }

    /// ∂A/∂p of every variable, by level, from the gathered weights.
    mutating func birnbaum() -> [Double] {
        var result = [Double](repeating: 0, count: variables.count)
        var settledAbove = 0.0
        for index in candidates.indices {
            settledAbove += laterDownWeight[index]
            downWhenDown[index] += settledAbove * q[index]
        }
        for (index, position) in candidates.enumerated() {
            let v = variables[Int(conjunction.conditioned[position])]
            // I_B = Q(v down) − Q(v up), each a conditional mean over the enumerated states.
            let whenDown = downWhenDown[index] / v.down
            let whenUp = v.up > 0 ? (downSum - downWhenDown[index]) / v.up : 0
            // A difference within the rounding of its terms is no difference: a component the
            // figure does not depend on must not show up as important (nor need a failure rate).
            let difference = whenDown - whenUp
            let noise = 16 * Double.ulpOfOne * max(abs(whenDown), abs(whenUp))
            result[Int(conjunction.conditioned[position])] = abs(difference) <= noise ? 0 : difference
        }
        for factor in conjunction.factors.indices where conjunction.unit[factor] < 0 {
            // States where none of this factor's conditioned variables failed: everything not touched.
            let baseEntry = lookup(factor, baseMask[factor])
            if entryUp[Int(baseEntry)] > 0 {
                entryWeight[Int(baseEntry)] += (importanceUpSum.value - touchedUp[factor]) / entryUp[Int(baseEntry)]
            } else {
                entryWeight[Int(baseEntry)] += aloneDownUp[factor]
            }
        }
        for entry in entryWeight.indices where entryWeight[entry] != 0 {   // in creation order: deterministic
            conjunction.factors[Int(entryFactor[entry])].addBirnbaum(mask: entryMask[entry], variables: variables,
                                                                      weight: entryWeight[entry], into: &result)
        }
        return result
    }
}

/// Neumaier's compensated sum: the rounding error of each addition is carried separately, so the
/// total of n terms is off by about one rounding, not n.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ term: Double) {
        let total = sum + term
        compensation += abs(sum) >= abs(term) ? (sum - total) + term : (term - total) + sum
        sum = total
    }

    var value: Double { sum + compensation }
}
