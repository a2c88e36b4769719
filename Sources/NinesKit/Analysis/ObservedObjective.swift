/// One objective's error budget as monitoring measured it, beside the model's prediction: what the
/// measured part of the period spent, and what the model predicts for the rest of it. Hours
/// throughout; pure.
///
/// With budget B = (1 − target) × P over the period P, the measured window E spends
/// S = (1 − A_measured) × E, leaves L = B − S, and the rest of the period R = max(0, P − E) is
/// predicted to spend D = (1 − A_model) × R. `nines observe` measures the whole period (R = 0);
/// `nines check --budget-left` measures from the period's start and gates on D ≤ L.
package struct ObservedObjective: Hashable, Sendable {
    public let objective: Objective
    public let periodHours: Double
    public let measurement: SLIMeasurement
    /// The model's availability for the objective (the figure `check` judges: its upper unavailability).
    public let predicted: Probability

    public init(objective: Objective, periodHours: Double, measurement: SLIMeasurement, predicted: Probability) {
        self.objective = objective
        self.periodHours = periodHours
        self.measurement = measurement
        self.predicted = predicted
    }

    public var target: Probability? { objective.target }

    /// B = (1 − target) × P; nil without a target.
    public var budgetHours: Double? { target.map { $0.down * periodHours } }

    /// S: downtime the measured window spent.
    public var spentHours: Double { measurement.downtimeHours }

    /// S / B (over 1 when the measured window alone overspent); nil without a target or with a 100 % target.
    public var spentShare: Double? {
        guard let budgetHours, budgetHours > 0 else { return nil }
        return spentHours / budgetHours
    }

    /// L = B − S (negative when overspent).
    public var leftHours: Double? { budgetHours.map { $0 - spentHours } }

    /// L / B.
    public var leftShare: Double? { spentShare.map { 1 - $0 } }

    /// R: the part of the period not measured yet.
    public var remainingHours: Double { max(0, periodHours - measurement.windowHours) }

    /// D = (1 − A_model) × R.
    public var predictedRestHours: Double { predicted.down * remainingHours }

    /// Downtime the model predicts for the measured window, to set beside what was measured.
    public var predictedWindowHours: Double { predicted.down * measurement.windowHours }

    /// The measured availability meets the target; nil without one.
    public var measuredHolds: Bool? { target.map { measurement.availability.down <= $0.down } }

    /// The budget gate: the predicted rest fits in what is left (D ≤ L), and at least `freezeBelow`
    /// of the budget is left (a freeze threshold, 0 for none). Nil without a target.
    public func budgetHolds(freezeBelow: Double) -> Bool? {
        guard let leftHours, let budgetHours else { return nil }
        let leftShare = budgetHours > 0 ? leftHours / budgetHours : (leftHours >= 0 ? 1 : 0)
        return predictedRestHours <= leftHours && leftShare >= freezeBelow
    }
}
