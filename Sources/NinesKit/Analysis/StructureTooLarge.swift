/// A model whose exact structure is beyond `CompiledStructure.closureNodeBudget(for:)`: building the
/// diagram of one component's closure (or of one objective) passed the budget. Hostile or
/// degenerate models do this (many redundancy groups whose members share many components multiply
/// the cases); the CLI reports it at the component instead of running for hours.
public struct StructureTooLarge: Error, Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        /// The closure of the component with this index (model order).
        case component(Int)
        /// The diagram of the objective with this index (model order).
        case objective(Int)
    }

    public let part: Part
    /// The node budget that was passed (or four times as many steps).
    public let budget: Int
}

extension StructureTooLarge {
    /// The error as a diagnostic at the component or objective in its model file.
    public func diagnostic(in model: SystemModel) -> DiagnosticError {
        let cause = "redundancy groups whose members share many components multiply the cases; "
            + "simplify those groups, or split the model"
        switch part {
        case .component(let index):
            let component = model.components[index]
            return DiagnosticError([Diagnostic(at: component.location, "'\(component.name)' and what it needs are too large to "
                + "evaluate exactly: its decision diagram passed \(budget) nodes or \(CompiledStructure.closureStepsPerNode * budget) "
                + "steps (\(cause))", length: component.name.count)])
        case .objective(let index):
            let objective = model.objectives[index]
            return DiagnosticError([Diagnostic(at: objective.location, "objective '\(objective.name)' is too large to evaluate "
                + "exactly: its decision diagram passed \(budget) nodes or \(CompiledStructure.closureStepsPerNode * budget) "
                + "steps (\(cause))", length: objective.name.count)])
        }
    }
}
