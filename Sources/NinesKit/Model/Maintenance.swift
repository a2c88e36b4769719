/// Planned maintenance of a part (`maintenance: {every: 30d, duration: 1h, announced: true}`):
/// a window on the calendar during which it is out of service. An SLA usually excludes announced
/// windows; an objective says whether its promise counts them (`counts_maintenance`).
/// docs/patterns.md, "Maintenance windows".
package struct Maintenance: Hashable, Sendable {
    /// Hours between the starts of two windows.
    public var every: Double
    /// Hours each window lasts.
    public var duration: Double
    /// Announced to the users ahead (the usual SLA exclusion); unannounced windows always count.
    public var announced: Bool
    public var location: ModelLocation
    /// The instance without its windows, before MaintenanceFolding put them into `figures`:
    /// what an objective that does not count announced maintenance reads, and what the simulator plays.
    public var unmaintained: UnitFigures?

    public init(every: Double, duration: Double, announced: Bool, location: ModelLocation) {
        self.every = every
        self.duration = duration
        self.announced = announced
        self.location = location
    }

    /// Share of the time in a window.
    public var share: Double { duration / every }
}
