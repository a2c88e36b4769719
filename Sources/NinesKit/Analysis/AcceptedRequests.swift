/// Requests a write-ahead door (`accepts_when_down:`) wrote to its store before processing them
/// (docs/patterns.md, "Write-ahead"): an outage behind the door, up to the retention, delays them
/// and loses none, so their RPO is 0. What can still lose an accepted request is the store
/// itself: its own `data` protection bounds the loss (sync replication 0, async its lag, backups
/// interval + duration; unbounded when it declares data with neither).
package struct AcceptedRequests: Hashable, Sendable, Codable {
    public let door: String
    public let store: String
    /// How long a stored request is kept, hours.
    public let retentionHours: Double
    /// Worst-case loss of accepted requests, hours: 0 behind the door; the store's own RPO when it
    /// declares `data` with replication or backups. Nil when the store declares data with neither.
    public let rpoHours: Double?
    /// What bounds the loss when the store's own protection does: "sync replication", "backups", ...
    public let storeBasis: String?

    init(door: Component, writeAhead: WriteAhead, store: Component?) {
        self.door = door.name
        self.store = writeAhead.store
        retentionHours = writeAhead.retention
        let figures = store.map(RecoveryFigures.init)
        rpoHours = figures?.unprotected == true ? nil : figures?.rpo ?? 0
        storeBasis = figures?.rpoBasis?.rawValue
    }

    /// The doors whose accepted requests an objective carries: a door it needs (a submission
    /// objective) or one whose stored requests it follows (a `path` that starts at the door or at
    /// what it forwards to). In model order.
    static func on(_ objective: Objective, closure: Set<String>, in model: SystemModel, index: [String: Int]) -> [AcceptedRequests] {
        let first = objective.measure == .reliability ? objective.components.first : nil
        return model.components.compactMap { door in
            guard let writeAhead = door.writeAhead,
                  closure.contains(door.name) || first == door.name || first.map({ writeAhead.downstream?.contains($0) == true }) == true
            else { return nil }
            return AcceptedRequests(door: door, writeAhead: writeAhead, store: index[writeAhead.store].map { model.components[$0] })
        }
    }
}
