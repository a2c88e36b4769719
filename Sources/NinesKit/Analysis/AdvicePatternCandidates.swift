/// Candidate changes to the patterns the loader builds into the structure (docs/patterns.md):
/// retries, bulkheads, placement and detection times. None is one figure of the compiled
/// structure (a retry credits a window on the callee, a bulkhead removes a hidden hang part,
/// placement adds replicas on places, a detection time is folded into the repair before the
/// blips are), so each is evaluated on the model loaded again with its overrides.
extension AdviceCandidates {
    static let structuralSources: [any AdviceCandidateSource] = [
        RetryCandidates(), PlacementCandidates(), BulkheadCandidates(), DetectionCandidates(),
    ]

    /// The retry a suggestion adds: the example of docs/patterns.md, a 3.4 s window.
    static let retryPolicy = "{attempts: 3, backoff: 200ms, timeout: 1s}"

    /// Every structural candidate for the components in `closure`, in model order. Components the
    /// loader made (`web#2`, `reviews#hang`) get none: no override names them.
    static func structuralCandidates(in model: SystemModel, closure: [Int]) -> [DesignChange] {
        closure.sorted().flatMap { index in
            let component = model.components[index]
            guard !component.isMadeByLoader else { return [DesignChange]() }
            return structuralSources.flatMap { $0.candidates(for: component, in: model) }
        }
    }
}

/// A retry on every caller of a dependency with transient blips that does not retry yet: the
/// loader credits a window on the dependency only when all its callers retry (RetryWindows).
struct RetryCandidates: AdviceCandidateSource {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard component.transient != nil, component.placement == nil else { return [] }
        let callers = model.components.filter { $0.dependencyNames.contains(component.name) }
        let missing = callers.filter { $0.retry == nil }
        guard !missing.isEmpty, callers.allSatisfy({ !$0.isMadeByLoader }),
              missing.allSatisfy({ $0.responsibility == .ours }) else { return [] }
        let names = missing.map(\.name)
        return [DesignChange(.retry, component.name,
                             "retry the calls of \(names.joined(separator: ", ")) to \(component.name), which blips "
                             + "(3 attempts, 1s timeout, 200ms apart)",
                             set: names.map { "\($0).retry=\(AdviceCandidates.retryPolicy)" }, edit: nil)]
    }
}

/// One more replica of a placed component, and its replicas spread over more places.
struct PlacementCandidates: AdviceCandidateSource {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard let placement = component.placement, component.responsibility == .ours else { return [] }
        let name = component.name, n = placement.replicas, k = placement.needs
        var changes: [DesignChange] = []
        if n < 10_000 {
            changes.append(DesignChange(.replica, name, "run \(n + 1) replicas of \(name) over its places (\(k) of \(n + 1) needed)",
                                        set: ["\(name).replicas=\(n + 1)"], edit: nil))
        }
        switch placement.rule {
        case .roundRobin(let places):
            // A declared pool holding every listed place and more offers the next one.
            let listed = Set(places)
            guard listed.count < n,
                  let pool = model.pools.first(where: { listed.isSubset(of: $0.members) && $0.members.count > listed.count }),
                  let next = pool.members.first(where: { !listed.contains($0) }) else { break }
            let spread = places + [next]
            changes.append(DesignChange(.placement, name, "spread \(name)'s \(n) replicas over \(spread.count) places (add \(next))",
                                        set: ["\(name).placement=[\(spread.joined(separator: ", "))]"], edit: nil))
        case .pool(let pool, let per) where per > 1:
            changes.append(DesignChange(.placement, name, "put at most \(per - 1) of \(name)'s replicas on one member of \(pool)",
                                        set: ["\(name).placement.per=\(per - 1)"], edit: nil))
        case .pool, .spread:
            break
        }
        return changes
    }
}

/// A bulkhead on a caller that a hang of a soft dependency exhausts (docs/patterns.md, "Bulkheads"):
/// such a caller depends on the hidden hang part `NAME#hang` of the dependency.
struct BulkheadCandidates: AdviceCandidateSource {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard !component.bulkhead, component.responsibility == .ours else { return [] }
        let own = component.name + SoftDependencyResolution.hangSuffix
        let hanging = component.dependencyNames.filter { $0.hasSuffix(SoftDependencyResolution.hangSuffix) && $0 != own }
            .map { String($0.dropLast(SoftDependencyResolution.hangSuffix.count)) }
        guard !hanging.isEmpty else { return [] }
        return [DesignChange(.bulkhead, component.name,
                             "give \(component.name) a bulkhead, so a hang of \(hanging.joined(separator: ", ")) does not exhaust it",
                             set: ["\(component.name).bulkhead=true"], edit: nil)]
    }
}

/// Half the time to notice an outage (`detect:`, the component's or its layer's).
struct DetectionCandidates: AdviceCandidateSource {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard let detect = component.detect, detect > 0, component.responsibility == .ours else { return [] }
        let half = OverrideText.duration(hours: detect / 2)
        return [DesignChange(.detect, component.name, "notice outages of \(component.name) in half the time (detect \(half.text))",
                             set: ["\(component.name).detect=\(half.text)"], edit: nil)]
    }
}
