/// One factor of a conditioned conjunction (see `ConditionedConjunction`), copied out of the shared
/// BDD into flat local arrays: its nodes children-first, with local child indices, so that
/// evaluating it with some variables fixed is one tight loop over a few nodes and never touches
/// the rest of the diagram.
///
/// The fixed variables are the conditioned ones: the factor's `conditioned` levels, one bit each
/// in a mask (bit set = that component is down). Every other variable keeps its probability.
struct FactorDiagram: Sendable {
    /// Variable level of each local node.
    let level: [Int32]
    /// Local index of each node's children; -1 is "down" (false), -2 is "up" (true).
    let low: [Int32]
    let high: [Int32]
    /// Bit position in the mask of each node whose variable is conditioned, else -1.
    let bit: [Int8]
    /// Conditioned levels this factor tests, by bit position.
    let conditioned: [Int32]
    /// Set when the factor is a constant (no nodes).
    let rootConstant: Bool?

    static let downTerminal: Int32 = -1
    static let upTerminal: Int32 = -2
    /// Most conditioned variables one factor may test (bits of the mask).
    static let maximumConditioned = 62

    /// Copies the diagram of `root` (its `nodes`, children first, from `BDDScratch.nodes(below:)`),
    /// fixing the variables for which `bitOf` gives a position.
    /// - Parameter conditionedLevels: the conditioned levels the diagram tests, in bit order.
    init(_ bdd: BDD, root: BDD.Ref, nodes: [BDD.Ref], scratch: inout BDDScratch, conditionedLevels: [Int32], bitOf: (Int32) -> Int?) {
        var level: [Int32] = [], low: [Int32] = [], high: [Int32] = [], bit: [Int8] = []
        level.reserveCapacity(nodes.count)
        func local(_ ref: BDD.Ref) -> Int32 {
            ref == BDD.down ? Self.downTerminal : ref == BDD.up ? Self.upTerminal : scratch.local[Int(ref)]
        }
        for ref in nodes {
            scratch.local[Int(ref)] = Int32(level.count)
            let l = bdd.level(ref)
            level.append(l)
            low.append(local(bdd.low(ref)))
            high.append(local(bdd.high(ref)))
            bit.append(bitOf(l).map { Int8($0) } ?? -1)
        }
        self.level = level
        self.low = low
        self.high = high
        self.bit = bit
        conditioned = conditionedLevels
        if root == BDD.up || root == BDD.down { rootConstant = root == BDD.up } else { rootConstant = nil }
    }

    /// Probability that the factor holds when the conditioned variables are as in `mask` (bit set:
    /// down) and every free variable has its probability. Unavailability-first, as
    /// `NodeProbabilities`: both halves are sums of non-negative terms.
    @inline(__always)
    func probability(mask: UInt64, variables: [Probability]) -> Probability {
        if let rootConstant { return rootConstant ? .perfect : .failed }
        // Scratch on the stack: an enumeration computes this for every factor and mask it meets
        // (175,000 times on the 100,000-component pool), and two heap arrays each cost more than the pass.
        return withNodes { level, low, high, bit in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * level.count) { scratch in
                let up = scratch.baseAddress!, down = up + level.count
                func value(_ child: Int32) -> (Double, Double) {
                    switch child {
                    case Self.downTerminal: return (0, 1)
                    case Self.upTerminal: return (1, 0)
                    default: return (up[Int(child)], down[Int(child)])
                    }
                }
                for index in level.indices {
                    let (hu, hd) = value(high[index]), (lu, ld) = value(low[index])
                    if bit[index] >= 0 {
                        let isDown = mask & (1 << UInt64(bit[index])) != 0
                        (up[index], down[index]) = isDown ? (lu, ld) : (hu, hd)
                    } else {
                        let v = variables[Int(level[index])]
                        up[index] = v.up * hu + v.down * lu
                        down[index] = v.up * hd + v.down * ld
                    }
                }
                return Probability(up: up[level.count - 1], down: down[level.count - 1])
            }
        }
    }

    /// The node arrays through their buffers: a closure that captured `self` copied the whole
    /// factor (its arrays retained through a value witness) on each of the pool's 175,000 passes.
    @inline(__always)
    func withNodes<R>(_ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>,
                               UnsafeBufferPointer<Int8>) -> R) -> R {
        level.withUnsafeBufferPointer { level in
            low.withUnsafeBufferPointer { low in
                high.withUnsafeBufferPointer { high in
                    bit.withUnsafeBufferPointer { bit in body(level, low, high, bit) }
                }
            }
        }
    }

    /// ∂P(factor)/∂p_v for every free variable v, with the conditioned ones as in `mask`; added,
    /// times `weight`, into `importance` (by level). One backward pass: Σ over the nodes testing v
    /// of P(reach node) · (Q(low) − Q(high)).
    func addBirnbaum(mask: UInt64, variables: [Probability], weight: Double, into importance: inout [Double]) {
        guard rootConstant == nil, weight != 0 else { return }
        withNodes { level, low, high, bit in
            // Both passes' scratch on the stack, as in `probability(mask:variables:)`.
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * level.count) { scratch in
                let down = scratch.baseAddress!, reach = down + level.count
                func d(_ child: Int32) -> Double {
                    switch child {
                    case Self.downTerminal: return 1
                    case Self.upTerminal: return 0
                    default: return down[Int(child)]
                    }
                }
                for index in level.indices {
                    if bit[index] >= 0 {
                        down[index] = mask & (1 << UInt64(bit[index])) != 0 ? d(low[index]) : d(high[index])
                    } else {
                        let v = variables[Int(level[index])]
                        down[index] = v.up * d(high[index]) + v.down * d(low[index])
                    }
                }
                reach.initialize(repeating: 0, count: level.count)
                reach[level.count - 1] = 1
                for index in level.indices.reversed() {
                    let r = reach[index]
                    if r == 0 { continue }
                    let h = high[index], l = low[index]
                    if bit[index] >= 0 {
                        let next = mask & (1 << UInt64(bit[index])) != 0 ? l : h
                        if next >= 0 { reach[Int(next)] += r }
                        continue
                    }
                    let v = variables[Int(level[index])]
                    importance[Int(level[index])] += weight * r * (d(l) - d(h))
                    if h >= 0 { reach[Int(h)] += r * v.up }
                    if l >= 0 { reach[Int(l)] += r * v.down }
                }
            }
        }
    }
}

