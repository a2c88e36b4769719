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

    private var unique: [Triple: Ref] = [:]
    private var andCache: [Pair: Ref] = [:]
    private var orCache: [Pair: Ref] = [:]
    private var iteCache: [Triple: Ref] = [:]

    private struct Pair: Hashable { let a: Ref, b: Ref }
    private struct Triple: Hashable { let a: Int32, b: Int32, c: Int32 }

    public init() {}

    public var nodeCount: Int { level.count }

    /// The single-variable function "variable `level` is up".
    public func variable(_ level: Int32) -> Ref { node(level, low: Self.down, high: Self.up) }

    /// The unique node testing `level` (reduced: a test with equal branches is its branch).
    public func node(_ level: Int32, low lowRef: Ref, high highRef: Ref) -> Ref {
        if lowRef == highRef { return lowRef }
        let key = Triple(a: level, b: lowRef, c: highRef)
        if let existing = unique[key] { return existing }
        let ref = Ref(self.level.count)
        self.level.append(level)
        low.append(lowRef)
        high.append(highRef)
        unique[key] = ref
        return ref
    }

    public func and(_ f: Ref, _ g: Ref) -> Ref {
        if f == Self.down || g == Self.down { return Self.down }
        if f == Self.up || f == g { return g }
        if g == Self.up { return f }
        let key = f < g ? Pair(a: f, b: g) : Pair(a: g, b: f)
        if let cached = andCache[key] { return cached }
        let top = min(level[Int(f)], level[Int(g)])
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let result = node(top, low: and(f0, g0), high: and(f1, g1))
        andCache[key] = result
        return result
    }

    public func or(_ f: Ref, _ g: Ref) -> Ref {
        if f == Self.up || g == Self.up { return Self.up }
        if f == Self.down || f == g { return g }
        if g == Self.down { return f }
        let key = f < g ? Pair(a: f, b: g) : Pair(a: g, b: f)
        if let cached = orCache[key] { return cached }
        let top = min(level[Int(f)], level[Int(g)])
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let result = node(top, low: or(f0, g0), high: or(f1, g1))
        orCache[key] = result
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
        let key = Triple(a: f, b: g, c: h)
        if let cached = iteCache[key] { return cached }
        let top = min(level[Int(f)], level[Int(g)], level[Int(h)])
        let (f0, f1) = cofactors(f, top)
        let (g0, g1) = cofactors(g, top)
        let (h0, h1) = cofactors(h, top)
        let result = node(top, low: ite(f0, g0, h0), high: ite(f1, g1, h1))
        iteCache[key] = result
        return result
    }

    public func and(_ functions: [Ref]) -> Ref {
        functions.reduce(Self.up) { and($0, $1) }
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

    /// Drops the operation caches (the diagram itself stays); call after compilation to free memory.
    public func clearCaches() {
        andCache = [:]
        orCache = [:]
        iteCache = [:]
    }
}
