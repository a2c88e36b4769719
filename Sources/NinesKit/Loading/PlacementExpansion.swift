/// Checks every `placement:` against the model and expands each placed component into one
/// hidden component per replica (`web#1`, each depending on its place, with the instance's
/// independent figures) and the placed component itself: a `k_of` group over its replicas, its
/// own variable the common-cause part (perfect without one), and its other dependencies.
///
/// Both engines then read the same structure, so a zone under three replicas is one variable
/// (docs/patterns.md, "Placement").
struct PlacementExpansion {
    let pools: [Pool]
    let diagnostics: DiagnosticCollector
    /// Where each placed component's replicas run (by component name), for those placed without error.
    private let targets: [String: [String]]

    /// Checks the pools and placements of every file (before the merge, so their errors come with
    /// the others of the load): pools of every file, first declaration kept.
    init(drafts: [ModelDraft], diagnostics: DiagnosticCollector) {
        var pools: [Pool] = []
        for pool in drafts.flatMap(\.pools) {
            if let earlier = pools.first(where: { $0.name == pool.name }) {
                diagnostics.error(pool.location, "pool '\(pool.name)' is defined twice; first at \(earlier.location)", length: pool.name.count)
            } else {
                pools.append(pool)
            }
        }
        self.pools = pools
        self.diagnostics = diagnostics
        var targets: [String: [String]] = [:]
        // Names can be checked only when every file's components could be read. With no pool and
        // nothing placed there is nothing to check: no copy and no set of every component's name.
        let placing = !pools.isEmpty || drafts.contains { $0.components.contains { $0.placement != nil } }
        if placing, drafts.allSatisfy(\.componentsReadable) {
            let components = drafts.flatMap(\.components)
            let names = components.map(\.name) + drafts.flatMap(\.unreadComponents).sorted()
            let known = Set(names)
            for pool in pools {
                for (position, member) in pool.members.enumerated() where !known.contains(member) {
                    diagnostics.error(pool.memberLocations[position], "pool '\(pool.name)' names unknown component '\(member)'"
                                      + Suggestion.hint(for: member, in: names), length: member.count)
                }
            }
            var load: [String: Int] = [:]   // replicas placed on each place so far, for the `pool` rule
            for component in components where targets[component.name] == nil {
                guard let placement = component.placement else { continue }
                targets[component.name] = Self.targets(of: component, placement, pools: pools, known: known, names: names,
                                                      load: &load, diagnostics: diagnostics)
            }
        }
        self.targets = targets
    }

    /// The expanded model, or nil after reporting what is wrong.
    func expand(_ model: SystemModel) -> SystemModel? {
        guard model.components.contains(where: { $0.placement != nil }) || !pools.isEmpty else { return model }
        var components: [Component] = []
        components.reserveCapacity(model.components.count)
        for component in model.components {
            guard var placement = component.placement else { components.append(component); continue }
            guard let targets = targets[component.name] else { return nil }   // reported
            placement.targets = targets
            components.append(contentsOf: expanded(component, placement))
        }
        var result = model
        result.components = components
        result.pools = pools
        guard reportCycles(result.components) else { return nil }
        return result
    }

