import Testing
@testable import NinesKit

/// The n-ary conjunction (one descent over operands sorted by top variable) and the flat hash
/// tables must give exactly the diagrams the plain binary operations give.
@Suite struct BDDConjunctionTests {
    /// A random monotone function of a few of `variables` variables: an AND or OR of 2–3 variables,
    /// sometimes a 2-of-3.
    static func randomFunction(_ bdd: BDD, variables: Int32, _ random: inout SplitMix64) -> BDD.Ref {
        randomFunction(bdd, of: Array(0..<variables), &random)
    }

    /// The same over variables drawn from `candidates`.
    static func randomFunction(_ bdd: BDD, of candidates: [Int32], _ random: inout SplitMix64) -> BDD.Ref {
        let members = (0..<(2 + random.below(2))).map { _ in bdd.variable(candidates[random.below(candidates.count)]) }
        switch random.below(3) {
        case 0: return members.reduce(BDD.up) { bdd.and($0, $1) }
        case 1: return members.reduce(BDD.down) { bdd.or($0, $1) }
        default: return bdd.atLeast(2, of: members)
        }
    }

    /// Evaluates `f` on one assignment (bit i of `assignment` = variable i up).
    static func evaluate(_ bdd: BDD, _ f: BDD.Ref, _ assignment: Int) -> Bool {
        var node = f
        while node > BDD.up {
            node = (assignment >> Int(bdd.level(node))) & 1 == 1 ? bdd.high(node) : bdd.low(node)
        }
        return node == BDD.up
    }

