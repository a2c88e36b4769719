import Foundation

/// The engine state of a `BDD`: nodes, the unique tables and the operation cache, in flat buffers
/// that `BDD` allocates once and frees in its deinit.
///
/// Compiling a 100,000-component model creates millions of nodes through tens of millions of
/// recursive steps. With Swift arrays in a class every step paid for bounds, uniqueness and
/// exclusivity checks; with raw buffers inside one struct, mutated through a single access per
/// public call, a step is a few loads and a hash.
struct BDDTables {
    typealias Ref = BDD.Ref
    typealias Node = BDD.Node

    /// Nodes by reference; `count` are in use, children always before parents. Grown and trimmed
    /// by `realloc` (`resized`): a large block moves by remapping its pages, so growing from 2 to 4
    /// million nodes never holds both blocks (72 MB at once at 100,000 components), and trimming
    /// frees the tail where it lies.
    private(set) var nodes: UnsafeMutablePointer<Node>
    private(set) var count = 2
    private var capacity = 1 << 12

    /// Hash-consing tables, one per variable level (as in CUDD): open addressing over node refs
    /// (0 = empty slot), each at most half full. Building a component touches the levels of its own
    /// closure, whose small tables were made and used recently, so lookups stay in the CPU caches;
    /// one global table spread them over tens of megabytes at 100k components, where every probe
    /// missed (the probes were 2/3 of compilation).
    private var subtables: UnsafeMutablePointer<Subtable>
    private var subtableCount = 0
    /// Whether `compact(keeping:)` dropped the unique tables; the next new node rebuilds them.
    private var uniqueTablesDropped = false

    /// Memo of recent operations: direct-mapped and lossy (a collision overwrites), as in most BDD
    /// packages. Losing an entry only costs a recomputation, never exactness.
    private var cache: UnsafeMutablePointer<CacheEntry>
    private var cacheMask = (1 << 12) - 1
    /// The cache grows with the diagram (at least one entry per node) up to this many entries, a
    /// power of two (2^20 entries are 20 MB). Larger is not better: a cache that does not fit the
    /// CPU caches misses on most probes (at 100k components 2^22 was twice as slow as 2^20). See
    /// `BDD.operationCacheLimit`.
    private(set) var cacheLimit = 1 << 20

    /// Largest number of nodes the diagram may grow to, and of operation steps a budgeted build may
    /// take; see `BDD.withNodeLimit`.
    var nodeLimit = Int.max
    var stepLimit = Int.max
    var steps = 0
    var exceededLimit = false

    /// Operation codes in the cache; every n-ary conjunction gets its own code above `conjoinBase`
    /// so its memo entries never answer for another call's operands.
    private enum Operation { static let and: Int32 = 1, or: Int32 = 2, ite: Int32 = 3, conjoinBase: Int32 = 4 }
    private var conjunctionCalls: Int32 = 0

    struct Subtable {
        var slots: UnsafeMutablePointer<Ref>? = nil
        var mask = 0
        var count = 0
    }

    struct CacheEntry {
        var operation: Int32 = 0
        var f: Ref = 0, g: Ref = 0, h: Ref = 0
        var result: Ref = 0
    }

    init() {
        nodes = Self.resized(nil, to: capacity)
        nodes[0] = Node(level: .max, low: 0, high: 0)
        nodes[1] = Node(level: .max, low: 1, high: 1)
        subtables = .allocate(capacity: 0)
        cache = .allocate(capacity: cacheMask + 1)
        cache.initialize(repeating: CacheEntry(), count: cacheMask + 1)
    }

    func deallocate() {
        free(nodes)
        for level in 0..<subtableCount { subtables[level].slots?.deallocate() }
        subtables.deallocate()
        cache.deallocate()
    }

    // MARK: Nodes

    mutating func node(_ level: Int32, low: Ref, high: Ref) -> Ref {
        if low == high { return low }
        if count >= nodeLimit {
            exceededLimit = true   // the result under construction is void; `withNodeLimit` discards it
            return BDD.down
        }
        precondition(level >= 0 && level < Int32.max, "variable levels are 0 ..< Int32.max")
        if uniqueTablesDropped { rebuildUniqueTables() }
        if Int(level) >= subtableCount { addSubtables(through: Int(level)) }
        var table = subtables[Int(level)]
        if table.slots == nil {
            table.slots = .allocate(capacity: 8)
            table.slots!.initialize(repeating: 0, count: 8)
            table.mask = 7
        }
        let slots = table.slots!
        var slot = Self.hash(0, low, high) & table.mask
        while true {
            let existing = slots[slot]
            if existing == 0 { break }
            let candidate = nodes[Int(existing)]
            if candidate.low == low && candidate.high == high { return existing }
            slot = (slot + 1) & table.mask
        }
        if count == capacity { growNodes() }
        let ref = Ref(count)
        nodes[count] = Node(level: level, low: low, high: high)
        count += 1
        slots[slot] = ref
        table.count += 1
        if table.count * 2 > table.mask + 1 { grow(&table) }
        subtables[Int(level)] = table
        if count > cacheMask + 1 && cacheMask + 1 < cacheLimit { resizeCache((cacheMask + 1) * 2) }   // the memo grows with the diagram
        return ref
    }

