/// A reduced ordered binary decision diagram over independent component variables.
///
/// Node 0 is the constant "down" (false), node 1 the constant "up" (true). Every other node tests
/// one variable: `high` when it is up, `low` when it is down. Variables are numbered by level;
/// lower levels sit nearer the root. Children are always created before their parents, so node
/// indices are a topological order, which lets every evaluation run as a flat loop.
///
/// Shared sub-diagrams are stored once (hash-consing), so a component reached by several paths
/// is one variable, tested once on every path: this is what makes the result exact on any DAG.
public final class BDD {
    public typealias Ref = Int32
    public static let down: Ref = 0
    public static let up: Ref = 1

    /// Variable level of each node; terminals carry `Int32.max` so they sort below every variable.
    public private(set) var level: [Int32] = [Int32.max, Int32.max]
    public private(set) var low: [Ref] = [0, 1]
    public private(set) var high: [Ref] = [0, 1]

    /// Hash-consing table: open addressing over a flat array of node refs (0 = empty slot),
    /// keyed by the node's (level, low, high). Kept at most half full.
    private var unique = [Ref](repeating: 0, count: 1 << 12)
    /// Memo of recent operations: direct-mapped and lossy (a collision overwrites), as in most BDD
    /// packages. Losing an entry only costs a recomputation, never exactness.
    private var cache = [CacheEntry](repeating: CacheEntry(), count: 1 << 12)

    private enum Operation: Int32 { case and = 1, or, ite }
    private struct CacheEntry {
        var operation: Int32 = 0
        var f: Ref = 0, g: Ref = 0, h: Ref = 0
        var result: Ref = 0
    }

    public init() {}

    public var nodeCount: Int { level.count }

    /// The single-variable function "variable `level` is up".
    public func variable(_ level: Int32) -> Ref { node(level, low: Self.down, high: Self.up) }

    /// The unique node testing `level` (reduced: a test with equal branches is its branch).
    public func node(_ level: Int32, low lowRef: Ref, high highRef: Ref) -> Ref {
        if lowRef == highRef { return lowRef }
        if self.level.count >= nodeLimit {
            exceededLimit = true   // the result under construction is void; `withNodeLimit` discards it
            return Self.down
        }
        let mask = unique.count - 1
        var slot = Self.hash(level, lowRef, highRef) & mask
        while true {
            let existing = unique[slot]
            if existing == 0 { break }
            let index = Int(existing)
            if self.level[index] == level && low[index] == lowRef && high[index] == highRef { return existing }
            slot = (slot + 1) & mask
        }
        let ref = Ref(self.level.count)
        self.level.append(level)
        low.append(lowRef)
        high.append(highRef)
        unique[slot] = ref
        if self.level.count * 2 > unique.count { growTables() }
        return ref
    }

    /// Doubles the unique table (rehashing every node) and the operation cache (emptied).
    private func growTables() {
        unique = [Ref](repeating: 0, count: unique.count * 2)
        let mask = unique.count - 1
        for index in 2..<level.count {
            var slot = Self.hash(level[index], low[index], high[index]) & mask
            while unique[slot] != 0 { slot = (slot + 1) & mask }
            unique[slot] = Ref(index)
        }
        if cache.count < unique.count { cache = [CacheEntry](repeating: CacheEntry(), count: unique.count) }
    }

