/// Evaluates one objective's SLA figure (excluded components perfect, as `SLAPrediction` counts
/// them) for a model with design changes made, on the structure compiled once: a change to a
/// component's figures, replicas, failover, masking or responsibility is a new probability of its
/// one BDD variable, so nothing is compiled again and only the changed components' figures are
/// recomputed. A change to one component needs not even that: the figure is linear in each
/// variable, so with Birnbaum's I_B = Q(i down) − Q(i up) of the exact figure, the change saves
/// exactly I_B · (q_i − q_i′) — one product per candidate (`saving(of:)`). A structural change
/// (`DesignChange.isStructural`) is evaluated on the model loaded again with its overrides, as
/// `nines report --set` does, through `reload`.
struct AdviceEvaluator {
    let model: SystemModel
    let structure: CompiledStructure
    let objectiveIndex: Int
    /// Each component's figures in the SLA view (excluded ones perfect), by component index.
    let baseline: [EffectiveAvailability]
    private let targets: [Int]
    private let view: FigureView
    /// The model loaded again with these overrides on top of its own; nil when it cannot be (or
    /// the caller gave no files to load), and then structural changes save nothing.
    let reload: AdviceReload?

    init(model: SystemModel, structure: CompiledStructure, objectiveIndex: Int, reload: AdviceReload? = nil) {
        self.model = model
        self.reload = reload
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
        guard let edit = change.edit else {
            return reloaded(with: [change]).map { current.probability.down - $0.probability.down } ?? 0
        }
        return saving(editing: change.component, from: current, birnbaum: birnbaum, edit)
    }

    /// The objective's figure on the model loaded again with every change's overrides.
    private func reloaded(with changes: [DesignChange]) -> FlowFigures? {
        let name = model.objectives[objectiveIndex].name
        guard let changed = reload?(changes.flatMap(\.set)),
              let index = changed.objectives.firstIndex(where: { $0.name == name }) else { return nil }
        return SLAPrediction(changed).objectives[index].figure
    }

    /// An evaluator of the model loaded again with `changes`' overrides and compiled once: further
    /// changes of one figure each are then evaluated on it as on this model. Nil when the model
    /// cannot be loaded again.
    func reloaded(applying changes: [DesignChange]) -> AdviceEvaluator? {
        let name = model.objectives[objectiveIndex].name
        guard let changed = reload?(changes.flatMap(\.set)),
              let index = changed.objectives.firstIndex(where: { $0.name == name }) else { return nil }
        return AdviceEvaluator(model: changed, structure: CompiledStructure(changed), objectiveIndex: index)
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
        if changes.contains(where: \.isStructural), let figure = reloaded(with: changes) { return figure }
        var changed: [Int: Component] = [:]
        for change in changes {
            guard let edit = change.edit, let index = structure.indexOf[change.component] else { continue }
            edit(&changed[index, default: model.components[index]])
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

/// Loads the model again with more overrides (`PATH=VALUE`) after its own: what `nines report --set`
/// reads. Nil when the overrides do not give a valid model.
package typealias AdviceReload = ([String]) -> SystemModel?