    private mutating func growNodes() {
        capacity *= 2
        nodes = Self.resized(nodes, to: capacity)
        // A block below glibc's mmap threshold (raised to 32 MB by the large blocks loading freed)
        // grows by copy: the old block, freed in the middle of the heap, stayed resident under the
        // rest of the compile (25 MB of the 100k platform's peak). Handed back at once instead,
        // unless large blocks are mapped (the executable), where it grew in place.
        if capacity >= 1 << 20 && !FreedMemory.largeBlocksMapped { FreedMemory.returnToSystem() }
    }

    /// `nodes` (nil: none yet) reallocated for `capacity` nodes, the first ones kept (a node is
    /// three integers: moving its bytes moves it).
    private static func resized(_ nodes: UnsafeMutablePointer<Node>?, to capacity: Int) -> UnsafeMutablePointer<Node> {
        guard let block = realloc(nodes, capacity * MemoryLayout<Node>.stride) else { fatalError("out of memory for the diagram") }
        return block.bindMemory(to: Node.self, capacity: capacity)
    }

    /// After compilation: frees the unique tables and the operation cache, drops every node no root
    /// of `roots` reaches, and trims the node storage to the nodes kept. At 100,000 components the
    /// tables are a third of the diagram's memory (a slot per node at most half full, by level),
    /// and evaluation only reads nodes; a later new node (cut sets, say) rebuilds the tables first,
    /// so hash-consing stays exact. A node is dropped when only budgets passed (a group, an objective
    /// or the system held as a conjunction) or an operation's intermediate results reach it.
    ///
    /// The kept nodes keep their relative order (children before parents, and every walk, sort and
    /// sum over refs in the same order as before), so every figure is computed as before.
    /// - Returns: the new ref of each old ref (`-1` for a dropped node), for the caller's roots.
    mutating func compact(keeping roots: [Ref]) -> [Ref] {
        for level in 0..<subtableCount { subtables[level].slots?.deallocate() }
        subtables.deallocate()
        subtables = .allocate(capacity: 0)
        subtableCount = 0
        uniqueTablesDropped = true
        resizeCache(1 << 12)
        // The tables were small blocks, a third of a large diagram's memory: handed back before
        // the renumbering's array is taken (advice compiles many small diagrams: not worth it there).
        if count >= 1 << 20 { FreedMemory.returnToSystem() }
        // Children are made before their parents: one descending pass marks what the roots reach
        // (0 = kept), one ascending pass numbers the kept nodes and moves each down to its number.
        var renumbered = [Ref](repeating: -1, count: count)
        renumbered[Int(BDD.down)] = 0
        renumbered[Int(BDD.up)] = 0
        for root in roots where root >= 0 { renumbered[Int(root)] = 0 }
        for ref in stride(from: count - 1, through: 2, by: -1) where renumbered[ref] == 0 {
            renumbered[Int(nodes[ref].low)] = 0
            renumbered[Int(nodes[ref].high)] = 0
        }
        var kept = 0
        for ref in 0..<count where renumbered[ref] == 0 {
            let node = nodes[ref]
            nodes[kept] = ref < 2 ? node : Node(level: node.level, low: renumbered[Int(node.low)], high: renumbered[Int(node.high)])
            renumbered[ref] = Ref(kept)
            kept += 1
        }
        count = kept
        capacity = count
        nodes = Self.resized(nodes, to: capacity)
        return renumbered
    }

