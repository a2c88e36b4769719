/// The SLA/SLO prediction of every objective: predicted availability with the excluded components
/// (customer-responsible, out of scope) treated as perfect, the error budget per period, the margin,
/// what the excluded components would cost, and the objective's recovery figures. Pure.
public struct SLAPrediction {
    public let model: SystemModel
    /// Components whose outages do not count against the SLA, in model order.
    public let excluded: [String]
    /// Figures with every component counted.
    public let full: AvailabilityAnalysis
    /// Figures with the excluded components treated as perfect (the SLA figure).
    public let inScope: AvailabilityAnalysis
    /// One prediction per objective, in model order.
    public let objectives: [ObjectivePrediction]

    public init(_ model: SystemModel, full: AvailabilityAnalysis? = nil) {
        self.model = model
        let full = full ?? AvailabilityAnalysis(model)
        // By index here and below: iterating the components copies each (large) one.
        let excluded = model.components.indices.filter { !model.components[$0].responsibility.countsAgainstSLA }
            .map { model.components[$0].name }
        let inScope = excluded.isEmpty ? full
            : AvailabilityAnalysis(model, structure: full.structure, treatingAsPerfect: Set(excluded))
        self.full = full
        self.inScope = inScope
        self.excluded = excluded
        let positions = full.structure.indexOf   // names are unique in a loaded model
        // Announced maintenance windows: the figures without them, for objectives that do not count
        // them and to show every objective both ways (docs/patterns.md, "Maintenance windows").
        let quiet = model.components.indices.contains { model.components[$0].maintenance?.announced == true }
            ? MaintenanceFolding.withoutAnnounced(model) : nil
        let quietFull = quiet.map { AvailabilityAnalysis($0) }
        let quietInScope = quiet.flatMap { quietModel in
            excluded.isEmpty ? quietFull : AvailabilityAnalysis(quietModel, treatingAsPerfect: Set(excluded))
        }
        let ceilings = DependencyCeiling.ceilings(model, structure: full.structure, index: positions)
        var recoveryFigures = [RecoveryFigures?](repeating: nil, count: model.components.count)
        func figures(at position: Int) -> RecoveryFigures {
            if let known = recoveryFigures[position] { return known }
            let figures = RecoveryFigures(model.components[position])
            recoveryFigures[position] = figures
            return figures
        }
        let hasWriteAhead = ObjectiveRecovery.hasWriteAhead(model)
        let resolved = full.structure.dependencies   // the model's own, positions as `positions`
        objectives = model.objectives.indices.map { index in
            let objective = model.objectives[index]
            let period = objective.period ?? model.period
            let hours = model.calendar.hours(in: period)
            let counting = inScope.objective(index)
            let notCounting = quietInScope?.objective(index)
            let figure = objective.countsMaintenance ? counting : notCounting ?? counting
            let full = objective.countsMaintenance ? full : quietFull ?? full
            let maintenanceHours = notCounting.map { (counting.probability.down - $0.probability.down) * hours }
            // The closure is only asked about excluded components: none, no closure.
            let relevant = excluded.isEmpty ? []
                : excluded.filter(Set(DependencyClosure.of(objective.components, in: model, index: positions)).contains)
            var withExcluded: FlowFigures?
            var costs: [ExcludedCost] = []
            if !relevant.isEmpty {
                let everything = full.objective(index)
                withExcluded = everything
                let criticality = Dictionary(everything.importance.map { ($0.component, $0.criticality) }, uniquingKeysWith: max)
                costs = relevant.map { name in
                    ExcludedCost(component: name, responsibility: positions[name].map { model.components[$0].responsibility } ?? .customer,
                                 downtimeHours: (criticality[name] ?? 0) * hours)
                }
            }
            var prediction = ObjectivePrediction(objective: objective, period: period, periodHours: hours, figure: figure,
                                                 withExcluded: withExcluded, excluded: costs,
                                                 degraded: DegradedTime(objective: index, in: inScope),
                                                 recovery: ObjectiveRecovery(objective, in: model,
                                                                            singlePointsOfFailure: full.singlePointsOfFailure(objective: index),
                                                                            index: positions, dependencies: resolved,
                                                                            hasWriteAhead: hasWriteAhead,
                                                                            figures: figures(at:)))
            prediction.announcedMaintenanceHours = maintenanceHours.flatMap { $0 > 0 ? $0 : nil }
            if !ceilings.isEmpty { prediction.ceiling = ceilings[index] }
            return prediction
        }
    }

