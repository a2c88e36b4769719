/// Candidate changes to the patterns the loader builds into the structure (docs/patterns.md):
/// retries, bulkheads, placement and detection times. None is one figure of the compiled
/// structure (a retry credits a window on the callee, a bulkhead removes a hidden hang part,
/// placement adds replicas on places, a detection time is folded into the repair before the
/// blips are), so each is evaluated on the model loaded again with its overrides.
extension AdviceCandidates {
    static func structuralSources(_ lookups: AdviceModelLookups) -> [any AdviceCandidateSource] {
        [RetryCandidates(lookups: lookups), PlacementCandidates(), SpreadCandidates(lookups: lookups), BulkheadCandidates(),
         DetectionCandidates(), BreakerCandidates(lookups: lookups)]
    }

    /// The retry a suggestion adds: the example of docs/patterns.md, a 3.4 s window.
    static let retryPolicy = "{attempts: 3, backoff: 200ms, timeout: 1s}"

    /// Every structural candidate for the components in `closure`, in model order. Components the
    /// loader made (`web#2`, `reviews#hang`) get none: no override names them.
    static func structuralCandidates(in model: SystemModel, closure: [Int]) -> [DesignChange] {
        let sources = structuralSources(AdviceModelLookups(model))
        return closure.sorted().flatMap { index in
            let component = model.components[index]
            guard !component.isMadeByLoader else { return [DesignChange]() }
            return sources.flatMap { $0.candidates(for: component, in: model) }
        }
    }
}

/// A retry on every caller of a dependency with transient blips that does not retry yet: the
/// loader credits a window on the dependency only when all its callers retry (RetryWindows).
struct RetryCandidates: AdviceCandidateSource {
    let lookups: AdviceModelLookups

    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard component.transient != nil, component.placement == nil else { return [] }
        let callers = (lookups.callers[component.name] ?? []).map { model.components[$0] }
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

/// A single point of failure duplicated across places: a component of one instance run as two
/// replicas on two places the model already spreads replicas over (a declared pool, or the places
/// of a placed component), one of them needed. Only a plain instance qualifies (no failover,
/// masking, standby, drills or windows, which placement does not combine with), not a place nor
/// what places run on, and only one that depends on none of those places itself (its replica on
/// the second would still need the first).
struct SpreadCandidates: AdviceCandidateSource {
    let lookups: AdviceModelLookups

    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard component.responsibility == .ours, component.placement == nil, component.replicas == 1,
              component.failover == nil, component.maskedFor == nil, component.standby == nil, component.latent == nil,
              component.maintenance == nil, component.hangPart == nil, component.cache == nil else { return [] }
        let name = component.name
        guard component.layer != "physical",
              let places = lookups.placeSets.first(where: { $0.count >= 2 }).map({ Array($0.prefix(2)) }),
              !lookups.placeNames.contains(name),
              !component.dependencyNames.contains(where: { places.contains($0) }),
              // not what the places themselves run on (a zone under a zone's node group)
              !lookups.underPlaces.contains(name)
        else { return [] }
        return [DesignChange(.replica, name, "run \(name) as 2 replicas on \(places.joined(separator: " and ")), 1 needed "
                             + "(no longer a single point of failure)",
                             set: ["\(name).replicas=2", "\(name).placement=[\(places.joined(separator: ", "))]"], edit: nil)]
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

/// A circuit breaker with a fallback (docs/patterns.md, "Soft dependencies and fallbacks") on a
/// caller's calls to a dependency, where the model states an alternative: another component of the
/// same declared `kind:` (a second payment provider, a replica database) that the caller does not
/// call yet. Whether a flow can do without an answer is the application's fact, so no soft
/// dependency or static fallback is proposed. Only a caller whose `depends_on` is plain names
/// qualifies (the override writes the whole list again); places and networks get none.
struct BreakerCandidates: AdviceCandidateSource {
    let lookups: AdviceModelLookups

    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard component.responsibility == .ours, component.softDependencies.isEmpty else { return [] }
        var names: [String] = []
        for dependency in component.dependencies {
            guard case .component(let name, _) = dependency, !name.contains("#") else { return [] }
            names.append(name)
        }
        return names.compactMap { target -> DesignChange? in
            guard let callee = lookups.position[target].map({ model.components[$0] }), let kind = callee.kind,
                  !["physical", "network"].contains(callee.layer),
                  let alternative = (lookups.byKind[kind] ?? []).lazy.map({ model.components[$0] }).first(where: {
                      $0.name != target && !$0.isMadeByLoader && !names.contains($0.name) && $0.name != component.name
                  }) else { return nil }
            let entries = names.map { $0 == target ? "{on: \(target), fallback: \(alternative.name)}" : $0 }
            return DesignChange(.breaker, component.name,
                                "put a circuit breaker on \(component.name)'s calls to \(target) that falls back to \(alternative.name) "
                                + "(the same kind, \(kind.rawValue))",
                                set: ["\(component.name).depends_on=[\(entries.joined(separator: ", "))]"], edit: nil)
        }
    }
}
