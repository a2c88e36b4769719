/// Multi-window, multi-burn-rate alerts for an objective (Google SRE workbook, "Alerting on SLOs",
/// alert 6): each pair fires when the error rate over both its long and its short window exceeds
/// `burnRate` × the error budget rate (1 − target). The workbook's pairs are for a 30-day
/// objective; here each states the share of the budget spent when it fires, scaled to the
/// objective's own window: burn rate × long window / objective window (14.4 × 1 h / 720 h = 2 %).
package struct BurnRateAlerts: Sendable {
    package struct WindowPair: Sendable, Hashable {
        /// Long and short windows, hours.
        public var long: Double
        public var short: Double
        public var burnRate: Double
        /// `page` or `ticket`, as the workbook routes them.
        public var severity: String
    }

    package struct Alert: Sendable, Hashable {
        public var pair: WindowPair
        /// Share of the objective's error budget spent by the time the alert fires (may exceed 1).
        public var budgetShare: Double
        /// The error ratio above which it fires: burn rate × (1 − target).
        public var threshold: Double
        /// Why it can never usefully fire, if so.
        public var neverFires: NeverFires?
    }

    package enum NeverFires: Sendable, Hashable {
        /// The threshold is an error ratio of 1 or more: even every request failing does not reach it.
        case thresholdUnreachable
        /// The long window is longer than it takes this burn to spend the whole budget.
        case budgetSpentFirst
    }

    /// The workbook's pairs: 1 h / 5 min at 14.4× and 6 h / 30 min at 6× page; 1 d / 2 h at 3×
    /// and 3 d / 6 h at 1× open a ticket.
    public static let workbookPairs = [
        WindowPair(long: 1, short: 5.0 / 60, burnRate: 14.4, severity: "page"),
        WindowPair(long: 6, short: 0.5, burnRate: 6, severity: "page"),
        WindowPair(long: 24, short: 2, burnRate: 3, severity: "ticket"),
        WindowPair(long: 72, short: 6, burnRate: 1, severity: "ticket"),
    ]

    /// The objective's window, hours.
    public let windowHours: Double
    /// The error budget as a ratio, 1 − target.
    public let budget: Double
    public let alerts: [Alert]

    public init(target: Probability, windowHours: Double, pairs: [WindowPair] = workbookPairs) {
        self.windowHours = windowHours
        budget = target.down
        alerts = pairs.map { pair in
            let share = pair.burnRate * pair.long / windowHours
            let threshold = pair.burnRate * target.down
            let reason: NeverFires? = threshold >= 1 ? .thresholdUnreachable : share > 1 ? .budgetSpentFirst : nil
            return Alert(pair: pair, budgetShare: share, threshold: threshold, neverFires: reason)
        }
    }
}
