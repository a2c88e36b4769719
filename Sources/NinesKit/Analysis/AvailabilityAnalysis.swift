/// Exact steady-state figures for a model: every component (with what it needs), every objective
/// and the whole system. Pure: reads the model, never prints, never throws.
public struct AvailabilityAnalysis {
    public let model: SystemModel
    public let structure: CompiledStructure
    /// Own (replicas and common cause) figures of each component, by component index.
    public let own: [OwnAvailability]
    /// Probability of each BDD variable (by level).
    public let variables: [Probability]
    public let nodes: NodeProbabilities

    /// - Parameter perfect: components treated as never failing (e.g. customer-responsible ones
    ///   excluded from an SLA figure).
    public init(_ model: SystemModel, structure: CompiledStructure? = nil, treatingAsPerfect perfect: Set<String> = []) {
        self.model = model
        let structure = structure ?? CompiledStructure(model)
        self.structure = structure
        let own = model.components.map { component in
            perfect.contains(component.name) ? OwnAvailability(probability: .perfect, frequency: 0) : OwnAvailability(component)
        }
        self.own = own
        let variables = structure.componentAtLevel.map { own[$0].probability }
        self.variables = variables
        nodes = NodeProbabilities(structure.bdd, variables: variables)
    }

    /// Availability of a component together with its whole dependency closure.
    public func closure(of name: String) -> Probability? {
        structure.indexOf[name].map { nodes[structure.closure[$0]] }
    }

    /// Figures of "all these components up" (an objective's front door or path, or the system).
    /// Builds new diagram nodes, so the node probabilities are recomputed for it.
    public func figure(named name: String, requiring components: [String]) -> FlowFigures {
        let root = structure.allUp(components)
        let nodes = Int(root) < self.nodes.up.count ? self.nodes : NodeProbabilities(structure.bdd, variables: variables)
        return figure(named: name, root: root, nodes: nodes)
    }

    /// The whole system: every root component (one nothing depends on) up.
    public func system() -> FlowFigures {
        figure(named: model.name, root: structure.system, nodes: nodes)
    }

    /// The figures of objective number `index` (in model order).
    public func objective(_ index: Int) -> FlowFigures {
        figure(named: model.objectives[index].name, root: structure.objectives[index], nodes: nodes)
    }

    func figure(named name: String, root: BDD.Ref, nodes: NodeProbabilities) -> FlowFigures {
        let probability = nodes[root]
        let birnbaum = structure.bdd.birnbaum(root: root, variables: variables, nodes: nodes)
        var importances: [Importance] = []
        var frequency = 0.0
        var missingRates: [String] = []
        for level in birnbaum.indices where birnbaum[level] > 0 {
            let index = structure.componentAtLevel[level]
            let component = model.components[index]
            importances.append(Importance(component: component.name, layer: component.layer, birnbaum: birnbaum[level],
                                          own: own[index].probability, figure: probability))
            if let w = own[index].frequency {
                frequency += birnbaum[level] * w
            } else if own[index].probability.down > 0 {
                missingRates.append(component.name)
            }
        }
        return FlowFigures(name: name, probability: probability, frequency: missingRates.isEmpty ? frequency : nil,
                           importance: Importance.ranked(importances), componentsWithoutRates: missingRates.sorted(),
                           diagramSize: structure.bdd.size(of: root))
    }
}

/// Exact figures for one thing the system must do.
public struct FlowFigures: Hashable, Sendable {
    public let name: String
    public let probability: Probability
    /// Outages per hour (w = Σ I_B(i)·w_i); nil when a contributing component has no failure rate.
    public let frequency: Double?
    /// Components ranked by how much unavailability they contribute.
    public let importance: [Importance]
    /// Contributing components with an availability but no repair time, so no known failure rate.
    public let componentsWithoutRates: [String]
    /// Number of BDD nodes of this figure's structure function.
    public let diagramSize: Int

    /// Mean time between outages (mean up time), hours: A / w.
    public var mtbf: Double? { frequency.flatMap { $0 > 0 ? probability.up / $0 : nil } }
    /// Mean down time per outage, hours: Q / w.
    public var meanDownTime: Double? { frequency.flatMap { $0 > 0 ? probability.down / $0 : nil } }
}
