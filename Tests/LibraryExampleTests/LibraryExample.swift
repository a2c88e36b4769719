import NinesKit

/// Each objective's availability and the method that computed it, one line per objective.
func objectiveAvailabilities(of yaml: String, file: String = "model.yaml") throws(DiagnosticError) -> [String] {
    let model = try ModelLoader.load(text: yaml, file: file)
    let analysis = AvailabilityAnalysis(model)
    return analysis.objectives.map { objective in
        "\(objective.name): \(objective.probability.up * 100)% (\(objective.method.rawValue))"
    }
}

/// Prints those lines, or every problem in the model as file:line:column: error: message.
func printObjectiveAvailabilities(of yaml: String) {
    do {
        for line in try objectiveAvailabilities(of: yaml) { print(line) }
    } catch {
        for diagnostic in error.diagnostics { print(diagnostic) }
    }
}
