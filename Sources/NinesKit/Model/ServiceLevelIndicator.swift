/// How monitoring measures an objective: the PromQL that `nines observe` runs (docs/observe.md).
public enum ServiceLevelIndicator: Hashable, Sendable {
    /// Request-based: the share of good events, `good / total`, each a counter expression.
    case ratio(good: String, total: String)
    /// Time-based: an expression that is 1 while the service is up and 0 while it is down.
    case up(String)
}
