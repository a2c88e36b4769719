import ArgumentParser
import NinesKit

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What losing a zone, a region or a provider does to each objective: availability, recovery, data at risk.",
        discussion: "Runs the model's 'scenarios:', or those named with --scenario; --down adds an ad-hoc scenario "
            + "(alone, it replaces the model's)."
    )

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("down"), help: "Take these components down (repeat the option): an ad-hoc scenario instead of the model's.")
    var down: [String] = []

    @Option(name: .customLong("scenario"), help: "Run only this scenario of the model (repeat the option).")
    var only: [String] = []

    @Option(help: "Output format: \(ScenarioFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ScenarioFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (replaced whole, never half-written) instead of stdout.",
            completion: .outputFile)
    var output: String?

    func run() throws {
        let system = try loadModel(model).model
        let scenarios = try ScenarioSelection.scenarios(of: system, down: down, only: only)
        let base = SLAPrediction(system, full: analyse(system)).inScope
        let report = ScenarioReportBuilder.report(scenarios.map { ScenarioAnalysis($0, base: base) }, system: system.name,
                                                  adHocFrom: scenarios.count - (down.isEmpty ? 0 : 1))
        try OutputFile.emit(format.renderer().render(report), to: output)
    }
}

/// `nines scenario --format`.
enum ScenarioFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, markdown

    func renderer() -> any ReportRenderer<ScenarioReport> { ReportRenderers.scenario(output) }
}

/// Which scenarios a run asks for; a name that matches nothing is refused with a "did you mean".
enum ScenarioSelection {
    /// The scenarios of the model named in `only` (all of them when neither option is given), then
    /// the ad-hoc one of `down`.
    static func scenarios(of model: SystemModel, down: [String], only: [String]) throws -> [Scenario] {
        let names = model.scenarios.map(\.name)
        for name in only where !names.contains(name) {
            throw ValidationError("--scenario names unknown scenario '\(name)'" + Suggestion.hint(for: name, in: names)
                                  + (names.isEmpty ? " (the model has no 'scenarios:')" : ""))
        }
        let chosen = only.isEmpty && !down.isEmpty ? [] : only.isEmpty ? model.scenarios : model.scenarios.filter { only.contains($0.name) }
        return try chosen + adHoc(down, in: model)
    }

    private static func adHoc(_ down: [String], in model: SystemModel) throws -> [Scenario] {
        guard !down.isEmpty else { return [] }
        let names = model.components.map(\.name)
        for name in down where model.component(named: name) == nil {
            throw ValidationError("--down names unknown component '\(name)'" + Suggestion.hint(for: name, in: names))
        }
        var unique: [String] = []
        for name in down where !unique.contains(name) { unique.append(name) }
        return [Scenario(name: "down: " + unique.joined(separator: ", "), down: unique)]
    }
}
