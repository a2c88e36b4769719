/// What design changes cost (`costs:` in the model): per kind of change (`replica`, `mttr`,
/// `failover`, …), a default and per-component prices, each an amount per period
/// (`200/month`). Only `nines advise` reads it. See docs/advise.md.
public struct ChangeCosts: Hashable, Sendable {
    /// An amount of money (any currency, the model's own) per `period`.
    public struct Price: Hashable, Sendable {
        public var amount: Double
        public var period: Period

        public init(amount: Double, period: Period) {
            self.amount = amount
            self.period = period
        }
    }

    /// The prices of one kind of change: `default` for any component, else by component name.
    public struct Prices: Hashable, Sendable {
        public var fallback: Price?
        public var components: [String: Price]

        public init(fallback: Price? = nil, components: [String: Price] = [:]) {
            self.fallback = fallback
            self.components = components
        }
    }

    /// By the `DesignChange.Kind` raw value (`replica`, `common-cause`, …).
    public var kinds: [String: Prices]

    public init(kinds: [String: Prices]) { self.kinds = kinds }

    /// The cost of `change` over `hours` (a period's length), in the calendar `calendar`; nil when
    /// the model prices no such change.
    func cost(of change: DesignChange, perHours hours: Double, calendar: CalendarConvention) -> Double? {
        guard let prices = kinds[change.kind.rawValue], let price = prices.components[change.component] ?? prices.fallback else { return nil }
        return price.amount * hours / calendar.hours(in: price.period)
    }
}
