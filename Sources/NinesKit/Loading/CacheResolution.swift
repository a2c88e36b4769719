/// Puts each `cache:` into the model: the target's outages shorter than the window are hidden
/// from its callers' availability (the target's `masked_for`, which both engines read), and the
/// cache stays out of every dependency list it is not named in, so its own failure is no single
/// point of failure (docs/patterns.md, "Caches and queues").
struct CacheResolution {
    let diagnostics: DiagnosticCollector

    /// The model with every cache's window on its target, or nil after reporting what is wrong.
    func apply(_ model: SystemModel) -> SystemModel? {
        guard model.components.contains(where: { $0.cache != nil }) else { return model }
        var index: [String: Int] = [:]
        for (position, component) in model.components.enumerated() { index[component.name] = position }
        let names = model.components.filter { $0.placedReplica == nil }.map(\.name)
        var result = model
        var cachedBy: [String: String] = [:]
        for cacheComponent in model.components {
            guard let cache = cacheComponent.cache else { continue }
            let context = "'for' of 'cache' of '\(cacheComponent.name)'"
            guard NameRules.isValid(cache.target), let position = index[cache.target] else {
                diagnostics.error(cache.targetLocation, "\(context) names unknown component '\(cache.target)'"
                                  + Suggestion.hint(for: cache.target, in: names), length: cache.target.count)
                continue
            }
            let target = model.components[position]
            if target.name == cacheComponent.name {
                diagnostics.error(cache.targetLocation, "component '\(target.name)' is a cache in front of itself", length: target.name.count)
            } else if let other = cachedBy[target.name] {
                diagnostics.error(cache.targetLocation, "'\(target.name)' already has a cache in front of it, '\(other)'; "
                                  + "give one window (the longest outage the callers ride through)", length: target.name.count)
            } else if target.maskedFor != nil {
                diagnostics.error(cache.targetLocation, "'\(target.name)' already hides short outages with its own 'masked_for'; "
                                  + "keep the cache and drop 'masked_for' on '\(target.name)'", length: target.name.count)
            } else if target.placement != nil {
                diagnostics.error(cache.targetLocation, "\(context) names a placed component ('\(target.name)' has 'placement'): "
                                  + "a window over replicas in several places is not one outage to hide; put the cache in front of what the replicas depend on",
                                  length: target.name.count)
            } else {
                cachedBy[target.name] = cacheComponent.name
                result.components[position].maskedFor = cache.window
            }
        }
        return diagnostics.hasErrors ? nil : result
    }
}
