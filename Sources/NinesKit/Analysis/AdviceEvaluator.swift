/// Evaluates one objective's SLA figure (excluded components perfect, as `SLAPrediction` counts
/// them) for a model with design changes made, on the structure compiled once: a change to a
/// component's figures, replicas, failover, masking or responsibility is a new probability of its
/// one BDD variable, so nothing is compiled again and only the changed components' figures are
/// recomputed. A change to one component needs not even that: the figure is linear in each
/// variable, so with Birnbaum's I_B = Q(i down) − Q(i up) of the exact figure, the change saves
/// exactly I_B · (q_i − q_i′) — one product per candidate (`saving(of:)`).
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

    /// The downtime share (unavailability) one change saves: I_B · (q_i − q_i′) when the figure is
    /// exact and the change touches one component, else the difference of two evaluations.
    func saving(of change: DesignChange, from current: FlowFigures, birnbaum: [String: Double]) -> Double {
        saving(editing: change.component, from: current, birnbaum: birnbaum, change.edit)
    }

    /// As `saving(of:from:birnbaum:)` for any edit of the one component `name`.
    func saving(editing name: String, from current: FlowFigures, birnbaum: [String: Double],
                _ edit: (inout Component) -> Void) -> Double {
        guard let index = structure.indexOf[name] else { return 0 }
        var component = model.components[index]
        edit(&component)   // the component alone: copying the model per candidate costs O(n)
        let changed = Self.slaFigures(component)
        if current.method == .exact {
            return (birnbaum[name] ?? 0) * (variable(baseline[index]).down - variable(changed).down)
        }
        var figures = baseline
        figures[index] = changed
        return current.probability.down - figure(figures).probability.down
    }

    private func variable(_ figures: EffectiveAvailability) -> Probability {
        view == .callers ? figures.masked.probability : figures.effective.probability
    }

    /// The objective's figure with `changes` made together.
    func figure(with changes: [DesignChange]) -> FlowFigures {
        var changed: [Int: Component] = [:]
        for change in changes {
            guard let index = structure.indexOf[change.component] else { continue }
            change.edit(&changed[index, default: model.components[index]])
        }
        var figures = baseline
        for (index, component) in changed { figures[index] = Self.slaFigures(component) }
        return figure(figures)
    }

    /// The objective's figure with the components at `indices` perfect.
    func figure(perfect indices: Set<Int>) -> FlowFigures {
        figure(baseline.indices.map { indices.contains($0) ? .perfect : baseline[$0] })
    }

    private func figure(_ figures: [EffectiveAvailability]) -> FlowFigures {
        figure(CompiledFigures(structure, effective: figures))
    }

    /// The objective's figure on figures already evaluated (one `CompiledFigures` serves every
    /// objective of a model with the same component figures).
    func figure(_ compiled: CompiledFigures) -> FlowFigures {
        compiled.figure(named: model.objectives[objectiveIndex].name, form: structure.objectives[objectiveIndex], targets: targets, view: view)
    }
}
