import ArgumentParser
import NinesKit

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What losing a zone, a region or a provider does to each objective: availability, recovery, data at risk.",
        discussion: "Runs the model's 'scenarios:' (or only those named with --scenario), or one ad-hoc scenario given with --down."
    )

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("down"), help: "Take these components down (repeat the option): an ad-hoc scenario instead of the model's.")
    var down: [String] = []

    @Option(name: .customLong("scenario"), help: "Run only this scenario of the model (repeat the option).")
    var only: [String] = []

    @Option(help: "Output format: \(ScenarioFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ScenarioFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (replaced whole, never half-written) instead of stdout.")
    var output: String?

    func validate() throws {
        if !down.isEmpty && !only.isEmpty { throw ValidationError("give --down or --scenario, not both") }
    }

    func run() throws {
        let system = try loadModel(model).model
        let scenarios = try ScenarioSelection.scenarios(of: system, down: down, only: only)
        let base = SLAPrediction(system).inScope
        let report = ScenarioReportBuilder.report(scenarios.map { ScenarioAnalysis($0, base: base) }, system: system.name,
                                                  adHoc: !down.isEmpty)
        try OutputFile.emit(format.renderer().render(report), to: output)
    }
}

/// `nines scenario --format`.
enum ScenarioFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown

    func renderer() -> any ReportRenderer<ScenarioReport> {
        switch self {
        case .text: SanitizedRenderer(ScenarioTextRenderer())
        case .json: JSONRenderer()
        case .markdown: SanitizedRenderer(ScenarioMarkdownRenderer())
        }
    }
}

/// Which scenarios a run asks for; a name that matches nothing is refused with a "did you mean".
enum ScenarioSelection {
    static func scenarios(of model: SystemModel, down: [String], only: [String]) throws -> [Scenario] {
        if !down.isEmpty {
            let names = model.components.map(\.name)
            for name in down where model.component(named: name) == nil {
                throw ValidationError("--down names unknown component '\(name)'" + Suggestion.hint(for: name, in: names))
            }
            var unique: [String] = []
            for name in down where !unique.contains(name) { unique.append(name) }
            return [Scenario(name: "down: " + unique.joined(separator: ", "), down: unique)]
        }
        let names = model.scenarios.map(\.name)
        for name in only where !names.contains(name) {
            throw ValidationError("--scenario names unknown scenario '\(name)'" + Suggestion.hint(for: name, in: names)
                                  + (names.isEmpty ? " (the model has no 'scenarios:')" : ""))
        }
        return only.isEmpty ? model.scenarios : model.scenarios.filter { only.contains($0.name) }
    }
}