    /// Why failovers or masking windows could not be applied, per component (model order).
    public var notes: [(component: Component, note: String)] {
        model.components.indices.flatMap { index in
            full.effective[index].notes.map { (model.components[index], $0) }
        }
    }
}

/// What leaving one excluded component out of the SLA figure hides.
public struct ExcludedCost: Hashable, Sendable, Codable {
    public let component: String
    public let responsibility: Responsibility
    /// Downtime per period the component adds when counted (its criticality × period), hours.
    public let downtimeHours: Double
}

/// One objective's prediction. Hours throughout; "per period" means the objective's period.
public struct ObjectivePrediction: Hashable, Sendable {
    public let objective: Objective
    public let period: Period
    public let periodHours: Double
    /// The SLA figure: excluded components treated as perfect.
    public let figure: FlowFigures
    /// The figure with every component counted; nil when nothing on the objective is excluded.
    public let withExcluded: FlowFigures?
    public let excluded: [ExcludedCost]
    /// The time spent degraded (a soft dependency down, a breaker open); nil when nothing the
    /// objective needs is soft.
    package let degraded: DegradedTime?
    public let recovery: ObjectiveRecovery
    /// Downtime per period the announced maintenance windows on the objective add; nil when none
    /// do. Counted in `figure` when the objective `countsMaintenance`, left out otherwise.
    public var announcedMaintenanceHours: Double? = nil
    /// What the dependencies' own objectives (`slo:`, `from:`) allow; nil when none is on the objective.
    package var ceiling: DependencyCeiling? = nil

    public var target: Probability? { objective.target }

    /// Downtime the target allows per period: (1 − target) × period.
    public var budgetHours: Double? { target.map { $0.down * periodHours } }

    /// Expected downtime per period: (1 − A) × period.
    public var downtimeHours: Double { figure.probability.down * periodHours }

    /// Budget left after the expected downtime (negative when over budget).
    public var marginHours: Double? { budgetHours.map { $0 - downtimeHours } }

    /// Margin as a share of the budget (1 = nothing spent, negative = over budget).
    public var marginShare: Double? {
        guard let target, target.down > 0 else { return nil }
        return 1 - figure.probability.down / target.down
    }

    /// Expected downtime as a share of the budget: Q / (1 − target) (over 1 when over budget).
    public var budgetUsedShare: Double? {
        guard let target, target.down > 0 else { return nil }
        return figure.probability.down / target.down
    }

    /// The unavailability the target is judged by: the upper end of the figure's interval (the figure
    /// itself when exact; see `FlowFigures.judged`).
    public var judgedUnavailability: Double { figure.judged.down }

    /// Whether the judged downtime leaves at least `minMargin` (a share of the budget) unspent
    /// (`TargetRule`). Nil without a target. The target part of the objective's verdict (`verdict`).
    public func holds(minMargin: Double = 0) -> Bool? {
        target.map { TargetRule.holds(unavailability: judgedUnavailability, targetUnavailability: $0.down, minMargin: minMargin) }
    }

    /// Downtime per period the excluded components would add when counted.
    public var excludedDowntimeHours: Double? {
        withExcluded.map { ($0.probability.down - figure.probability.down) * periodHours }
    }

    /// Time spent degraded per period, hours (counted as up or down as `degraded.accounting` says).
    public var degradedHours: Double? { degraded.map { $0.share * periodHours } }

    /// Expected outages per period (w × period), when every contributor has a failure rate.
    public var outagesPerPeriod: Double? { figure.frequency.map { $0 * periodHours } }

    /// The longest mean recovery per outage that still meets the target: (1 − target) / w.
    public var allowedRecoveryHours: Double? {
        guard let target, let frequency = figure.frequency else { return nil }
        return Nines.allowedRecovery(target: target, frequency: frequency)
    }

    /// The modelled mean recovery per outage of this figure: Q / w.
    public var meanRecoveryHours: Double? { figure.meanDownTime }

    /// The worst RPO is within the objective's `rpo` (nil when the objective sets none).
    public var rpoHolds: Bool? {
        guard let limit = objective.rpo else { return nil }
        if !recovery.unprotected.isEmpty { return false }
        return (recovery.worstRPO?.rpo ?? 0) <= limit
    }

    /// The worst known RTO is within the objective's `rto` (nil when the objective sets none).
    public var rtoHolds: Bool? {
        guard let limit = objective.rto else { return nil }
        return (recovery.worstRTO?.rto ?? 0) <= limit
    }
}
