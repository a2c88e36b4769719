/// A drilled part in `nines report`: its drill calendar, what it costs, and the suggested
/// interval with what it would save on each objective that reads the part. Times in hours.
package struct DrillReport: Hashable, Sendable, Codable {
    public var component: String
    public var testEveryHours: Double
    public var testDurationHours: Double
    /// Share of the failures a drill finds and the interval of the real demands that find the
    /// rest; both absent with full coverage.
    public var coverage: Double?
    public var demandEveryHours: Double?
    /// The part's own mean unavailability with these drills.
    public var unavailability: Double
    /// The interval that minimises it; absent when a drill costs no downtime.
    public var suggestedEveryHours: Double?
    public var suggestedUnavailability: Double?
    /// Objectives whose figure depends on the part, in model order.
    public var objectives: [DrillObjectiveReport]
}

/// One objective's downtime per its period with the stated drills and with the suggested interval.
package struct DrillObjectiveReport: Hashable, Sendable, Codable {
    public var objective: String
    public var period: String
    public var downtimeHours: Double
    public var suggestedDowntimeHours: Double?
}
