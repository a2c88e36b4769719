/// How one objective's SLA figure moves when each input figure moves by ± a share: a tornado table,
/// largest swing first, with the elasticity (ΔD/D)/(Δx/x) of downtime D to the input x. Each
/// moved figure is one component's variable, so each point is exact and costs one product
/// (`AdviceEvaluator.saving`). Pure; computed in `init`.
package struct Sensitivity: Sendable {
    public let model: SystemModel
    public let objective: Objective
    /// The share each input moves by, e.g. 0.1.
    public let share: Double
    public let periodHours: Double
    /// The objective's SLA unavailability as the model stands.
    public let unavailability: Double
    /// Largest swing first.
    public let rows: [Row]

    package struct Row: Sendable {
        public let component: String
        public let field: String
        public let value: Double
        /// The objective's unavailability with the input at value × (1 − share) and × (1 + share).
        public let unavailabilityLow: Double
        public let unavailabilityHigh: Double
        /// (ΔQ/Q) / (Δx/x) over the two points: the central elasticity of downtime to the input.
        public let elasticity: Double
    }

    public init(_ analysis: AvailabilityAnalysis, objective name: String? = nil, by share: Double) {
        let model = analysis.model
        self.model = model
        self.share = share
        let index = name.flatMap { name in model.objectives.firstIndex { $0.name == name } }
            ?? Advice.leastMargin(SLAPrediction(model, full: analysis))
        let objective = model.objectives[index]
        self.objective = objective
        periodHours = model.calendar.hours(in: objective.period ?? model.period)
        let evaluator = AdviceEvaluator(model: model, structure: analysis.structure, objectiveIndex: index)
        let current = evaluator.figure(with: [])
        let q = current.probability.down
        unavailability = q
        let birnbaum = Dictionary(current.importance.map { ($0.component, $0.birnbaum) }, uniquingKeysWith: max)
        let closure = DependencyClosure.of(objective.components, in: model, index: analysis.structure.indexOf)
            .compactMap { analysis.structure.indexOf[$0] }.sorted()
        rows = closure.flatMap { SensitivityInput.inputs(of: model.components[$0]) }.map { input in
            let low = q - evaluator.saving(editing: input.component, from: current, birnbaum: birnbaum, input.scaled(1 - share))
            let high = q - evaluator.saving(editing: input.component, from: current, birnbaum: birnbaum, input.scaled(1 + share))
            let elasticity = q > 0 ? ((high - low) / q) / (2 * share) : 0
            return Row(component: input.component, field: input.field, value: input.value,
                       unavailabilityLow: low, unavailabilityHigh: high, elasticity: elasticity)
        }.sorted { lhs, rhs in
            let (left, right) = (abs(lhs.unavailabilityHigh - lhs.unavailabilityLow), abs(rhs.unavailabilityHigh - rhs.unavailabilityLow))
            return left != right ? left > right : (lhs.component, lhs.field) < (rhs.component, rhs.field)
        }
    }
}
