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
    /// The heaviest order a cut set can have and still be extended by a variable.
    private let extendableOrder: Int

    // Every cut set found, in one arena (no array per set to allocate, retain and release):
    // set i is levels[start[i]..<start[i + 1]] and weighs setOrder[i].
    private var levels: [Int32] = []
    private var start: [Int] = [0]
    private var setOrder: [Int] = []

    // By node ref (flat arrays: a fault tree's diagram has hundreds of thousands of nodes).
    /// A node's own cut sets (those holding its variable) are sets ownStart..<ownEnd, made together;
    /// ownEnd is -1 until the node is searched.
    private var ownStart: [Int] = []
    private var ownEnd: [Int] = []
    /// The nearest node down the high branches whose own cut sets are not empty (its cut sets
    /// and those it inherits are also this node's), or -1. Skipping the empty ones keeps listing
    /// a node's cut sets short: most nodes of a large diagram add none.
    private var inherited: [BDD.Ref] = []
    /// The nearest node from here down the high branches (this one included) with an own cut set
    /// light enough to take one more variable, or -1: only those are extended above, and at order
    /// 2 they are the few single failures among a long chain of pairs.
    private var extendable: [BDD.Ref] = []
    /// Whether a cut set heavier than the order was dropped here or below.
    private var truncated: [Bool] = []
    /// Whether the node's own cut sets are not empty (all kept or not).
    private var hasOwn: [Bool] = []
    /// Whether every own cut set is kept. A node keeps only those that can be extended unless its
    /// sets may be listed (it is on the high chain of a searched root) or are needed to tell what
    /// is left out above (nothing below it was): at order 2 most nodes then keep none.
    private var complete: [Bool] = []
    /// Lightest order of a cut set that is not empty.
    private let lightestSet: Int

    init(bdd: BDD, weight: [Int], maxOrder: Int) {
        self.bdd = bdd
        self.weight = weight
        self.maxOrder = maxOrder
        // Every variable weighs at least its own cheapest cut, so no set heavier than this takes one more.
        extendableOrder = maxOrder - max(0, weight.min() ?? 0)
        lightestSet = max(1, weight.min() ?? 1)
        grow()
        // "down" fails with nothing more failed: its one cut set is the empty one. "up" has none.
        setOrder.append(0)
        start.append(0)
        (ownStart[Int(BDD.down)], ownEnd[Int(BDD.down)], extendable[Int(BDD.down)], hasOwn[Int(BDD.down)]) = (0, 1, BDD.down, true)
        (ownStart[Int(BDD.up)], ownEnd[Int(BDD.up)]) = (1, 1)
        (complete[Int(BDD.down)], complete[Int(BDD.up)]) = (true, true)
    }

    private mutating func grow() {
        let missing = bdd.nodeCount - ownEnd.count
        guard missing > 0 else { return }
        ownStart += [Int](repeating: 0, count: missing)
        ownEnd += [Int](repeating: -1, count: missing)
        inherited += [BDD.Ref](repeating: -1, count: missing)
        extendable += [BDD.Ref](repeating: -1, count: missing)
        truncated += [Bool](repeating: false, count: missing)
        hasOwn += [Bool](repeating: false, count: missing)
        complete += [Bool](repeating: false, count: missing)
    }

    private func isSearched(_ node: BDD.Ref) -> Bool { ownEnd[Int(node)] >= 0 }

    func order(_ cut: [Int32]) -> Int { cut.reduce(0) { $0 + weight[Int($1)] } }

    /// Every minimal cut set (up to `maxOrder`) of the function rooted at `root`, and whether
    /// heavier ones were dropped.
    mutating func cutSets(of root: BDD.Ref) -> (cuts: [[Int32]], truncated: Bool) {
        grow()
        // The root's own cut sets and those it inherits are listed: its high chain keeps them all
        // (searched again if an earlier search kept only some).
        var listed = Set<BDD.Ref>()
        var stack = [root]
        var link = root
        while link > BDD.up {
            listed.insert(link)
            if isSearched(link) && !complete[Int(link)] {
                ownEnd[Int(link)] = -1
                stack.append(link)
            }
            link = bdd.high(link)
        }
        while let node = stack.last {   // children first
            if isSearched(node) { stack.removeLast(); continue }
            let low = bdd.low(node), high = bdd.high(node)
            if !isSearched(low) { stack.append(low) }
            if !isSearched(high) { stack.append(high) }
            if stack.last == node {
                stack.removeLast()
                search(node, listed: listed.contains(node))
            }
        }
        return (all(root), truncated[Int(root)])
    }

    /// For a node testing x with branches low and high: its own cut sets are {x} ∪ c for each
    /// light enough cut set c of low that is not a cut set of high.
    private mutating func search(_ node: BDD.Ref, listed: Bool) {
        let level = bdd.level(node), high = bdd.high(node), low = bdd.low(node)
        let own = weight[Int(level)]
        let room = maxOrder - own
        var isTruncated = truncated[Int(low)] || truncated[Int(high)]
        let keepsAll = listed || !isTruncated
        let first = setOrder.count
        var anyExtendable = false, anyOwn = false
        if own != Self.never {
            // Extended: the light cut sets of low, walking only the nodes that hold some. Single
            // failures are checked against high's chain in step, the rest by a walk down high.
            var probe = extendable[Int(high)]
            var next = extendable[Int(low)]
            chain: while next >= 0 {
                let holder = Int(next)
                for set in ownStart[holder]..<ownEnd[holder] where setOrder[set] <= room {
                    let extends = setOrder[set] + own <= extendableOrder
                    if !keepsAll && anyOwn && !extends {
                        // Only whether there is one counts, and it is known: done when nothing lighter follows.
                        if own + lightestSet > extendableOrder { break chain }
                        continue
                    }
                    let cut = start[set]..<start[set + 1]
                    let covered = cut.count == 1 && high > BDD.up ? isSingleFailure(levels[cut.lowerBound], from: &probe)
                                                                  : isCut(cut, of: high)
                    guard !covered else { continue }
                    anyOwn = true
                    guard keepsAll || extends else { continue }
                    levels.append(level)
                    for index in cut { levels.append(levels[index]) }
                    start.append(levels.count)
                    setOrder.append(setOrder[set] + own)
                    anyExtendable = anyExtendable || extends
                }
                next = inherited[holder] >= 0 ? extendable[Int(inherited[holder])] : -1
            }
            // Left out: a heavier cut set of low that is not a cut set of high (a heavier cut that
            // is would not be minimal here: not a loss). Only looked for while nothing below has
            // been left out already (so every node down low's chain kept all its sets).
            var heavy: BDD.Ref = isTruncated ? -1 : low
            while heavy >= 0 && !isTruncated {
                let holder = Int(heavy)
                isTruncated = (ownStart[holder]..<ownEnd[holder]).contains { set in
                    setOrder[set] > room && !isCut(start[set]..<start[set + 1], of: high)
                }
                heavy = inherited[holder]
            }
        }
        let index = Int(node)
        (ownStart[index], ownEnd[index]) = (first, setOrder.count)
        inherited[index] = hasOwn[Int(high)] ? high : inherited[Int(high)]
        extendable[index] = anyExtendable ? node : extendable[Int(high)]
        truncated[index] = isTruncated
        hasOwn[index] = anyOwn
        complete[index] = keepsAll
    }

    /// The cut sets stored for a searched node: its own, then those it inherits.
    private func all(_ node: BDD.Ref) -> [[Int32]] {
        var result: [[Int32]] = []
        var next = node
        while next >= 0 {
            let holder = Int(next)
            for set in ownStart[holder]..<ownEnd[holder] { result.append(Array(levels[start[set]..<start[set + 1]])) }
            next = inherited[holder]
        }
        return result
    }

    /// Whether failing the one variable at `level` takes the function below `probe`'s chain down:
    /// a single failure of that function is a node of its high chain at that level whose low branch
    /// is down, and light enough to be on the chain of extendable nodes. `probe` moves down that
    /// chain and is reused for the next, deeper level.
    private func isSingleFailure(_ level: Int32, from probe: inout BDD.Ref) -> Bool {
        while probe > BDD.up && bdd.level(probe) < level {
            let next = inherited[Int(probe)]
            probe = next >= 0 ? extendable[Int(next)] : -1
        }
        return probe > BDD.up && bdd.level(probe) == level && bdd.low(probe) == BDD.down
    }

    /// Whether failing the variables of cut set `cut` (sorted levels in the arena), everything
    /// else up, takes the function rooted at `node` down: one walk down the diagram, ending below
    /// the cut's last variable (from there every variable is up, and a coherent function that is
    /// not constant is up when all its variables are).
    private func isCut(_ cut: Range<Int>, of node: BDD.Ref) -> Bool {
        var node = node, index = cut.lowerBound
        while node > BDD.up {
            let level = bdd.level(node)
            while index < cut.upperBound && levels[index] < level { index += 1 }
            if index == cut.upperBound { return false }
            node = levels[index] == level ? bdd.low(node) : bdd.high(node)
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
