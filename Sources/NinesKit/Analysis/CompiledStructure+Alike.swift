extension CompiledStructure {
    /// Whether `other` compiles to the very structure `model` compiles to, so that `model`'s
    /// compiled structure evaluates `other`'s figures exactly as compiling `other` would (the same
    /// diagram in the same variable order, to the last bit): the same components in the same
    /// order and layers, the same dependencies, roots and objectives, and the same choice of the
    /// fault-tree order (`VariableOrder.retry`, which also reads whether the junctions are
    /// perfect). A change to figures, replicas, failover or windows only keeps the structure; one
    /// to what depends on what does not.
    static func compilesAlike(_ model: SystemModel, _ other: SystemModel) -> Bool {
        guard model.components.count == other.components.count,
              zip(model.components, other.components).allSatisfy({ $0.name == $1.name && $0.layer == $1.layer }),
              model.objectives.map(\.components) == other.objectives.map(\.components),
              VariableOrder.isFaultTree(model) == VariableOrder.isFaultTree(other) else { return false }
        let (order, otherOrder) = (ComponentOrder(model), ComponentOrder(other))
        return order.roots == otherOrder.roots && order.dependencies == otherOrder.dependencies
    }
}
