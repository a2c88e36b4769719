import ArgumentParser
import NinesKit

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What losing a zone, a region or a provider does to each objective: availability, recovery, data at risk.",
        discussion: "Runs the model's 'scenarios:', or those named with --scenario; --down adds an ad-hoc scenario "
            + "(alone, it replaces the model's). --format chaos-mesh or litmus writes, into the folder -o DIR, one experiment "
            + "manifest per scenario whose components have a 'selector:', annotated with the prediction. --observed compares "
            + "what experiments saw (nines observation files, Litmus ChaosResults, Chaos Mesh experiments with their status) "
            + "with the prediction and the policies; it exits 1 when an objective did worse than predicted or a policy limit was broken."
    )

    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("down"), help: "Take these components down (repeat the option): an ad-hoc scenario instead of the model's.")
    var down: [String] = []

    @Option(name: .customLong("scenario"), help: "Run only this scenario of the model (repeat the option).")
    var only: [String] = []

    @Option(name: .customLong("observed"), parsing: .upToNextOption,
            help: "Compare these experiment results with the prediction (files or folders; see docs/scenarios.md).",
            completion: .file(extensions: ["yaml", "yml", "json"]))
    var observed: [String] = []

    @Option(help: "Output format: \(ScenarioFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ScenarioFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (replaced whole, never half-written) instead of stdout; with --format chaos-mesh or litmus, the folder for the manifests (required).",
            completion: .outputFile)
    var output: String?

    func validate() throws {
        if !observed.isEmpty, format.manifestWriter != nil || !down.isEmpty || !only.isEmpty {
            throw ValidationError("--observed reports in text, json or markdown, on the scenarios the results name (no --down or --scenario)")
        }
    }

    func run() throws {
        let system = try loadModel(model).model
        let scenarios = try ScenarioSelection.scenarios(of: system, down: down, only: only)
        let base = SLAPrediction(system, full: analyse(system)).inScope
        if !observed.isEmpty { return try compare(system, base: base) }
        let report = ScenarioReportBuilder.report(scenarios.map { ScenarioAnalysis($0, base: base) }, system: system.name,
                                                  adHocFrom: scenarios.count - (down.isEmpty ? 0 : 1))
        guard let writer = format.manifestWriter else {
            try OutputFile.emit(format.renderer()!.render(report), to: output)
            return
        }
        guard let output else {
            throw ValidationError("--format \(format.rawValue) writes one file per scenario: give the folder with -o DIR")
        }
        let plan = ChaosExperimentPlanBuilder.plan(report, model: system)
        guard !plan.experiments.isEmpty else {
            throw ValidationError("no scenario takes down a component with a 'selector:' (the Kubernetes pods or external host it stands for), "
                                  + "so there is no experiment to write; see docs/kubernetes.md")
        }
        for name in plan.unmapped { Terminal.error("skipped scenario '\(name)': none of its components has a 'selector:'") }
        let files = writer(plan)
        try ManifestFolder.write(files, into: output)
        Terminal.error("wrote \(files.count) experiment\(files.count == 1 ? "" : "s") to \(output): " + files.map(\.name).joined(separator: ", "))
    }

    /// `--observed`: each observed scenario's prediction against what the experiments saw.
    private func compare(_ system: SystemModel, base: AvailabilityAnalysis) throws {
        let predicted = ScenarioReportBuilder.report(system.scenarios.map { ScenarioAnalysis($0, base: base) }, system: system.name)
        let names = ScenarioObservationReader.Names(
            scenarios: system.scenarios.map(\.name), objectives: system.objectives.map(\.name),
            experiments: ChaosManifestText.scenarioOfObject(ChaosExperimentPlanBuilder.plan(predicted, model: system)))
        let observations = try ScenarioObservationReader.read(paths: observed, names: names, options: model.inputLimit.loadOptions)
        let report = ObservedScenarioReportBuilder.report(ObservedScenario.all(observations, model: system, base: base), system: system.name)
        try OutputFile.emit(ReportRenderers.observedScenario(format.output).render(report), to: output)
        if !report.holds { throw ExitCode(ExitStatus.fallsShort) }
    }
}

/// `nines scenario --format`.
enum ScenarioFormat: String, ExpressibleByArgument, CommandFormat {
    case text, json, markdown
    case chaosMesh = "chaos-mesh", litmus

    /// The report's renderer; nil for the experiment formats, which write files.
    func renderer() -> (any ReportRenderer<ScenarioReport>)? { manifestWriter == nil ? ReportRenderers.scenario(output) : nil }

    /// The experiment formats' writer: the manifests of each scenario.
    var manifestWriter: ((ChaosExperimentPlan) -> [ChaosManifestFile])? {
        switch self {
        case .text, .json, .markdown: nil
        case .chaosMesh: ChaosMeshWriter.files
        case .litmus: LitmusWriter.files
        }
    }
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
