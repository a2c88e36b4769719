/// Evaluates one objective's SLA figure (excluded components perfect, as `SLAPrediction` counts
/// them) for a model with design changes made, on the structure compiled once: a change to a
/// component's figures, replicas, failover, masking or responsibility is a new probability of its
/// one BDD variable, so nothing is compiled again and only the changed components' figures are
/// recomputed.
struct AdviceEvaluator {
    let model: SystemModel
    let structure: CompiledStructure
    let objectiveIndex: Int
    /// Each component's figures in the SLA view (excluded ones perfect), by component index.
    let baseline: [EffectiveAvailability]
    private let targets: [Int]
    private let view: FigureView

    init(model: SystemModel, structure: CompiledStructure, objectiveIndex: Int) {
        self.model = model
        self.structure = structure
        self.objectiveIndex = objectiveIndex
        baseline = model.components.map(Self.slaFigures)
        targets = model.objectives[objectiveIndex].components.compactMap { structure.indexOf[$0] }
        view = model.objectives[objectiveIndex].measure == .availability ? .callers : .path
    }

    static func slaFigures(_ component: Component) -> EffectiveAvailability {
        component.responsibility.countsAgainstSLA ? EffectiveAvailability(component) : .perfect
    }

    /// The objective's figure with `changes` made together.
    func figure(with changes: [DesignChange]) -> FlowFigures {
        var changed = model
        for change in changes { changed = change.applied(to: changed) }
        var figures = baseline
        for name in Set(changes.map(\.component)) {
            guard let index = structure.indexOf[name] else { continue }
            figures[index] = Self.slaFigures(changed.components[index])
        }
        return figure(figures)
    }

    /// The objective's figure with the components at `indices` perfect.
    func figure(perfect indices: Set<Int>) -> FlowFigures {
        figure(baseline.indices.map { indices.contains($0) ? .perfect : baseline[$0] })
    }

    private func figure(_ figures: [EffectiveAvailability]) -> FlowFigures {
        CompiledFigures(structure, effective: figures)
            .figure(named: model.objectives[objectiveIndex].name, form: structure.objectives[objectiveIndex], targets: targets, view: view)
    }
}
