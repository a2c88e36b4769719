/// Minimal cut sets of a compiled structure, by Rauzy's minimal-solutions recursion on the BDD of
/// a coherent "up" function, truncated by order (A. Rauzy, "New algorithms for fault trees
/// analysis", Reliability Engineering & System Safety 40, 1993).
///
/// For a node testing x with branches low (x down) and high (x up) of a monotone function f:
/// the minimal cut sets without x are those of high, and those with x are {x} ∪ c for each
/// minimal cut set c of low that is not a cut set of high. A cut set is a sorted list of variable
/// levels; each variable weighs the order of its cheapest own cut (a replicated component needs
/// n − k + 1 replicas down, or one common-cause event), and sets heavier than `maxOrder` are
/// dropped (the search says whether any was).
///
/// Results are kept per node as "the cut sets of high plus these", so a long conjunction chain
/// does not copy its cut sets at every node.
struct MinimalCutSetSearch {
    let bdd: BDD
    /// Order of the cheapest own cut of each variable (by level); at least 1, `never` for a
    /// component that cannot fail (no cut set holds it).
    let weight: [Int]
    static let never = Int.max / 4
    let maxOrder: Int
    /// Entries by node ref (a flat array: a fault tree's diagram has hundreds of thousands of nodes).
    private var memo: [Entry?] = []

    private struct Entry {
        /// The nearest node down the high branches whose own cut sets are not empty (its cut sets
        /// and those it inherits are also this node's), or nil. Skipping the empty ones keeps
        /// listing a node's cut sets short: most nodes of a large diagram add none.
        let inherited: BDD.Ref?
        /// The nearest node from here down the high branches (this one included) with an own cut
        /// set light enough to take one more variable, or nil: only those are extended above, and
        /// at order 2 they are the few single failures among a long chain of pairs.
        let extendable: BDD.Ref?
        let own: [[Int32]]
        /// Whether a cut set heavier than the order was dropped here or below.
        let truncated: Bool
    }

    init(bdd: BDD, weight: [Int], maxOrder: Int) {
        self.bdd = bdd
        self.weight = weight
        self.maxOrder = maxOrder
        // Every variable weighs at least its own cheapest cut, so no set heavier than this takes one more.
        extendableOrder = maxOrder - max(0, weight.min() ?? 0)
        memo = [Entry?](repeating: nil, count: bdd.nodeCount)
        memo[Int(BDD.down)] = Entry(inherited: nil, extendable: BDD.down, own: [[]], truncated: false)
        memo[Int(BDD.up)] = Entry(inherited: nil, extendable: nil, own: [], truncated: false)
    }

    /// The heaviest order a cut set can have and still be extended by a variable.
    private let extendableOrder: Int

    func order(_ cut: [Int32]) -> Int { cut.reduce(0) { $0 + weight[Int($1)] } }

