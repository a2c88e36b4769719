/// The resilience patterns a model can use as elements (docs/patterns.md), each with the rule
/// that takes it out of a model: `nines report` prices a pattern as the downtime the same model
/// has without it (`PatternSavings`). A new pattern is one case here, its `isUsed` test and its
/// `removed(from:)` rule.
package enum PatternKind: String, CaseIterable, Hashable, Sendable, Codable {
    case placement
    case cache
    case detect
    case retry
    case transient
    case failover
    case writeAhead = "write-ahead"
    /// Soft dependencies and circuit breakers with their fallbacks (`{on: X, soft: true}`, `{on: X, fallback: Y}`).
    case softDependency = "soft-dependency"
    case bulkhead

    /// Whether a loaded model uses the pattern (the keys stay on the components after loading).
    public func isUsed(in model: SystemModel) -> Bool {
        let components = model.components
        return components.indices.contains { isUsed(by: components, at: $0) }
    }

    /// The patterns a loaded model uses, in `allCases` order: one pass over the components, where
    /// asking each pattern is a pass each (every report asks, on 100,000 components).
    package static func used(in model: SystemModel) -> [PatternKind] {
        let components = model.components
        var unused = allCases
        for index in components.indices where !unused.isEmpty {
            unused.removeAll { $0.isUsed(by: components, at: index) }
        }
        return allCases.filter { !unused.contains($0) }
    }

    /// Whether component `index` uses the pattern. By position: iterating the components copies
    /// each whole one, where this reads one field in place.
    private func isUsed(by components: [Component], at index: Int) -> Bool {
        switch self {
        case .placement: return components[index].placement != nil
        case .cache: return components[index].cache != nil
        case .detect: return components[index].detect != nil
        case .retry: return components[index].retry != nil
        case .transient: return components[index].transient != nil
        case .failover: return components[index].failover != nil
        case .writeAhead: return components[index].writeAhead != nil
        case .softDependency: return !components[index].softDependencies.isEmpty
        case .bulkhead: return components[index].bulkhead || components[index].softDependencies.contains { $0.bulkhead }
        }
    }

    /// The same model without the pattern. Applied by the loader once placement is expanded and
    /// before anything is folded into the figures (`ModelLoader`, `removing:`).
    /// - placement: every replica of a placed component on its first replica's place (no spread);
    /// - failover: no switchover and no standby (replicas = needs);
    /// - detect: outages noticed at once (no `detect`, no layer default);
    /// - soft-dependency: every soft entry and breaker a hard dependency on its target (the
    ///   fallback's `any` group back to the target alone);
    /// - bulkhead: no caller confines a hang;
    /// - the others: the key is gone.
    func removed(from model: SystemModel) -> SystemModel {
        var result = model
        if self == .detect {
            for index in result.layers.indices { result.layers[index].detect = nil }
        }
        var firstPlace: [String: String] = [:]
        for index in result.components.indices {
            var component = result.components[index]
            switch self {
            case .placement:
                guard var replica = component.placedReplica else { continue }
                let place = firstPlace[replica.of] ?? replica.on
                firstPlace[replica.of] = place
                replica.on = place
                component.placedReplica = replica
                component.dependencies = [.component(place, component.location)]
            case .cache: component.cache = nil
            case .detect: component.detect = nil
            case .retry: component.retry = nil
            case .transient: component.transient = nil
            case .failover:
                guard component.failover != nil else { continue }
                component.failover = nil
                component.replicas = component.needs
            case .writeAhead: component.writeAhead = nil
            case .softDependency:
                guard !component.softDependencies.isEmpty else { continue }
                var breakers: [ModelLocation: SoftDependency] = [:]
                for soft in component.softDependencies where soft.fallbackComponent != nil { breakers[soft.location] = soft }
                component.dependencies = component.dependencies.map { dependency in
                    if case .group(_, _, let location) = dependency, let soft = breakers[location] {
                        return .component(soft.target, soft.targetLocation)
                    }
                    return dependency
                }
                component.softDependencies = []
            case .bulkhead:
                component.bulkhead = false
                for entry in component.softDependencies.indices { component.softDependencies[entry].bulkhead = false }
            }
            result.components[index] = component
        }
        return result
    }
}
