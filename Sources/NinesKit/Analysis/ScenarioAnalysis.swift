/// What one disruption does to every objective: the scenario's components certainly down,
/// everything else as modelled. Computed once, in `init`, from an `AvailabilityAnalysis` of the
/// same model: the compiled structure is conditioned (its variables for the lost components set
/// to "down"), so a component shared by several paths stays one variable. Hours throughout.
///
/// - availability while the scenario lasts: the objective's figure with the lost components' variables at 0;
/// - survives: whether the objective can be up at all (every other component up), read from the
///   structure function with 0/1 variables, not from a rounded figure;
/// - single points of failure: components whose failure would now take the objective down
///   (Birnbaum importance 1 in that 0/1 evaluation), and which of them the scenario exposes;
/// - recovery and data at risk: see `ScenarioRecovery`.
package struct ScenarioAnalysis: Sendable {
    public let scenario: Scenario
    /// The stated class, else the one the lost components' kinds and layers suggest.
    public let disruptionClass: DisruptionClass
    /// One outcome per objective, in model order.
    public let outcomes: [ScenarioOutcome]

    public init(_ scenario: Scenario, base analysis: AvailabilityAnalysis) {
        let model = analysis.model
        let structure = analysis.structure
        let index = DependencyClosure.index(model)
        let lostIndices = Set(scenario.down.compactMap { structure.indexOf[$0] })
        let failed = EffectiveAvailability(own: OwnAvailability(probability: .failed, frequency: 0))
        let conditioned = CompiledFigures(structure, effective: analysis.effective.indices.map {
            lostIndices.contains($0) ? failed : analysis.effective[$0]
        })
        // Every other component up: 0/1 arithmetic on the same structure function.
        let structural = CompiledFigures(structure, effective: analysis.effective.indices.map {
            lostIndices.contains($0) ? failed : .perfect
        })
        self.scenario = scenario
        disruptionClass = scenario.disruptionClass ?? DisruptionClass.inferred(from: scenario.down.compactMap { index[$0].map { model.components[$0] } })
        outcomes = model.objectives.indices.map { position in
            let objective = model.objectives[position]
            let targets = objective.components.compactMap { structure.indexOf[$0] }
            let form = structure.objectives[position]
            let view: FigureView = objective.measure == .availability ? .callers : .path
            let figure = conditioned.figure(named: objective.name, form: form, targets: targets, view: view)
            let possible = structural.figure(named: objective.name, form: form, targets: targets, view: view)
            let survives = possible.probability.up > 0.5
            let single = survives ? Set(possible.importance.filter { $0.birnbaum > 0.5 }.map(\.component)) : []
            let singlePoints = model.components.map(\.name).filter { single.contains($0) && !scenario.down.contains($0) }
            let before = Set(analysis.singlePointsOfFailure(objective: position))
            let recovery = ScenarioRecovery(objective, scenario: scenario, survives: survives, model: model, index: index) { name in
                guard let at = structure.indexOf[name] else { return false }
                return structural.closure(at).probability.up < 0.5
            }
            return ScenarioOutcome(objective: objective.name, measure: objective.measure, figure: figure, survives: survives,
                                   singlePointsOfFailure: singlePoints,
                                   exposedSinglePoints: singlePoints.filter { !before.contains($0) }, recovery: recovery)
        }
    }
}

/// One objective under one scenario.
package struct ScenarioOutcome: Sendable {
    public let objective: String
    public let measure: Objective.Measure
    /// The objective's figures while the scenario lasts (same view as the objective's own figure).
    public let figure: FlowFigures
    /// Whether the objective can be up at all while the scenario lasts.
    public let survives: Bool
    /// Components whose failure would now take the objective down, in model order (none when it is down already).
    public let singlePointsOfFailure: [String]
    /// Those of them that were not single points of failure before the scenario.
    public let exposedSinglePoints: [String]
    public let recovery: ScenarioRecovery
}