    /// Every minimal cut set (up to `maxOrder`) of the function rooted at `root`, and whether
    /// heavier ones were dropped.
    mutating func cutSets(of root: BDD.Ref) -> (cuts: [[Int32]], truncated: Bool) {
        if memo.count < bdd.nodeCount { memo += [Entry?](repeating: nil, count: bdd.nodeCount - memo.count) }
        for node in bdd.nodes(below: root).reversed() where memo[Int(node)] == nil {   // children first
            let level = bdd.level(node), high = bdd.high(node), low = bdd.low(node)
            let room = maxOrder - weight[Int(level)]
            let highEntry = memo[Int(high)]!
            var truncated = memo[Int(low)]!.truncated || highEntry.truncated
            var own: [[Int32]] = []
            var extendable = false
            if weight[Int(level)] != Self.never {
                // Extended: the light cut sets of low (walking only the nodes that hold some) that
                // are not cut sets of high. Single failures are checked against high's own, in step.
                var probe = highEntry.extendable
                var next = memo[Int(low)]!.extendable
                while let current = next, let entry = memo[Int(current)] {
                    for cut in entry.own {
                        let cutOrder = order(cut)
                        guard cutOrder <= room else { continue }
                        let covered = cut.count == 1 && high > BDD.up ? isSingleFailure(cut[0], from: &probe) : isCut(cut, of: high)
                        guard !covered else { continue }
                        own.append([level] + cut)
                        extendable = extendable || cutOrder + weight[Int(level)] <= extendableOrder
                    }
                    next = entry.inherited.flatMap { memo[Int($0)]!.extendable }
                }
                // Left out: a heavier cut set of low that is not a cut set of high (a heavier cut
                // that is would not be minimal here: not a loss). Only looked for while nothing
                // below has been left out already.
                var heavy: BDD.Ref? = truncated ? nil : low
                while let current = heavy, let entry = memo[Int(current)], !truncated {
                    truncated = entry.own.contains { order($0) > room && !isCut($0, of: high) }
                    heavy = entry.inherited
                }
            }
            memo[Int(node)] = Entry(inherited: highEntry.own.isEmpty ? highEntry.inherited : high,
                                    extendable: extendable ? node : highEntry.extendable, own: own, truncated: truncated)
        }
        return (all(root), memo[Int(root)]!.truncated)
    }

    /// The cut sets stored for an evaluated node.
    private func all(_ node: BDD.Ref) -> [[Int32]] {
        var result: [[Int32]] = []
        var next: BDD.Ref? = node
        while let current = next, let entry = memo[Int(current)] {
            result.append(contentsOf: entry.own)
            next = entry.inherited
        }
        return result
    }

    /// Whether failing the one variable at `level` takes the function below `probe`'s chain down:
    /// a single failure of that function is a node of its high chain at that level whose low branch
    /// is down, and light enough to be on the chain of extendable nodes. `probe` moves down that
    /// chain and is reused for the next, deeper level.
    private func isSingleFailure(_ level: Int32, from probe: inout BDD.Ref?) -> Bool {
        while let current = probe, current > BDD.up, bdd.level(current) < level {
            probe = memo[Int(current)]!.inherited.flatMap { memo[Int($0)]!.extendable }
        }
        guard let current = probe, current > BDD.up else { return false }
        return bdd.level(current) == level && bdd.low(current) == BDD.down
    }

    /// Whether failing the variables of `cut` (sorted levels), everything else up, takes the
    /// function rooted at `node` down: one walk down the diagram, ending below the cut's last
    /// variable (from there every variable is up, and a coherent function that is not constant is
    /// up when all its variables are).
    func isCut(_ cut: [Int32], of node: BDD.Ref) -> Bool {
        var node = node, index = 0
        while node > BDD.up {
            let level = bdd.level(node)
            while index < cut.count && cut[index] < level { index += 1 }
            if index == cut.count { return false }
            node = cut[index] == level ? bdd.low(node) : bdd.high(node)
        }
        return node == BDD.down
    }
}

/// The minimal sets of a union of cut-set families (each set a sorted list of levels), smallest first.
enum CutSetMinimizer {
    static func minimal(_ sets: [[Int32]]) -> [[Int32]] {
        var kept = Set<[Int32]>()
        var result: [[Int32]] = []
        for set in sets.sorted(by: { $0.count < $1.count }) where !kept.contains(set) {
            guard !containsSubset(of: set, in: kept) else { continue }
            kept.insert(set)
            result.append(set)
        }
        return result
    }

    /// Whether a set of `kept` is a proper subset of `set`.
    static func containsSubset(of set: [Int32], in kept: Set<[Int32]>) -> Bool {
        let n = set.count
        if n <= 12 {
            for mask in 1..<max(1, (1 << n) - 1) {
                var subset: [Int32] = []
                for bit in 0..<n where mask & (1 << bit) != 0 { subset.append(set[bit]) }
                if kept.contains(subset) { return true }
            }
            return false
        }
        let elements = Set(set)
        return kept.contains { $0.count < n && $0.allSatisfy(elements.contains) }
    }
}
