/// The ranked risk list of an FMEA worksheet, as plain data: what `nines fmea rank` prints and
/// the "ranked risks" section of `nines report`. Renderers format it and never compute.
///
/// Times are hours; downtime and occurrences are per period of the model. The JSON renderer
/// encodes this type directly (sorted keys), so field names here are the documented JSON format.
package struct RiskReport: Hashable, Sendable, Codable {
    public var system: String
    public var period: String
    public var periodHours: Double
    /// How scores became priorities, e.g. "AIAG-VDA 2019 action priority".
    public var scoring: String
    /// "priority" or "downtime".
    public var order: String
    /// Failure modes in the worksheet, before filters.
    public var totalFailureModes: Int
    /// Ranked rows (after filters, and cut to the requested number).
    public var risks: [RiskEntry]
    /// Unavailability each component of the listed risks gets from all its quantified failure
    /// modes, worst first.
    public var components: [ComponentRiskReport]
}

package struct RiskEntry: Hashable, Sendable, Codable {
    public var rank: Int
    public var id: String
    public var component: String
    public var layer: String
    public var failureMode: String
    public var function: String?
    public var effectLocal: String?
    public var effectEndUser: String?
    public var cause: String?
    public var prevention: String?
    public var detectionControls: String?
    public var severity: Int?
    public var occurrence: Int?
    public var detection: Int?
    public var rpn: Int?
    /// "H", "M" or "L"; nil while unscored.
    public var priority: String?
    public var recommendedAction: String?
    public var treatment: String?
    public var owner: String?
    public var due: String?
    public var status: String
    public var severityAfter: Int?
    public var occurrenceAfter: Int?
    public var detectionAfter: Int?
    public var rpnAfter: Int?
    public var priorityAfter: String?
    /// RPN before minus RPN after the action.
    public var rpnReduction: Int?
    public var rate: String?
    public var outage: String?
    public var outageHours: Double?
    public var occurrencesPerPeriod: Double?
    /// Unavailability of the component from this mode alone.
    public var unavailability: Double?
    /// Expected downtime of the component from this mode per period.
    public var componentDowntimeHours: Double?
    /// Expected downtime per period that users see: on the objective (or the whole system) this
    /// mode strains most, i.e. with the largest Birnbaum importance.
    public var downtimeHours: Double?
    /// MIL-STD-1629A mode criticality β·λ·t over the period.
    public var criticality: Double?
    /// β, the stated probability that an occurrence has the row's effect: it weights `criticality`
    /// only; the downtime figures count every occurrence (the component is down either way).
    public var effectProbability: Double?
    public var objectives: [FailureModeImpact.ObjectiveCost]
    public var notes: String?
}

extension RiskReport {
    /// What every view that shows a row's downtime says of a row with `effect_probability` below 1.
    public static let effectProbabilityNote = "downtime counts every occurrence; effect_probability weights criticality only"

    /// The listed rows whose `effect_probability` is below 1, in rank order.
    public var rowsWithPartialEffect: [RiskEntry] { risks.filter { ($0.effectProbability ?? 1) < 1 } }
}

package struct ComponentRiskReport: Hashable, Sendable, Codable {
    public var component: String
    public var quantifiedFailureModes: Int
    /// Unavailability from the component's quantified failure modes (independent series causes).
    public var unavailability: Double
    public var downtimeHours: Double
    /// The component's own unavailability as the model states it, for comparison.
    public var modelUnavailability: Double
}
