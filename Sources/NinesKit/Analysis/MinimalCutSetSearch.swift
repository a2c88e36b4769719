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
/// Results are kept per node and per order as "the cut sets of high plus these", so a long
/// conjunction chain does not copy its cut sets at every node, and a node extends only the cut
/// sets of low light enough to take x (at order 2, the single failures of low, not its pairs).
struct MinimalCutSetSearch {
    let bdd: BDD
    /// Order of the cheapest own cut of each variable (by level); at least 1, `never` for a
    /// component that cannot fail (no cut set holds it).
    let weight: [Int]
    static let never = Int.max / 4
    let maxOrder: Int
    /// Memo slot of each node ref evaluated so far (a fault tree's diagram has hundreds of
    /// thousands of nodes, most never asked for), or `unseen`.
    private var slotOf: [Int32] = []
    /// By slot: whether a cut set heavier than the order was dropped here or below.
    private var truncatedAt: [Bool] = []
    /// By slot × order: the index in `ownLists` of the cut sets of that order first found at the
    /// node (-1 for none), and the nearest node down the high branches that has some of that order
    /// (their cut sets are also this node's; -1 for none). Skipping the nodes with none keeps
    /// listing short: most nodes of a large diagram add no cut set.
    private var ownAt: [Int32] = []
    private var inheritedAt: [Int32] = []
    private var ownLists: [[[Int32]]] = []
    private var orders: Int { maxOrder + 1 }
    /// The orders a cut set of one variable can have (its weights within `maxOrder`: 1 alone in a
    /// fault tree), and scratch marks by level of the single failures of a node's branches.
    private let singleOrders: [Int]
    private var singleOfHigh: [Bool], singleOfLow: [Bool]

    init(bdd: BDD, weight: [Int], maxOrder: Int) {
        self.bdd = bdd
        self.weight = weight
        self.maxOrder = maxOrder
        singleOrders = Set(weight.filter { $0 <= maxOrder }).sorted()
        singleOfHigh = [Bool](repeating: false, count: weight.count)
        singleOfLow = singleOfHigh
        slotOf = [Int32](repeating: Self.unseen, count: bdd.nodeCount)
        // "Everything up" fails only on the empty set; "down" never fails.
        store(BDD.down, own: [[[]]] + [[[Int32]]](repeating: [], count: maxOrder), inheritedFrom: nil, truncated: false)
        store(BDD.up, own: [[[Int32]]](repeating: [], count: orders), inheritedFrom: nil, truncated: false)
    }

    func order(_ cut: [Int32]) -> Int { cut.reduce(0) { $0 + weight[Int($1)] } }

    /// Every minimal cut set (up to `maxOrder`) of the function rooted at `root`, lightest first,
    /// and whether heavier ones were dropped.
    mutating func cutSets(of root: BDD.Ref) -> (cuts: [[Int32]], truncated: Bool) {
        if slotOf.count < bdd.nodeCount { slotOf += [Int32](repeating: Self.unseen, count: bdd.nodeCount - slotOf.count) }
        for node in unevaluated(below: root) { evaluate(node) }   // children first
        var result: [[Int32]] = []
        for order in 0...maxOrder { forEachCut(of: root, order: order) { result.append($0); return true } }
        return (result, truncatedAt[Int(slotOf[Int(root)])])
    }

    /// The nodes below `root` not evaluated yet, children before parents (a child's ref is
    /// smaller); each is marked `found` until evaluated.
    private mutating func unevaluated(below root: BDD.Ref) -> [BDD.Ref] {
        guard slotOf[Int(root)] == Self.unseen else { return [] }
        slotOf[Int(root)] = Self.found
        var stack = [root], found: [BDD.Ref] = []
        while let node = stack.popLast() {
            found.append(node)
            for child in [bdd.low(node), bdd.high(node)] where slotOf[Int(child)] == Self.unseen {
                slotOf[Int(child)] = Self.found
                stack.append(child)
            }
        }
        return found.sorted()
    }
    private static let unseen: Int32 = -1, found: Int32 = -2