    /// Where each replica runs, or nil after reporting why it cannot be placed.
    private static func targets(of component: Component, _ placement: Placement, pools: [Pool], known: Set<String>,
                                names: [String], load: inout [String: Int], diagnostics: DiagnosticCollector) -> [String]? {
        let context = "'placement' of component '\(component.name)'"
        if component.failover != nil {
            diagnostics.error(placement.location, "\(context) cannot go with 'failover': placed replicas are a k-of-n group "
                              + "that needs no switchover; drop 'failover', or model the standby without 'placement'")
            return nil
        }
        if component.maskedFor != nil {
            diagnostics.error(placement.location, "\(context) cannot go with 'masked_for': a window over replicas in several "
                              + "places has no single outage to hide; put a 'masked_for' on what the replicas depend on instead")
            return nil
        }
        let n = placement.replicas
        switch placement.rule {
        case .roundRobin(let places):
            var valid = true
            for (position, place) in places.enumerated() {
                let at = position < placement.nameLocations.count ? placement.nameLocations[position] : placement.location
                if !known.contains(place) {
                    diagnostics.error(at, "\(context) names unknown component '\(place)'" + Suggestion.hint(for: place, in: names), length: place.count)
                    valid = false
                } else if place == component.name {
                    diagnostics.error(at, "component '\(place)' is placed on itself", length: place.count)
                    valid = false
                }
            }
            if places.count > n {
                diagnostics.error(placement.location, "\(context) lists \(places.count) places for \(n) replica\(n == 1 ? "" : "s"); "
                                  + "replica i runs on the i-th place, so list at most \(n) or raise 'replicas'")
                valid = false
            }
            return valid ? (0..<n).map { places[$0 % places.count] } : nil
        case .spread(let name), .pool(let name, _):
            let at = placement.nameLocations.first ?? placement.location
            guard let pool = pools.first(where: { $0.name == name }) else {
                diagnostics.error(at, "\(context) names unknown pool '\(name)'" + Suggestion.hint(for: name, in: pools.map(\.name))
                                  + (pools.isEmpty ? "; declare it under 'pools', e.g. pools: {zones: [az-a, az-b, az-c]}" : ""),
                                  length: name.count)
                return nil
            }
            guard !pool.members.isEmpty, pool.members.allSatisfy(known.contains) else { return nil }   // reported with the pool
            if pool.members.contains(component.name) {
                diagnostics.error(at, "component '\(component.name)' is placed on pool '\(name)', which holds it", length: name.count)
                return nil
            }
            guard case .pool(_, let per) = placement.rule else { return (0..<n).map { pool.members[$0 % pool.members.count] } }
            guard n <= per * pool.members.count else {
                diagnostics.error(placement.location, "\(context) cannot place \(n) replicas on pool '\(name)' of "
                                  + "\(pool.members.count) member\(pool.members.count == 1 ? "" : "s") with at most \(per) per member; "
                                  + "raise 'per', add members or lower 'replicas'")
                return nil
            }
            // By member position: a pool of shared nodes under thousands of services is walked once
            // per replica, so no name is hashed in the walk.
            var loads = pool.members.map { load[$0, default: 0] }
            var mine = [Int](repeating: 0, count: pool.members.count)
            var targets: [String] = []
            // Ties go, as a scheduler breaks them at random, to the member with the lowest stable
            // hash of (component, member): the same on every run and platform, and no two
            // services forced onto neighbouring members.
            let tieBreak = pool.members.map { Self.stableHash(component.name + "\u{0}" + $0) }
            for _ in 0..<n {
                // The least-loaded member with room for another replica of this component.
                var best = -1
                for member in pool.members.indices where mine[member] < per {
                    if best < 0 || loads[member] < loads[best] || (loads[member] == loads[best] && tieBreak[member] < tieBreak[best]) {
                        best = member
                    }
                }
                // n ≤ per · members guarantees room. A member listed twice shares its load.
                for member in pool.members.indices where pool.members[member] == pool.members[best] {
                    mine[member] += 1
                    loads[member] += 1
                }
                load[pool.members[best], default: 0] += 1
                targets.append(pool.members[best])
            }
            return targets
        }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across runs and platforms (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The replicas, then the placed component over them.
    private func expanded(_ component: Component, _ placement: Placement) -> [Component] {
        let beta = placement.replicas > 1 ? component.commonCause : 0
        let split = Self.split(component.figures, beta: beta)
        var replicas: [Component] = []
        for (position, place) in placement.targets.enumerated() {
            let number = position + 1
            var replica = Component(name: PlacedReplica.name(of: component.name, number: number), layer: component.layer,
                                    figures: split.instance, dependencies: [.component(place, placement.location)],
                                    responsibility: component.responsibility,
                                    description: "replica \(number) of '\(component.name)', on '\(place)'", location: component.location)
            replica.kind = component.kind
            replica.failure = beta > 0 ? component.failure?.scaled(by: 1 / (1 - beta)) : component.failure
            replica.repair = component.repair
            replica.detect = component.detect
            replica.transient = component.transient   // each replica blips on its own
            replica.placedReplica = PlacedReplica(of: component.name, number: number, on: place)
            replicas.append(replica)
        }
        var placed = component
        placed.replicas = 1
        placed.needs = 1
        placed.transient = nil
        placed.commonCause = 0
        placed.figures = split.common
        placed.failure = beta > 0 ? component.failure?.scaled(by: 1 / beta) : nil
        placed.repair = beta > 0 ? component.repair : nil
        placed.dependencies = [.group(k: placement.needs, members: replicas.map(\.name), placement.location)] + component.dependencies
        placed.placement = placement
        placed.uncertainty?.placementBeta = beta   // to split a drawn figure as the stated one was
        return replicas + [placed]
    }

    /// The beta-factor split of one instance's figures (as `OwnAvailability` makes it, in odds form):
    /// each replica keeps the independent part, odds (1 − β)·r; the placed component's own
    /// variable is the common part, odds β·r, striking every replica at once; without a common
    /// cause it is perfect.
    static func split(_ figures: UnitFigures, beta: Double) -> (instance: UnitFigures, common: UnitFigures) {
        guard beta > 0 else { return (figures, .availability(.perfect, mttr: figures.mttr)) }
        switch figures {
        case .availability(let p, let mttr):
            let odds = p.down / p.up
            return (.availability(Probability(odds: (1 - beta) * odds), mttr: mttr), .availability(Probability(odds: beta * odds), mttr: mttr))
        case .mtbf(let mtbf, let mttr):
            return (.mtbf(mtbf / (1 - beta), mttr: mttr), .mtbf(mtbf / beta, mttr: mttr))
        case .rate(let rate, let mttr):
            return (.rate((1 - beta) * rate, mttr: mttr), .rate(beta * rate, mttr: mttr))
        }
    }

    /// A placement that closes a loop (a zone that depends on what is placed on it) is reported at
    /// the placement; true when there is none. Iterative depth-first search, as `ModelValidator`'s.
    private func reportCycles(_ components: [Component]) -> Bool {
        var index: [String: Int] = [:]
        for (position, component) in components.enumerated() { index[component.name] = position }
        let edges = components.map { $0.dependencyNames.compactMap { index[$0] } }
        enum Mark { case unvisited, active, done }
        var marks = [Mark](repeating: .unvisited, count: components.count)
        for start in components.indices where marks[start] == .unvisited {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            marks[start] = .active
            while let top = stack.last {
                if top.next < edges[top.node].count {
                    stack[stack.count - 1].next += 1
                    let next = edges[top.node][top.next]
                    switch marks[next] {
                    case .unvisited: marks[next] = .active; stack.append((next, 0))
                    case .active:
                        let loop = stack.map(\.node).drop { $0 != next }.map { components[$0] }
                        let placed = loop.first { $0.placement != nil }
                        let names = loop.filter { $0.placedReplica == nil }.map { "'\($0.name)'" }
                        diagnostics.error(placed?.placement?.location ?? components[next].location,
                                          "the placement of '\(placed?.name ?? components[next].name)' makes a cycle: "
                                          + (names + [names.first ?? ""]).joined(separator: " → ")
                                          + "; a place cannot depend on what runs on it")
                        return false
                    case .done: break
                    }
                } else {
                    marks[top.node] = .done
                    stack.removeLast()
                }
            }
        }
        return true
    }
}