    @Test func naryConjunctionEqualsFoldAndTruthTable() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let bdd = BDD()
            let variables: Int32 = 10
            let operands = (0..<(3 + random.below(8))).map { _ in Self.randomFunction(bdd, variables: variables, &random) }
            let nary = bdd.and(operands)
            let fold = operands.reduce(BDD.up) { bdd.and($0, $1) }
            #expect(nary == fold)   // canonical diagrams: same function, same node
            for assignment in 0..<(1 << Int(variables)) {
                let expected = operands.allSatisfy { Self.evaluate(bdd, $0, assignment) }
                #expect(Self.evaluate(bdd, nary, assignment) == expected)
            }
        }
    }

    /// Operands laid out as `CompiledStructure` lays out front doors: each with a private block of
    /// variables, all sharing a few variables below every block, sometimes reaching into the next
    /// operand's block too. The descent carries residuals over the shared variables here.
    @Test func blockOperandsWithSharedBottomEqualFold() {
        var random = SplitMix64(seed: 7)
        let blockSize = 2, shared: Int32 = 4
        for _ in 0..<150 {
            let bdd = BDD()
            let count = 2 + random.below(4)
            let sharedBase = Int32(count * blockSize)
            let operands = (0..<count).map { index -> BDD.Ref in
                let own = (0..<blockSize).map { Int32(index * blockSize + $0) }
                let below = (0..<3).map { _ in sharedBase + Int32(random.below(Int(shared))) }
                let spill = index + 1 < count && random.below(4) == 0 ? [Int32((index + 1) * blockSize)] : []
                let parts = (0..<(1 + random.below(3))).map { _ in Self.randomFunction(bdd, of: own + below + spill, &random) }
                return random.below(2) == 0 ? parts.reduce(BDD.up) { bdd.and($0, $1) } : parts.reduce(BDD.down) { bdd.or($0, $1) }
            }
            let nary = bdd.and(operands.shuffled(using: &random))
            #expect(nary == operands.reduce(BDD.up) { bdd.and($0, $1) })
            let variables = Int(sharedBase + shared)
            for assignment in stride(from: 0, to: 1 << variables, by: 1 + random.below(5)) {
                let expected = operands.allSatisfy { Self.evaluate(bdd, $0, assignment) }
                #expect(Self.evaluate(bdd, nary, assignment) == expected)
            }
        }
    }

    @Test func constantsAndDuplicatesInConjunction() {
        let bdd = BDD()
        let a = bdd.variable(0), b = bdd.variable(1), c = bdd.variable(2)
        #expect(bdd.and([]) == BDD.up)
        #expect(bdd.and([a, BDD.down, b, c]) == BDD.down)
        #expect(bdd.and([c, a, BDD.up, a, b, c]) == bdd.and(bdd.and(a, b), c))
    }

    /// Enough nodes to grow the unique table several times: every node stays findable afterwards.
    @Test func uniqueTableKeepsNodesCanonicalAcrossGrowth() {
        let bdd = BDD()
        let members = (0..<300).map { bdd.variable(Int32($0)) }
        let majority = bdd.atLeast(150, of: members)
        #expect(bdd.nodeCount > 20_000)
        let count = bdd.nodeCount
        #expect(bdd.atLeast(150, of: members) == majority)
        #expect(bdd.nodeCount == count)
        // P(at least 150 of 300 fair coins) = 1/2 + P(exactly 150)/2.
        let nodes = NodeProbabilities(bdd, variables: Array(repeating: Probability(up: 0.5, down: 0.5), count: 300))
        let exactly150 = KOutOfN.binomialTerm(n: 300, j: 150, q: 0.5, p: 0.5)
        #expect(abs(nodes[majority].up - (0.5 + exactly150 / 2)) < 1e-12)
    }

    /// Each level has its own table, made on first use: far-apart levels, levels first used out of
    /// order and one level holding thousands of nodes all stay canonical.
    @Test func perLevelTablesStayCanonical() {
        let bdd = BDD()
        let far = bdd.variable(70_000), near = bdd.variable(3), middle = bdd.variable(500)
        #expect(bdd.variable(70_000) == far && bdd.variable(3) == near && bdd.variable(500) == middle)
        let f = bdd.or(bdd.and(near, middle), far)
        #expect(bdd.or(far, bdd.and(middle, near)) == f)
        // Level 0 over 3,000 distinct pairs of children: its table grows many times.
        let below = (1...3000).map { bdd.variable(Int32(10 + $0)) }
        let tops = below.indices.map { bdd.node(0, low: below[$0], high: below[($0 + 1) % below.count]) }
        #expect(Set(tops).count == 3000)
        for index in below.indices {
            #expect(bdd.node(0, low: below[index], high: below[(index + 1) % below.count]) == tops[index])
        }
    }

    /// A budgeted build gives up (nil) past its node or its step limit, and the diagram stays usable:
    /// the same function built afterwards without a limit is the canonical one.
    @Test func budgetedBuildsStopAtNodesOrSteps() {
        let bdd = BDD()
        let members = (0..<40).map { bdd.variable(Int32($0)) }
        let before = bdd.nodeCount
        #expect(bdd.withNodeLimit(10) { bdd.atLeast(20, of: members) } == nil)
        #expect(bdd.withNodeLimit(1_000_000, steps: 5) { bdd.atLeast(20, of: members) } == nil)
        let unlimited = bdd.atLeast(20, of: members)
        #expect(bdd.withNodeLimit(1_000_000, steps: 1_000_000) { bdd.atLeast(20, of: members) } == unlimited)
        #expect(bdd.nodeCount > before)
        let nodes = NodeProbabilities(bdd, variables: Array(repeating: Probability(up: 0.5, down: 0.5), count: 40))
        let exactly20 = KOutOfN.binomialTerm(n: 40, j: 20, q: 0.5, p: 0.5)
        #expect(abs(nodes[unlimited].up - (0.5 + exactly20 / 2)) < 1e-12)
    }

    /// The operation cache's size changes speed only: with the smallest cache the n-ary conjunction
    /// (whose memo lives in that cache) and k-of-n give the very nodes a large cache gives.
    @Test func operationCacheLimitKeepsDiagramsCanonical() {
        let bdd = BDD()
        #expect(bdd.operationCacheLimit == 1 << 20)
        bdd.operationCacheLimit = 70_000
        #expect(bdd.operationCacheLimit == 1 << 16)   // rounded down to a power of two
        bdd.operationCacheLimit = 1
        #expect(bdd.operationCacheLimit == 1 << 12)   // never below 4,096 entries
        var random = SplitMix64(seed: 11)
        let members = (0..<200).map { bdd.variable(Int32($0)) }
        let operands = (0..<60).map { _ in Self.randomFunction(bdd, variables: 200, &random) }
        let smallMajority = bdd.atLeast(100, of: members), smallConjunction = bdd.and(operands)
        bdd.operationCacheLimit = 1 << 22
        bdd.clearCaches()
        #expect(bdd.atLeast(100, of: members) == smallMajority)
        #expect(bdd.and(operands) == smallConjunction)
        #expect(smallConjunction == operands.reduce(BDD.up) { bdd.and($0, $1) })
    }

    /// `compact(keeping:)` (after compilation) frees the unique tables and drops every node the kept
    /// roots do not reach, the rest keeping their order; building again afterwards rebuilds the
    /// tables, so every kept function is found, not made twice, and new functions are the ones a
    /// never-compacted diagram makes.
    @Test func compactedDiagramStaysCanonical() {
        var random = SplitMix64(seed: 7)
        let compacted = BDD(), plain = BDD()
        let built = (0..<80).map { _ in Self.randomFunction(compacted, variables: 40, &random) }
        var replay = SplitMix64(seed: 7)
        let builtPlain = (0..<80).map { _ in Self.randomFunction(plain, variables: 40, &replay) }
        #expect(built == builtPlain)
        let kept = Array(builtPlain.prefix(30)) + [plain.and(Array(builtPlain.prefix(30)))]
        #expect(compacted.and(Array(built.prefix(30))) == kept.last)
        // Nodes the kept roots reach, found by walking the never-compacted diagram.
        let reached = Set(kept.flatMap { plain.nodes(below: $0) })
        #expect(reached.count + 2 < plain.nodeCount)   // something to drop
        let renumbered = compacted.compact(keeping: kept)
        #expect(compacted.nodeCount == reached.count + 2)
        let survivors = renumbered.indices.filter { renumbered[$0] >= 0 }
        #expect(survivors == [0, 1] + reached.sorted().map(Int.init))
        #expect(survivors.map { renumbered[$0] } == (0..<BDD.Ref(survivors.count)).map { $0 })   // order kept
        let moved = kept.map { renumbered[Int($0)] }
        for (new, old) in zip(moved, kept) {
            for assignment in stride(from: 0, to: 1 << 40, by: (1 << 40) / 499) {
                #expect(Self.evaluate(compacted, new, assignment) == Self.evaluate(plain, old, assignment))
            }
        }
        let nodes = compacted.nodeCount
        for function in moved { #expect(compacted.node(compacted.level(function), low: compacted.low(function), high: compacted.high(function)) == function) }
        #expect(compacted.nodeCount == nodes)   // every kept node found in the rebuilt tables
        #expect(compacted.and(Array(moved.dropLast())) == moved.last)   // (its dropped intermediate results made again)
        let more = (0..<40).map { _ in Self.randomFunction(compacted, variables: 40, &random) }
        let morePlain = (0..<40).map { _ in Self.randomFunction(plain, variables: 40, &replay) }
        let either = compacted.or(more[0], moved.last!), eitherPlain = plain.or(morePlain[0], kept.last!)
        for assignment in stride(from: 0, to: 1 << 40, by: (1 << 40) / 997) {
            #expect(Self.evaluate(compacted, more[1], assignment) == Self.evaluate(plain, morePlain[1], assignment))
            #expect(Self.evaluate(compacted, either, assignment) == Self.evaluate(plain, eitherPlain, assignment))
        }
        #expect(compacted.nodes(below: either).count == plain.nodes(below: eitherPlain).count)   // reduced: canonical
    }

    /// k-of-n takes its members deepest first whatever order they come in, so each step adds nodes
    /// on top of what is built: 100 of 199 independent members build about k × (n − k + 1) nodes
    /// (the other order pushed every member beneath the diagrams built so far: 8 minutes for 1,000
    /// of 1,999). Same function either way.
    @Test func atLeastBuildsOnTopOfWhatItHasBuilt() {
        let n = 199, k = 100
        for order in [Array(0..<n), Array((0..<n).reversed())] {
            let bdd = BDD()
            let members = order.map { bdd.variable(Int32($0)) }
            let before = bdd.nodeCount
            let majority = bdd.atLeast(k, of: members)
            #expect(bdd.nodeCount - before <= 2 * k * (n - k + 1), "\(bdd.nodeCount - before) nodes")
            let nodes = NodeProbabilities(bdd, variables: Array(repeating: Probability(up: 0.5, down: 0.5), count: n))
            // P(at least 100 of 199 fair coins) = 1/2 by symmetry.
            #expect(abs(nodes[majority].up - 0.5) < 1e-12)
        }
    }
}
