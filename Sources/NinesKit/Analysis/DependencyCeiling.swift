/// The most an objective can promise given what the other teams it depends on promise
/// (components with `slo:` or `from:`): its availability with every other component perfect.
/// Where SLO tools average or take the minimum of measured values, this composes the promises
/// through the structure (series, redundancy, shared dependencies) exactly. Pure.
package struct DependencyCeiling: Hashable, Sendable {
    /// The availability the promised dependencies allow the objective.
    public let ceiling: Probability
    /// The promised components on the objective, in model order.
    public let promised: [PromisedDependency]

    /// The objective's target asks for more than the ceiling (a relative 1e-12 spared for the
    /// rounding of equal figures: a service may promise exactly what its dependency promises).
    public func exceeded(by target: Probability) -> Bool {
        target.down < ceiling.down * (1 - 1e-12)
    }

    /// One ceiling per objective (nil for objectives with no promised dependency); empty when the
    /// model has no promise at all, so no analysis is run.
    static func ceilings(_ model: SystemModel, structure: CompiledStructure, index: [String: Int]) -> [DependencyCeiling?] {
        let promised = model.components.filter { $0.promise != nil }
        guard !promised.isEmpty else { return [] }
        let others = Set(model.components.map(\.name)).subtracting(promised.map(\.name))
        let analysis = AvailabilityAnalysis(model, structure: structure, treatingAsPerfect: others)
        return model.objectives.indices.map { position in
            let closure = Set(DependencyClosure.of(model.objectives[position].components, in: model, index: index))
            let relevant = promised.filter { closure.contains($0.name) }
            guard !relevant.isEmpty else { return nil }
            return DependencyCeiling(ceiling: analysis.objective(position).probability,
                                     promised: relevant.compactMap { component in
                                         component.promise.map { PromisedDependency(component: component.name, promise: $0) }
                                     })
        }
    }
}

/// One dependency of an objective that is another team's promise.
package struct PromisedDependency: Hashable, Sendable {
    public let component: String
    public let promise: DependencyPromise
}