    private mutating func evaluate(_ node: BDD.Ref) {
        let level = bdd.level(node), low = bdd.low(node), high = bdd.high(node)
        let w = weight[Int(level)]
        var own = [[[Int32]]](repeating: [], count: orders)
        var truncated = truncatedAt[Int(slotOf[Int(low)])] || truncatedAt[Int(slotOf[Int(high)])]
        if w != Self.never {
            let room = maxOrder - w
            let singlesOfHigh = singles(of: high), singlesOfLow = singles(of: low)
            for single in singlesOfHigh { singleOfHigh[Int(single)] = true }
            for single in singlesOfLow { singleOfLow[Int(single)] = true }
            for order in 0...maxOrder {
                if order <= room {
                    forEachCut(of: low, order: order) { cut in
                        if !isCutOfHigh(cut, high) { own[order + w].append([level] + cut) }
                        return true
                    }
                } else if !truncated {
                    // A heavier cut that is also a cut of `high` would not be minimal here: not a loss.
                    // Pairs are counted rather than walked down the diagram one by one: a pair of low
                    // with neither event a single failure of high is a cut of high only as one of
                    // high's own pairs, and those of high's pairs that hold no single failure of low
                    // are exactly such pairs of low (cut sets of high are cut sets of low). So a pair
                    // was left out exactly when low has more such pairs than high.
                    var lowPairs = 0
                    forEachCut(of: low, order: order) { cut in
                        if cut.count == 2 {
                            if !singleOfHigh[Int(cut[0])] && !singleOfHigh[Int(cut[1])] { lowPairs += 1 }
                            return true
                        }
                        truncated = !isCutOfHigh(cut, high)
                        return !truncated
                    }
                    if !truncated && lowPairs > 0 {
                        var highPairs = 0
                        forEachCut(of: high, order: order) { cut in
                            if cut.count == 2 && !singleOfLow[Int(cut[0])] && !singleOfLow[Int(cut[1])] { highPairs += 1 }
                            return true
                        }
                        truncated = lowPairs > highPairs
                    }
                }
            }
            for single in singlesOfHigh { singleOfHigh[Int(single)] = false }
            for single in singlesOfLow { singleOfLow[Int(single)] = false }
        }
        store(node, own: own, inheritedFrom: high, truncated: truncated)
    }

    /// Variables whose failure alone takes an evaluated node down (its cut sets of one variable).
    private func singles(of node: BDD.Ref) -> [Int32] {
        var result: [Int32] = []
        for order in singleOrders { forEachCut(of: node, order: order) { cut in
            if cut.count == 1 { result.append(cut[0]) }
            return true
        } }
        return result
    }

    /// Whether a minimal cut set of low (within the order) is a cut set of `high`, with
    /// `singleOfHigh` marked: it is when it holds a single failure of high (a cut set of one
    /// variable is one only as a single failure, high being no constant down); other pairs and
    /// larger sets are walked down the diagram.
    private func isCutOfHigh(_ cut: [Int32], _ high: BDD.Ref) -> Bool {
        if cut.count == 1 { return singleOfHigh[Int(cut[0])] }
        if cut.count == 2 && (singleOfHigh[Int(cut[0])] || singleOfHigh[Int(cut[1])]) { return true }
        return isCut(cut, of: high)
    }

    private mutating func store(_ node: BDD.Ref, own: [[[Int32]]], inheritedFrom high: BDD.Ref?, truncated: Bool) {
        let slot = truncatedAt.count
        slotOf[Int(node)] = Int32(slot)
        truncatedAt.append(truncated)
        let highSlot = high.map { Int(slotOf[Int($0)]) * orders }
        for order in 0..<orders {
            if own[order].isEmpty {
                ownAt.append(-1)
            } else {
                ownAt.append(Int32(ownLists.count))
                ownLists.append(own[order])
            }
            guard let high, let highSlot else { inheritedAt.append(-1); continue }
            inheritedAt.append(ownAt[highSlot + order] >= 0 ? high : inheritedAt[highSlot + order])
        }
    }

    /// Calls `body` on each stored cut set of `order` of an evaluated node, in place, until it
    /// returns false.
    private func forEachCut(of node: BDD.Ref, order: Int, _ body: ([Int32]) -> Bool) {
        var next = node
        while next >= 0 {
            let index = Int(slotOf[Int(next)]) * orders + order
            if ownAt[index] >= 0 {
                for cut in ownLists[Int(ownAt[index])] where !body(cut) { return }
            }
            next = inheritedAt[index]
        }
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