    /// Puts every node back in its level's unique table (after `compact(keeping:)`).
    private mutating func rebuildUniqueTables() {
        uniqueTablesDropped = false
        for index in 2..<max(2, count) {
            let node = nodes[index]
            if Int(node.level) >= subtableCount { addSubtables(through: Int(node.level)) }
            var table = subtables[Int(node.level)]
            if table.slots == nil {
                table.slots = .allocate(capacity: 8)
                table.slots!.initialize(repeating: 0, count: 8)
                table.mask = 7
            }
            var slot = Self.hash(0, node.low, node.high) & table.mask
            while table.slots![slot] != 0 { slot = (slot + 1) & table.mask }
            table.slots![slot] = Ref(index)
            table.count += 1
            if table.count * 2 > table.mask + 1 { grow(&table) }
            subtables[Int(node.level)] = table
        }
    }

    /// Makes room for levels up to `level` (empty tables, allocated on first use).
    private mutating func addSubtables(through level: Int) {
        let total = max(level + 1, 2 * subtableCount, 64)
        let larger = UnsafeMutablePointer<Subtable>.allocate(capacity: total)
        larger.moveInitialize(from: subtables, count: subtableCount)
        (larger + subtableCount).initialize(repeating: Subtable(), count: total - subtableCount)
        subtables.deallocate()
        subtables = larger
        subtableCount = total
    }

    /// Doubles one level's table, rehashing its nodes.
    private func grow(_ table: inout Subtable) {
        let old = table.slots!, oldSize = table.mask + 1
        let size = oldSize * 2
        let slots = UnsafeMutablePointer<Ref>.allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        for index in 0..<oldSize where old[index] != 0 {
            let node = nodes[Int(old[index])]
            var slot = Self.hash(0, node.low, node.high) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = old[index]
        }
        old.deallocate()
        table.slots = slots
        table.mask = size - 1
    }

    /// Sets `cacheLimit` (rounded down to a power of two, at least 2^12) and resizes the cache to
    /// what it would have grown to under that limit. Resizing drops the memo, never exactness.
    mutating func setCacheLimit(_ entries: Int) {
        var limit = 1 << 12
        while limit * 2 <= entries { limit *= 2 }
        cacheLimit = limit
        var grown = 1 << 12
        while grown < count && grown < limit { grown *= 2 }   // as `node(_:low:high:)` would have grown it
        if grown != cacheMask + 1 { resizeCache(grown) }
    }

    private mutating func resizeCache(_ size: Int) {
        cache.deallocate()
        cache = .allocate(capacity: size)
        cache.initialize(repeating: CacheEntry(), count: size)
        cacheMask = size - 1
    }

    /// Back to a small, empty cache (after compilation, to free memory; after a void budgeted build).
    mutating func shrinkCache() { resizeCache(1 << 12) }

