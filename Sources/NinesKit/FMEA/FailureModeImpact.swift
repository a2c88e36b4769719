/// What the quantified failure modes of a worksheet cost in availability.
///
/// Each quantified mode i of a component is an alternating renewal process: it strikes at rate
/// λ_i (per hour of up time) and keeps the component down for d_i hours (its stated outage, or the
/// component's MTTR for `until-repaired`). In odds form r_i = λ_i·d_i its steady-state
/// unavailability is q_i = r_i / (1 + r_i), computed from the small side so it stays exact near 0.
/// The component's unavailability from its modes combines them as independent series causes
/// (Q = 1 − Π(1 − q_i), accumulated with `Probability.and`).
///
/// Cost on an objective: the objective's unavailability grows by I_B·q_i, where I_B is the
/// component's Birnbaum importance for that objective (the exact slope, since the objective is
/// linear in each component's availability). A mode that takes several components down together
/// uses the slope of their joint outage instead, A(all up) − A(all down) (`JointOutage`). Over a period of T hours that is I_B·q_i·T hours of
/// downtime, compared with the objective's error budget (1 − target)·T.
///
/// MIL-STD-1629A mode criticality C_m = β·α·λ_p·t: the worksheet states the mode's own rate,
/// which is α·λ_p (the part's failure rate times the share of its failures that are this mode),
/// β is `effect_probability` (default 1) and t the model's period, so C_m = β·λ_i·T is the
/// expected number of occurrences with that effect per period.
package struct FailureModeImpact: Hashable, Sendable {
    public let id: String
    /// Outage hours per occurrence used (stated, or the component's MTTR).
    public let outageHours: Double
    /// Steady-state unavailability of the component due to this mode alone.
    public let unavailability: Probability
    /// Expected downtime of the component from this mode per period, hours.
    public let componentDowntimeHours: Double
    /// Expected occurrences per period.
    public let occurrencesPerPeriod: Double
    /// MIL-STD-1629A mode criticality β·λ·t over the period.
    public let criticality: Double
    /// Cost on each objective that depends on the component, in model order.
    public let objectives: [ObjectiveCost]
    /// Downtime per period of the model that users see: on the objective (or the whole system)
    /// this mode hurts most, i.e. with the largest Birnbaum slope.
    public let visibleDowntimeHours: Double

    package struct ObjectiveCost: Hashable, Sendable, Codable {
        public let objective: String
        /// Added downtime of the objective per its period, hours.
        public let downtimeHours: Double
        /// Share of the objective's error budget per period (nil without a target, or with a 100% target: no budget).
        public let budgetShare: Double?
    }

    /// Impacts of the quantified rows of `worksheet`, by failure-mode id; rows whose component has
    /// no repair time and say `until-repaired` are left out (the loader rejects them).
    public static func compute(_ worksheet: FMEAWorksheet, analysis: AvailabilityAnalysis) -> [String: FailureModeImpact] {
        let model = analysis.model
        let periodHours = model.calendar.hours(in: model.period)
        let objectiveSlopes = model.objectives.indices.map { analysis.birnbaumByComponent(objective: $0) }
        var systemSlopes: [String: Double] = [:]
        for item in analysis.systemImportance() { systemSlopes[item.component] = item.birnbaum }
        var result: [String: FailureModeImpact] = [:]
        var joints: [[String]: JointOutage] = [:]
        for mode in worksheet.failureModes {
            let components = mode.components.compactMap { analysis.structure.indexOf[$0].map { model.components[$0] } }
            guard let rate = mode.rate?.value, let outage = mode.outage, components.count == mode.components.count else { continue }
            let hours: Double
            switch outage {
            case .duration(let stated): hours = stated.value
            case .untilRepaired:
                // Several components: down until the last of them is repaired.
                let repairs = components.compactMap(\.figures.mttr)
                guard repairs.count == components.count, let longest = repairs.max() else { continue }
                hours = longest
            }
            let odds = rate * hours
            let q = Probability(up: 1 / (1 + odds), down: odds / (1 + odds))
            let beta = mode.effectProbability?.value ?? 1
            // One component: its Birnbaum importance; several: the slope of their joint outage.
            var joint: JointOutage?
            if components.count > 1 {
                joint = joints[mode.components] ?? JointOutage(mode.components, in: analysis)
                joints[mode.components] = joint   // rows about the same components share one evaluation
            }
            var costs: [ObjectiveCost] = []
            var steepest = joint?.system ?? systemSlopes[mode.component] ?? 0
            for (index, objective) in model.objectives.enumerated() {
                let slope = joint?.objectives[index] ?? objectiveSlopes[index][mode.component] ?? 0
                guard slope > 0 else { continue }
                steepest = max(steepest, slope)
                let objectiveHours = model.calendar.hours(in: objective.period ?? model.period)
                let downtime = slope * q.down * objectiveHours
                let budget = objective.target.map { $0.down * objectiveHours }
                costs.append(ObjectiveCost(objective: objective.name, downtimeHours: downtime,
                                           budgetShare: budget.flatMap { $0 > 0 ? downtime / $0 : nil }))
            }
            result[mode.id] = FailureModeImpact(
                id: mode.id, outageHours: hours, unavailability: q, componentDowntimeHours: q.down * periodHours,
                occurrencesPerPeriod: rate * periodHours, criticality: beta * rate * periodHours, objectives: costs,
                visibleDowntimeHours: steepest * q.down * periodHours)
        }
        return result
    }

    /// Unavailability of each component from its quantified failure modes (independent series causes).
    public static func componentUnavailability(_ worksheet: FMEAWorksheet,
                                               impacts: [String: FailureModeImpact]) -> [(component: String, probability: Probability)] {
        var order: [String] = []
        var combined: [String: Probability] = [:]
        for mode in worksheet.failureModes {
            guard let impact = impacts[mode.id] else { continue }
            for name in mode.components {
                if combined[name] == nil { order.append(name) }
                combined[name] = (combined[name] ?? .perfect).and(impact.unavailability)
            }
        }
        return order.map { ($0, combined[$0]!) }
    }

    /// The largest share of an error budget this mode takes (nil when no objective with a target depends on it).
    public var largestBudgetShare: Double? { objectives.compactMap(\.budgetShare).max() }
}

extension AvailabilityAnalysis {
    /// Birnbaum importance of each component for objective number `index`.
    public func birnbaumByComponent(objective index: Int) -> [String: Double] {
        var result: [String: Double] = [:]
        for item in objective(index).importance { result[item.component] = item.birnbaum }
        return result
    }
}
