/// The contributors of a figure left out of its list on a large model (`report --contributors N`):
/// how many, and what they add up to, so a reader of the list still sees the whole.
package struct ContributorsNotListed: Hashable, Sendable, Codable {
    /// Contributors not listed.
    public var count: Int
    /// The sum of their `downtimeHours` (each the fall in the figure's downtime per its period if
    /// that component alone never failed; a sum of single-component falls, not a joint one).
    public var downtimeHours: Double
    /// The sum of their criticality importances, the same sum as a share of the figure's unavailability.
    public var criticalityImportance: Double
}
