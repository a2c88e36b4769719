/// A reduced ordered binary decision diagram over independent component variables.
///
/// Node 0 is the constant "down" (false), node 1 the constant "up" (true). Every other node tests
/// one variable: `high` when it is up, `low` when it is down. Variables are numbered by level;
/// lower levels sit nearer the root. Children are always created before their parents, so node
/// indices are a topological order, which lets every evaluation run as a flat loop.
///
/// Shared sub-diagrams are stored once (hash-consing), so a component reached by several paths
/// is one variable, tested once on every path: this is what makes the result exact on any DAG.
///
/// The engine state lives in `BDDTables` (flat buffers, no reference counting or exclusivity
/// checks per node visit); this class owns it and is the public face.
package final class BDD {
    package typealias Ref = Int32
    public static let down: Ref = 0
    public static let up: Ref = 1

    /// One decision: test variable `level`, go to `high` when it is up, `low` when it is down.
    /// Terminals carry `Int32.max` so they sort below every variable.
    package struct Node: Hashable, Sendable {
        public let level: Int32
        public let low: Ref
        public let high: Ref
    }

    var tables = BDDTables()
    /// Module variables (see `BDDModules.swift`): by level, the root of the module's own diagram.
    /// Empty unless a fault tree compiled with modules.
    public internal(set) var moduleRoots: [Int32: Ref] = [:]

    public init() {}
    deinit { tables.deallocate() }

    public var nodeCount: Int { tables.count }
    public func level(_ ref: Ref) -> Int32 { tables.nodes[Int(ref)].level }
    public func low(_ ref: Ref) -> Ref { tables.nodes[Int(ref)].low }
    public func high(_ ref: Ref) -> Ref { tables.nodes[Int(ref)].high }
    /// Read-only view of every node, in creation (topological) order, for flat evaluation loops.
    public func withNodes<T>(_ body: (UnsafeBufferPointer<Node>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(start: tables.nodes, count: tables.count))
    }

    /// The single-variable function "variable `level` is up".
    public func variable(_ level: Int32) -> Ref { tables.node(level, low: Self.down, high: Self.up) }
    /// The unique node testing `level` (reduced: a test with equal branches is its branch).
    public func node(_ level: Int32, low: Ref, high: Ref) -> Ref { tables.node(level, low: low, high: high) }
    public func and(_ f: Ref, _ g: Ref) -> Ref { tables.and(f, g) }
    public func or(_ f: Ref, _ g: Ref) -> Ref { tables.or(f, g) }
    /// If f then g else h.
    public func ite(_ f: Ref, _ g: Ref, _ h: Ref) -> Ref { tables.ite(f, g, h) }

    /// All of `functions` up; see `BDDTables.and(_:)` for how shared operands stay cheap.
    public func and(_ functions: [Ref]) -> Ref { tables.and(functions) }

    /// At least `k` of `functions` are up. Dynamic programming over (member, still needed):
    /// O(n·k) ITE calls, exact for non-identical members that may share variables.
    public func atLeast(_ k: Int, of functions: [Ref]) -> Ref {
        let n = functions.count
        if k <= 0 { return Self.up }
        if k > n { return Self.down }
        if k == n { return and(functions) }
        // Members are interchangeable, so take the deepest first: each step then tests a member above
        // the diagrams built so far instead of pushing it beneath them. In the other order 1,000 of
        // 1,999 independent members took 8 minutes instead of a fraction of a second. (The loop
        // below runs from the last member to the first.)
        let functions = functions.sorted { (level($0), $0) < (level($1), $1) }
        if k == 1 { return functions.reversed().reduce(Self.down) { or($0, $1) } }
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

    /// Runs `build` allowing the diagram at most `extraNodes` new nodes and `steps` operation
    /// steps (cache misses: a lossy cache can make work grow faster than nodes). Returns nil when
    /// the build would need more: the nodes already made stay valid (they are hash-consed
    /// functions), but results computed after the limit was hit are void, so the cache is dropped.
    public func withNodeLimit(_ extraNodes: Int, steps: Int = Int.max, _ build: () -> Ref) -> Ref? {
        tables.nodeLimit = tables.count + extraNodes
        tables.stepLimit = steps
        tables.steps = 0
        tables.exceededLimit = false
        let result = build()
        tables.nodeLimit = Int.max
        tables.stepLimit = Int.max
        guard !tables.exceededLimit else {
            tables.exceededLimit = false
            clearCaches()
            return nil
        }
        return result
    }

    /// Most entries the operation cache may grow to (rounded down to a power of two, at least
    /// 4,096; default 2^20). Many small operations on recent nodes, like building one component
    /// on top of its dependencies, run faster with a cache that fits the CPU caches; one large
    /// conjunction that revisits old states needs a large one. Setting it resizes (and empties)
    /// the cache; results stay exact either way.
    public var operationCacheLimit: Int {
        get { tables.cacheLimit }
        set { tables.setCacheLimit(newValue) }
    }

    /// Whether the build running under `withNodeLimit` has passed its limit (its results are void).
    var limitExceeded: Bool { tables.exceededLimit }

    /// Drops the operation cache (the diagram itself stays).
    public func clearCaches() { tables.shrinkCache() }

    /// Frees what only building needs (the operation cache and the unique tables) and every node
    /// neither `roots` nor a module's diagram reaches; call once compiled. Building more afterwards
    /// stays exact, after one pass that rebuilds the unique tables.
    /// - Returns: the new ref of each old ref (`-1` for a dropped node): the caller's roots move.
    func compact(keeping roots: [Ref]) -> [Ref] {
        let renumbered = tables.compact(keeping: roots + moduleRoots.values)
        moduleRoots = moduleRoots.mapValues { renumbered[Int($0)] }
        return renumbered
    }
}