/// Reusable flat marks over a diagram's nodes, for walking many sub-diagrams without hashing.
struct BDDScratch {
    let bdd: BDD
    /// Which walk last visited each node.
    var mark: [Int32]
    var walk: Int32 = 0
    /// A node's index in the factor being copied (see `FactorDiagram`).
    var local: [Int32]
    let levelCount: Int
    /// The walk's stack in `forEachLevel(below:)`, kept between walks.
    private var stack: [BDD.Ref] = []

    init(_ bdd: BDD) {
        self.bdd = bdd
        mark = [Int32](repeating: -1, count: bdd.nodeCount)
        local = [Int32](repeating: 0, count: bdd.nodeCount)
        levelCount = bdd.withNodes { nodes in (2..<max(2, nodes.count)).reduce(0) { max($0, Int(nodes[$1].level) + 1) } }
    }

    /// Calls `visit` with the level of each node of the diagram rooted at `root` (terminals
    /// excluded), in no particular order: which levels a diagram tests needs neither a list of its
    /// nodes nor their order (the planner asks it of every factor of a 27,000-diagram system).
    mutating func forEachLevel(below root: BDD.Ref, _ visit: (Int) -> Void) {
        guard root > BDD.up else { return }
        walk += 1
        stack.removeAll(keepingCapacity: true)
        stack.append(root)
        mark[Int(root)] = walk
        while let node = stack.popLast() {
            visit(Int(bdd.level(node)))
            let low = bdd.low(node), high = bdd.high(node)
            if low > BDD.up && mark[Int(low)] != walk { mark[Int(low)] = walk; stack.append(low) }
            if high > BDD.up && mark[Int(high)] != walk { mark[Int(high)] = walk; stack.append(high) }
        }
    }

    /// The distinct levels the diagram rooted at `root` tests, in no particular order. `seen` is a
    /// flat mark by level that the caller keeps between calls (empty to start with); it is left
    /// cleared.
    mutating func levelsTested(below root: BDD.Ref, seen: inout [Bool]) -> [Int32] {
        guard root > BDD.up else { return [] }
        walk += 1
        let walk = walk
        var found: [Int32] = []
        if seen.count < levelCount { seen = [Bool](repeating: false, count: levelCount) }
        var mark: [Int32] = []
        swap(&mark, &self.mark)   // taken out for the walk, so that no access is checked
        defer { swap(&mark, &self.mark) }
        stack.removeAll(keepingCapacity: true)
        stack.append(root)
        mark[Int(root)] = walk
        bdd.withNodes { nodes in
            while let node = stack.popLast() {
                let level = nodes[Int(node)].level
                if !seen[Int(level)] { seen[Int(level)] = true; found.append(level) }
                let low = nodes[Int(node)].low, high = nodes[Int(node)].high
                if low > BDD.up && mark[Int(low)] != walk { mark[Int(low)] = walk; stack.append(low) }
                if high > BDD.up && mark[Int(high)] != walk { mark[Int(high)] = walk; stack.append(high) }
            }
        }
        for level in found { seen[Int(level)] = false }
        return found
    }

    /// The nodes of the diagram rooted at `root`, terminals excluded, children before parents.
    mutating func nodes(below root: BDD.Ref) -> [BDD.Ref] {
        guard root > BDD.up else { return [] }
        walk += 1
        var found: [BDD.Ref] = []
        var stack = [root]
        mark[Int(root)] = walk
        while let node = stack.popLast() {
            found.append(node)
            let low = bdd.low(node), high = bdd.high(node)
            if low > BDD.up && mark[Int(low)] != walk { mark[Int(low)] = walk; stack.append(low) }
            if high > BDD.up && mark[Int(high)] != walk { mark[Int(high)] = walk; stack.append(high) }
        }
        // Refs are topological (children were made before their parents), so ascending order is
        // the order wanted. A diagram that is a large share of all nodes is read off the marks in
        // one pass instead of sorted (a sort was half of this walk on a 3-million-node diagram).
        if found.count * 16 < mark.count {
            found.sort()
            return found
        }
        var index = 0
        for ref in 2..<mark.count where mark[ref] == walk {
            found[index] = BDD.Ref(ref)
            index += 1
        }
        return found
    }
}
