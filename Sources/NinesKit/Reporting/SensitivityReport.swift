/// Everything `nines sensitivity` shows, as plain data (JSON field names are the documented
/// format, docs/advise.md). Downtime in hours per the objective's period.
package struct SensitivityReport: Hashable, Sendable, Codable {
    public var system: String
    public var sources: [String]
    public var overrides: [String]?
    public var objective: String
    public var period: String
    public var periodHours: Double
    /// The share each input moves by (0.1 for ±10 %).
    public var by: Double
    public var availability: Double
    public var downtimeHours: Double
    /// Largest swing first.
    public var inputs: [SensitivityRowReport]
}

package struct SensitivityRowReport: Hashable, Sendable, Codable {
    public var component: String
    /// `availability` (moved as unavailability), `mtbf`, `rate`, `mttr`, `common_cause`, `failover.detect`, `failover.switch`, `masked_for`.
    public var field: String
    /// The input as the model states it: unavailability for `availability`, hours for times, per hour for `rate`, a share for `common_cause`.
    public var value: Double
    public var low: Double
    public var high: Double
    /// The objective's downtime per period with the input at `low` and at `high`.
    public var downtimeLowHours: Double
    public var downtimeHighHours: Double
    /// |downtimeHigh − downtimeLow|.
    public var swingHours: Double
    /// d(downtime)/d(input) as an elasticity: the % change of downtime per % change of the input.
    public var elasticity: Double
}

package enum SensitivityReportBuilder {
    public static func report(_ sensitivity: Sensitivity) -> SensitivityReport {
        let model = sensitivity.model, hours = sensitivity.periodHours, share = sensitivity.share
        return SensitivityReport(system: model.name, sources: model.sources, overrides: model.overrides.isEmpty ? nil : model.overrides,
                                 objective: sensitivity.objective.name, period: (sensitivity.objective.period ?? model.period).name,
                                 periodHours: hours, by: share, availability: 1 - sensitivity.unavailability,
                                 downtimeHours: sensitivity.unavailability * hours,
                                 inputs: sensitivity.rows.map { row in
            SensitivityRowReport(component: row.component, field: row.field, value: row.value,
                                 low: row.value * (1 - share), high: row.value * (1 + share),
                                 downtimeLowHours: row.unavailabilityLow * hours, downtimeHighHours: row.unavailabilityHigh * hours,
                                 swingHours: abs(row.unavailabilityHigh - row.unavailabilityLow) * hours, elasticity: row.elasticity)
        })
    }
}
