/// Orders and filters the failure modes of a worksheet into a ranked risk list.
///
/// By priority: Action Priority (H, M, L, then unscored rows), then RPN, then severity (all
/// highest first), then id — a total order, so the list never depends on input order ties.
/// By downtime: expected component downtime per period (rows without figures last), then the
/// priority order.
package struct RiskRanking: Sendable {
    package enum Order: String, Sendable, CaseIterable { case priority, downtime }

    /// Which rows to keep; nil fields keep everything.
    package struct Filter: Sendable {
        public var openOnly: Bool
        public var layer: String?
        public var owner: String?
        public var component: String?

        public init(openOnly: Bool = false, layer: String? = nil, owner: String? = nil, component: String? = nil) {
            self.openOnly = openOnly
            self.layer = layer
            self.owner = owner
            self.component = component
        }

        public func keeps(_ mode: FailureMode) -> Bool {
            (!openOnly || mode.isOpen) && (layer == nil || mode.layer == layer) && (owner == nil || mode.owner == owner)
                && (component.map(mode.components.contains) ?? true)
        }
    }

    /// One ranked row: the failure mode with its scores read through the worksheet's scoring.
    package struct Entry: Sendable {
        public let mode: FailureMode
        public let priority: ActionPriority?
        public let priorityAfter: ActionPriority?
        public let impact: FailureModeImpact?
    }

    public let scoring: FMEAScoring

    public init(scoring: FMEAScoring) { self.scoring = scoring }

    public func rank(_ modes: [FailureMode], impacts: [String: FailureModeImpact] = [:], by order: Order = .priority,
                     filter: Filter = Filter()) -> [Entry] {
        let entries = modes.filter(filter.keeps).map { mode in
            Entry(mode: mode, priority: mode.scores.map(scoring.priority), priorityAfter: mode.scoresAfter.map(scoring.priority),
                  impact: impacts[mode.id])
        }
        switch order {
        case .priority: return entries.sorted(by: Self.byPriority)
        case .downtime: return entries.sorted(by: Self.byDowntime)
        }
    }

    static func byPriority(_ a: Entry, _ b: Entry) -> Bool {
        let left = (a.priority?.rank ?? 0, a.mode.scores?.rpn ?? 0, a.mode.scores?.severity ?? 0)
        let right = (b.priority?.rank ?? 0, b.mode.scores?.rpn ?? 0, b.mode.scores?.severity ?? 0)
        if left != right { return left > right }
        return a.mode.id < b.mode.id
    }

    static func byDowntime(_ a: Entry, _ b: Entry) -> Bool {
        let left = a.impact?.visibleDowntimeHours ?? -1
        let right = b.impact?.visibleDowntimeHours ?? -1
        if left != right { return left > right }
        return byPriority(a, b)
    }
}
