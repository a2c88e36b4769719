/// A dependency the caller can do without, in a degraded mode (docs/patterns.md, "Soft
/// dependencies and fallbacks"): `{on: reviews, soft: true}` (its outage degrades the caller but
/// does not stop it), `{on: payment, fallback: payment-backup}` (a circuit breaker opens and the
/// calls go to another component) or `{on: payment, fallback: static}` (a static answer).
///
/// The loader keeps the tolerant structure in `depends_on` (a soft target left out, a fallback as
/// an `any` group of the target and its fallback), so both engines read it; each objective's
/// `degraded` says whether the time spent degraded counts as up.
package struct SoftDependency: Hashable, Sendable {
    package enum Fallback: Hashable, Sendable {
        /// `soft: true`: the caller goes on without the answer.
        case none
        /// `fallback: static`: the breaker answers with a static value.
        case staticAnswer
        /// `fallback: NAME`: the breaker sends the calls to this component.
        case component(String, ModelLocation)
    }

    public var target: String
    public var fallback: Fallback
    /// `bulkhead: true` on this entry: a hang of the target is confined to the flows that need it.
    public var bulkhead: Bool
    /// Where the entry (`{on: …}`) is written.
    public var location: ModelLocation
    /// Where the target's name is written.
    public var targetLocation: ModelLocation

    public init(target: String, fallback: Fallback, bulkhead: Bool = false, location: ModelLocation, targetLocation: ModelLocation) {
        self.target = target
        self.fallback = fallback
        self.bulkhead = bulkhead
        self.location = location
        self.targetLocation = targetLocation
    }

    /// The fallback component's name, when the breaker sends calls to one.
    public var fallbackComponent: String? {
        if case .component(let name, _) = fallback { return name }
        return nil
    }

    /// "soft", "fallback static" or "fallback to NAME": how the diagram and reports name the edge.
    public var mark: String {
        switch fallback {
        case .none: return "soft"
        case .staticAnswer: return "fallback static"
        case .component(let name, _): return "fallback to \(name)"
        }
    }
}

/// Whether the time an objective spends degraded (a soft dependency down, a breaker open) counts
/// as up time (`degraded: counts-as-up`, the default: the users still get an answer) or as down
/// time (`degraded: counts-as-down`, a strict promise of the full service).
package enum DegradedAccounting: String, Hashable, Sendable, CaseIterable {
    case countsAsUp = "counts-as-up"
    case countsAsDown = "counts-as-down"
}
