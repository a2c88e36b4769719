/// Where a component's replicas run: each replica depends on its own zone, node or rack, so a zone
/// outage takes down only the replicas placed on it (docs/patterns.md, "Placement").
///
/// The loader expands a placed component into one hidden component per replica (`web#1`, …, each
/// depending on its place) and a `k_of` group over them, so the exact engine and the simulator
/// see the same structure: a shared zone or node is one variable under every replica on it.
public struct Placement: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        /// Replica i on the i-th name, round robin (`placement: [az-a, az-b, az-c]`).
        case roundRobin([String])
        /// Round robin over a declared pool's members, from the first (`placement: {spread: zones}`).
        case spread(pool: String)
        /// Each replica on the pool member holding the fewest replicas placed so far (model order;
        /// ties broken by a stable hash of component and member names, as a scheduler picks at
        /// random among equals), at most `per` replicas of this component on one member
        /// (`placement: {pool: nodes, per: 1}`): how a scheduler spreads pods over shared nodes.
        case pool(String, per: Int)
    }

    public var rule: Rule
    /// The replicas and the replicas needed, as the model stated them on the component.
    public var replicas: Int
    public var needs: Int
    /// Where each replica runs (by replica), filled in when the model is expanded.
    public var targets: [String]
    public var location: ModelLocation
    /// Where each name of a round-robin list is written.
    public var nameLocations: [ModelLocation]

    public init(rule: Rule, replicas: Int, needs: Int, targets: [String] = [], location: ModelLocation,
                nameLocations: [ModelLocation] = []) {
        self.rule = rule
        self.replicas = replicas
        self.needs = needs
        self.targets = targets
        self.location = location
        self.nameLocations = nameLocations
    }

    /// The pool named, for the `spread` and `pool` rules.
    public var poolName: String? {
        switch rule {
        case .roundRobin: return nil
        case .spread(let pool), .pool(let pool, _): return pool
        }
    }
}

/// A cache or queue in front of a dependency (`cache: {for: postgres, window: 5m}`): outages of
/// `target` shorter than `window` are hidden from the availability its callers see, as a
/// `masked_for` on the target says; the cache is not a dependency of anything unless the model
/// lists it (docs/patterns.md, "Caches and queues").
public struct Cache: Hashable, Sendable {
    public var target: String
    /// Hours.
    public var window: Double
    public var location: ModelLocation
    public var targetLocation: ModelLocation

    public init(target: String, window: Double, location: ModelLocation, targetLocation: ModelLocation) {
        self.target = target
        self.window = window
        self.location = location
        self.targetLocation = targetLocation
    }
}

/// One replica of a placed component, as the expanded model holds it.
public struct PlacedReplica: Hashable, Sendable {
    /// The placed component this replica belongs to.
    public var of: String
    /// 1-based replica number.
    public var number: Int
    /// The zone, node or rack it runs on.
    public var on: String

    public init(of: String, number: Int, on: String) {
        self.of = of
        self.number = number
        self.on = on
    }

    /// The replica's component name: `web#2`. '#' is outside the names a model may use, so it never clashes.
    public static func name(of component: String, number: Int) -> String { "\(component)#\(number)" }
}

/// A declared set of places (`pools: {zones: [az-a, az-b, az-c]}`) replicas are spread over.
public struct Pool: Hashable, Sendable {
    public var name: String
    public var members: [String]
    public var location: ModelLocation
    public var memberLocations: [ModelLocation]

    public init(name: String, members: [String], location: ModelLocation, memberLocations: [ModelLocation] = []) {
        self.name = name
        self.members = members
        self.location = location
        self.memberLocations = memberLocations
    }
}