    private static func hash(_ a: Int32, _ b: Int32, _ c: Int32) -> Int {
        var x = UInt64(UInt32(bitPattern: a)) &* 0x9E37_79B9_7F4A_7C15
        x = (x ^ UInt64(UInt32(bitPattern: b))) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ UInt64(UInt32(bitPattern: c))) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: x ^ (x >> 29))
    }

    private func cacheSlot(_ operation: Operation, _ f: Ref, _ g: Ref, _ h: Ref) -> Int {
        Self.hash(f ^ (operation.rawValue << 28), g, h) & (cache.count - 1)
    }

    private func cached(_ operation: Operation, _ f: Ref, _ g: Ref, _ h: Ref) -> Ref? {
        let entry = cache[cacheSlot(operation, f, g, h)]
        let hit = entry.operation == operation.rawValue && entry.f == f && entry.g == g && entry.h == h
        return hit ? entry.result : nil
    }

    /// Stores a result; the slot is recomputed because the cache may have grown meanwhile.
    private func remember(_ operation: Operation, _ f: Ref, _ g: Ref, _ h: Ref, _ result: Ref) {
        cache[cacheSlot(operation, f, g, h)] = CacheEntry(operation: operation.rawValue, f: f, g: g, h: h, result: result)
    }

    public func and(_ f: Ref, _ g: Ref) -> Ref {
        if f == Self.down || g == Self.down { return Self.down }
        if f == Self.up || f == g { return g }
        if g == Self.up { return f }
        let (f, g) = f < g ? (f, g) : (g, f)
        if let hit = cached(.and, f, g, 0) { return hit }
        let top = min(level[Int(f)], level[Int(g)])
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let result = node(top, low: and(f0, g0), high: and(f1, g1))
        remember(.and, f, g, 0, result)
        return result
    }

    public func or(_ f: Ref, _ g: Ref) -> Ref {
        if f == Self.up || g == Self.up { return Self.up }
        if f == Self.down || f == g { return g }
        if g == Self.down { return f }
        let (f, g) = f < g ? (f, g) : (g, f)
        if let hit = cached(.or, f, g, 0) { return hit }
        let top = min(level[Int(f)], level[Int(g)])
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let result = node(top, low: or(f0, g0), high: or(f1, g1))
        remember(.or, f, g, 0, result)
        return result
    }

    /// If f then g else h.
    public func ite(_ f: Ref, _ g: Ref, _ h: Ref) -> Ref {
        if f == Self.up { return g }
        if f == Self.down { return h }
        if g == h { return g }
        if g == Self.up && h == Self.down { return f }
        if g == Self.up { return or(f, h) }
        if h == Self.down { return and(f, g) }
        if let hit = cached(.ite, f, g, h) { return hit }
        let top = min(level[Int(f)], level[Int(g)], level[Int(h)])
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let (h0, h1) = cofactors(h, top)
        let result = node(top, low: ite(f0, g0, h0), high: ite(f1, g1, h1))
        remember(.ite, f, g, h, result)
        return result
    }

    /// All of `functions` up.
    ///
    /// A left-to-right fold walks the growing conjunction again for every operand: quadratic when
    /// the operands share variables near the bottom, as front doors sharing zones and databases do.
    /// Instead the operands are sorted by their top variable and the result is built in one descent
    /// that walks one operand at a time and carries a *residual*: the conjunction of what is left
    /// of the operands already passed, itself one canonical diagram. When the descent through an
    /// operand reaches the next operand's top variable, what is left of it is folded into the
    /// residual and the descent goes on in the next operand. Each state (operand, node, residual)
    /// is built once. When each operand's own variables sit above those it shares with later
    /// operands (as `CompiledStructure`'s reverse post-order places them), the residual only holds
    /// shared variables and each operand costs its own size times the number of distinct
    /// residuals, instead of the size of everything built so far. Exact for any operands and any
    /// order: only the speed depends on the layout.
    public func and(_ functions: [Ref]) -> Ref {
        if functions.contains(Self.down) { return Self.down }
        let operands = Set(functions).subtracting([Self.up]).sorted { (level[Int($0)], $0) < (level[Int($1)], $1) }
        if operands.count <= 2 { return operands.reduce(Self.up) { and($0, $1) } }
        var memo: [ConjunctionState: Ref] = [:]
        return conjoin(ConjunctionState(operand: 0, node: operands[0], residual: Self.up), operands, &memo)
    }

    /// A point of the n-ary conjunction's descent: `node` (inside `operands[operand]`) ∧ `residual`
    /// ∧ every operand after `operand`.
    private struct ConjunctionState: Hashable {
        var operand: Int
        var node: Ref
        var residual: Ref
    }

    /// The function of `state`, for `operands` sorted by top level.
    private func conjoin(_ state: ConjunctionState, _ operands: [Ref], _ memo: inout [ConjunctionState: Ref]) -> Ref {
        var state = state
        // Fold the current operand into the residual once it no longer lies above the next one.
        while true {
            if state.node == Self.down || state.residual == Self.down { return Self.down }
            if state.operand == operands.count - 1 { return and(state.node, state.residual) }
            let next = operands[state.operand + 1]
            if level[Int(state.node)] < level[Int(next)] { break }
            state = ConjunctionState(operand: state.operand + 1, node: next, residual: and(state.residual, state.node))
        }
        if let known = memo[state] { return known }
        // The current node's variable lies above every later operand; the residual's may lie higher still.
        let top = min(level[Int(state.node)], level[Int(state.residual)])
        let (node0, node1) = cofactors(state.node, top)
        let (residual0, residual1) = cofactors(state.residual, top)
        let low = conjoin(ConjunctionState(operand: state.operand, node: node0, residual: residual0), operands, &memo)
        let high = conjoin(ConjunctionState(operand: state.operand, node: node1, residual: residual1), operands, &memo)
        let result = node(top, low: low, high: high)
        memo[state] = result
        return result
    }

    /// At least `k` of `functions` are up. Dynamic programming over (member, still needed):
    /// O(n·k) ITE calls, exact for non-identical members that may share variables.
    public func atLeast(_ k: Int, of functions: [Ref]) -> Ref {
        let n = functions.count
        if k <= 0 { return Self.up }
        if k > n { return Self.down }
        if k == 1 { return functions.reduce(Self.down) { or($0, $1) } }
        if k == n { return and(functions) }
        // next[j] = "at least j of functions[i+1...] are up", built from the last member backwards.
        var next = [Ref](repeating: Self.down, count: k + 1)
        next[0] = Self.up
        for i in stride(from: n - 1, through: 0, by: -1) {
            var current = next
            let remaining = n - i
            for j in stride(from: min(k, remaining), through: 1, by: -1) {
                current[j] = ite(functions[i], next[j - 1], next[j])
            }
            next = current
        }
        return next[k]
    }

    private func cofactors(_ f: Ref, _ top: Int32) -> (Ref, Ref) {
        level[Int(f)] == top ? (low[Int(f)], high[Int(f)]) : (f, f)
    }

    /// Largest number of nodes the diagram may grow to; see `withNodeLimit`.
    private var nodeLimit = Int.max
    private var exceededLimit = false

    /// Runs `build` allowing the diagram at most `extraNodes` new nodes. Returns nil when the
    /// build would need more: the nodes already made stay valid (they are hash-consed functions),
    /// but results computed after the limit was hit are void, so the operation cache is dropped.
    public func withNodeLimit(_ extraNodes: Int, _ build: () -> Ref) -> Ref? {
        nodeLimit = level.count + extraNodes
        exceededLimit = false
        let result = build()
        nodeLimit = Int.max
        guard !exceededLimit else {
            exceededLimit = false
            clearCaches()
            return nil
        }
        return result
    }

    /// Drops the operation cache (the diagram itself stays); call after compilation to free memory.
    public func clearCaches() {
        cache = [CacheEntry](repeating: CacheEntry(), count: 1 << 12)
    }
}
