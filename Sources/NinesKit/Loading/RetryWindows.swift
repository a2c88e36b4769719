/// Credits callers' retries in the figures both engines read (docs/patterns.md, "Retries"): an
/// outage of a dependency shorter than the retry window W is absorbed, which is what a
/// `masked_for` window on the dependency says. A window on the dependency hides its outages from
/// every caller, so it is set only where every caller retries, to the shortest of their windows,
/// and never shortens a window the model already has. A dependency with a caller that does not
/// retry, or a placed one, gets no credit: the figure stays on the safe side.
enum RetryWindows {
    static func apply(_ model: SystemModel) -> SystemModel {
        guard model.components.contains(where: { $0.retry != nil }) else { return model }
        var windows: [String: Double] = [:]
        var unretried: Set<String> = []
        for caller in model.components {
            for target in Set(caller.dependencyNames) {
                if let retry = caller.retry {
                    windows[target] = min(windows[target] ?? .infinity, retry.window)
                } else {
                    unretried.insert(target)
                }
            }
        }
        var result = model
        for index in result.components.indices {
            let target = result.components[index]
            guard let window = windows[target.name], !unretried.contains(target.name), target.placement == nil else { continue }
            result.components[index].maskedFor = max(target.maskedFor ?? 0, window)
        }
        return result
    }
}
