/// The resilience patterns a model can use as elements (docs/patterns.md), each with the rule
/// that takes it out of a model: `nines report` prices a pattern as the downtime the same model
/// has without it (`PatternSavings`). A new pattern is one case here, its `isUsed` test and its
/// `removed(from:)` rule.
public enum PatternKind: String, CaseIterable, Hashable, Sendable, Codable {
    case placement
    case cache
    case detect
    case retry
    case transient
    case failover
    case writeAhead = "write-ahead"

    /// Whether a loaded model uses the pattern (the keys stay on the components after loading).
    public func isUsed(in model: SystemModel) -> Bool {
        model.components.contains { component in
            switch self {
            case .placement: return component.placement != nil
            case .cache: return component.cache != nil
            case .detect: return component.detect != nil
            case .retry: return component.retry != nil
            case .transient: return component.transient != nil
            case .failover: return component.failover != nil
            case .writeAhead: return component.writeAhead != nil
            }
        }
    }

    /// The same model without the pattern. Applied by the loader once placement is expanded and
    /// before anything is folded into the figures (`ModelLoader`, `removing:`).
    /// - placement: every replica of a placed component on its first replica's place (no spread);
    /// - failover: no switchover and no standby (replicas = needs);
    /// - detect: outages noticed at once (no `detect`, no layer default);
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
            }
            result.components[index] = component
        }
        return result
    }
}
