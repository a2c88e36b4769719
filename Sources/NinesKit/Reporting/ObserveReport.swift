/// `nines observe` as plain data: per measured objective, the availability monitoring measured
/// over the period beside the model's prediction, and the error budget that spent. Hours
/// throughout. JSON fields in docs/report-json.md.
package struct ObserveReport: Hashable, Sendable, Codable {
    public var system: String
    public var sources: [String]
    /// The Prometheus server asked, e.g. "http://127.0.0.1:9090".
    public var server: String
    /// End of the measured window, ISO 8601 (UTC).
    public var end: String
    public var objectives: [ObservedObjectiveReport]
    /// Objectives without an `sli:`, in model order: nothing to measure.
    public var notMeasured: [String]
}

package struct ObservedObjectiveReport: Hashable, Sendable, Codable {
    public var objective: String
    /// "sla" or "slo".
    public var kind: String
    /// The target as a fraction (nil when the objective has none).
    public var target: Double?
    public var periodHours: Double
    /// The measured window (the whole period for `observe`).
    public var windowHours: Double
    /// The PromQL run, in order.
    public var queries: [String]
    /// Events counted (request-based indicators only).
    public var good: Double?
    public var total: Double?
    public var measuredAvailability: Double
    public var measuredUnavailability: Double
    public var predictedAvailability: Double
    public var predictedUnavailability: Double
    /// Downtime measured over the window, and what the model predicts for the same window.
    public var measuredDowntimeHours: Double
    public var predictedDowntimeHours: Double
    public var budgetHours: Double?
    /// Measured downtime ÷ budget (over 1 when overspent).
    public var budgetSpentShare: Double?
    /// The measured availability meets the target (nil without a target).
    public var measuredHolds: Bool?
}

extension ObservedObjectiveReport {
    package init(_ observed: ObservedObjective) {
        self.init(objective: observed.objective.name, kind: observed.objective.kind.rawValue, target: observed.target?.up,
                  periodHours: observed.periodHours, windowHours: observed.measurement.windowHours,
                  queries: observed.measurement.queries, good: observed.measurement.good, total: observed.measurement.total,
                  measuredAvailability: observed.measurement.availability.up, measuredUnavailability: observed.measurement.availability.down,
                  predictedAvailability: observed.predicted.up, predictedUnavailability: observed.predicted.down,
                  measuredDowntimeHours: observed.spentHours, predictedDowntimeHours: observed.predictedWindowHours,
                  budgetHours: observed.budgetHours, budgetSpentShare: observed.spentShare, measuredHolds: observed.measuredHolds)
    }
}