    private static func hash(_ a: UInt64, _ b: Int32, _ c: Int32) -> Int {
        var x = a &* 0x9E37_79B9_7F4A_7C15
        x = (x ^ UInt64(UInt32(bitPattern: b))) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ UInt64(UInt32(bitPattern: c))) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: x ^ (x >> 29))
    }

    // MARK: Operation cache

    private func slot(_ operation: Int32, _ f: Ref, _ g: Ref, _ h: Ref) -> Int {
        Self.hash(UInt64(UInt32(bitPattern: operation)) << 32 | UInt64(UInt32(bitPattern: h)), f, g) & cacheMask
    }

    private func cached(_ operation: Int32, _ f: Ref, _ g: Ref, _ h: Ref) -> Ref? {
        let entry = cache[slot(operation, f, g, h)]
        return entry.operation == operation && entry.f == f && entry.g == g && entry.h == h ? entry.result : nil
    }

    /// Stores a result; the slot is recomputed because the cache may have grown meanwhile.
    /// Also counts the step against a budgeted build's limit.
    private mutating func remember(_ operation: Int32, _ f: Ref, _ g: Ref, _ h: Ref, _ result: Ref) {
        cache[slot(operation, f, g, h)] = CacheEntry(operation: operation, f: f, g: g, h: h, result: result)
        steps &+= 1
        if steps > stepLimit { exceededLimit = true }
    }

    @inline(__always)
    private func cofactors(_ f: Ref, _ top: Int32) -> (Ref, Ref) {
        let node = nodes[Int(f)]
        return node.level == top ? (node.low, node.high) : (f, f)
    }

    // MARK: Operations

    mutating func and(_ f: Ref, _ g: Ref) -> Ref {
        if f == BDD.down || g == BDD.down { return BDD.down }
        if f == BDD.up || f == g { return g }
        if g == BDD.up { return f }
        if exceededLimit { return BDD.down }
        let (f, g) = f < g ? (f, g) : (g, f)
        if let hit = cached(Operation.and, f, g, 0) { return hit }
        let top = min(nodes[Int(f)].level, nodes[Int(g)].level)
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let low = and(f0, g0)
        let result = node(top, low: low, high: and(f1, g1))
        remember(Operation.and, f, g, 0, result)
        return result
    }

    mutating func or(_ f: Ref, _ g: Ref) -> Ref {
        if f == BDD.up || g == BDD.up { return BDD.up }
        if f == BDD.down || f == g { return g }
        if g == BDD.down { return f }
        if exceededLimit { return BDD.down }
        let (f, g) = f < g ? (f, g) : (g, f)
        if let hit = cached(Operation.or, f, g, 0) { return hit }
        let top = min(nodes[Int(f)].level, nodes[Int(g)].level)
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let low = or(f0, g0)
        let result = node(top, low: low, high: or(f1, g1))
        remember(Operation.or, f, g, 0, result)
        return result
    }

    mutating func ite(_ f: Ref, _ g: Ref, _ h: Ref) -> Ref {
        if f == BDD.up { return g }
        if f == BDD.down { return h }
        if g == h { return g }
        if g == BDD.up && h == BDD.down { return f }
        if g == BDD.up { return or(f, h) }
        if h == BDD.down { return and(f, g) }
        if exceededLimit { return BDD.down }
        if let hit = cached(Operation.ite, f, g, h) { return hit }
        let top = min(nodes[Int(f)].level, nodes[Int(g)].level, nodes[Int(h)].level)
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let (h0, h1) = cofactors(h, top)
        let low = ite(f0, g0, h0)
        let result = node(top, low: low, high: ite(f1, g1, h1))
        remember(Operation.ite, f, g, h, result)
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
    /// is memoised. When each operand's own variables sit above those it shares with later
    /// operands (as `CompiledStructure`'s reverse post-order places them), the residual only holds
    /// shared variables and each operand costs its own size times the number of distinct
    /// residuals, instead of the size of everything built so far. Exact for any operands and any
    /// order: only the speed depends on the layout.
    mutating func and(_ functions: [Ref]) -> Ref {
        var operands: [Ref] = []
        operands.reserveCapacity(functions.count)
        for function in functions where function != BDD.up {
            if function == BDD.down { return BDD.down }
            operands.append(function)
        }
        let nodes = self.nodes
        operands.sort { (nodes[Int($0)].level, $0) < (nodes[Int($1)].level, $1) }
        var distinct = 0
        for operand in operands where distinct == 0 || operands[distinct - 1] != operand {
            operands[distinct] = operand
            distinct += 1
        }
        operands.removeLast(operands.count - distinct)
        if operands.count <= 2 { return operands.reduce(BDD.up) { and($0, $1) } }
        if conjunctionCalls == Int32.max - Operation.conjoinBase {   // codes exhausted: start afresh
            conjunctionCalls = 0
            resizeCache(cacheMask + 1)
        }
        conjunctionCalls += 1
        let code = Operation.conjoinBase + conjunctionCalls
        return operands.withUnsafeBufferPointer { operands in
            conjoin(operand: 0, node: operands[0], residual: BDD.up, operands, code)
        }
    }

    /// The function `node` (inside `operands[operand]`) ∧ `residual` ∧ every operand after
    /// `operand`, for `operands` sorted by top level; memoised under `code`.
    private mutating func conjoin(operand: Int, node: Ref, residual: Ref, _ operands: UnsafeBufferPointer<Ref>, _ code: Int32) -> Ref {
        var (operand, node, residual) = (operand, node, residual)
        // Fold the current operand into the residual once it no longer lies above the next one.
        while true {
            if node == BDD.down || residual == BDD.down || exceededLimit { return BDD.down }
            if operand == operands.count - 1 { return and(node, residual) }
            let next = operands[operand + 1]
            if nodes[Int(node)].level < nodes[Int(next)].level { break }
            (operand, node, residual) = (operand + 1, next, and(residual, node))
        }
        if let known = cached(code, node, residual, Int32(operand)) { return known }
        // The current node's variable lies above every later operand; the residual's may lie higher still.
        let top = min(nodes[Int(node)].level, nodes[Int(residual)].level)
        let (node0, node1) = cofactors(node, top)
        let (residual0, residual1) = cofactors(residual, top)
        let low = conjoin(operand: operand, node: node0, residual: residual0, operands, code)
        let high = conjoin(operand: operand, node: node1, residual: residual1, operands, code)
        let result = self.node(top, low: low, high: high)
        remember(code, node, residual, Int32(operand), result)
        return result
    }
}
