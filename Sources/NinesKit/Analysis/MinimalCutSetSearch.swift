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
        let own: [[Int32]]
        /// Whether a cut set heavier than the order was dropped here or below.
        let truncated: Bool
    }

    init(bdd: BDD, weight: [Int], maxOrder: Int) {
        self.bdd = bdd
        self.weight = weight
        self.maxOrder = maxOrder
        memo = [Entry?](repeating: nil, count: bdd.nodeCount)
        memo[Int(BDD.down)] = Entry(inherited: nil, own: [[]], truncated: false)
        memo[Int(BDD.up)] = Entry(inherited: nil, own: [], truncated: false)
    }

    func order(_ cut: [Int32]) -> Int { cut.reduce(0) { $0 + weight[Int($1)] } }

    /// Every minimal cut set (up to `maxOrder`) of the function rooted at `root`, and whether
    /// heavier ones were dropped.
    mutating func cutSets(of root: BDD.Ref) -> (cuts: [[Int32]], truncated: Bool) {
        if memo.count < bdd.nodeCount { memo += [Entry?](repeating: nil, count: bdd.nodeCount - memo.count) }
        for node in bdd.nodes(below: root).reversed() where memo[Int(node)] == nil {   // children first
            let level = bdd.level(node), high = bdd.high(node)
            let room = maxOrder - weight[Int(level)]
            let low = bdd.low(node)
            var own: [[Int32]] = []
            let highEntry = memo[Int(high)]!
            var truncated = memo[Int(low)]!.truncated || highEntry.truncated
            var next: BDD.Ref? = weight[Int(level)] == Self.never ? nil : low
            while let current = next, let entry = memo[Int(current)] {   // the cut sets of low, without copying them
                for cut in entry.own {
                    // A heavier cut that is also a cut of `high` would not be minimal here: not a loss.
                    guard order(cut) <= room else { truncated = truncated || !isCut(cut, of: high); continue }
                    if !isCut(cut, of: high) { own.append([level] + cut) }
                }
                next = entry.inherited
            }
            memo[Int(node)] = Entry(inherited: highEntry.own.isEmpty ? highEntry.inherited : high, own: own, truncated: truncated)
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
