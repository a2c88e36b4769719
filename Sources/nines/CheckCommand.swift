import ArgumentParser
import NinesKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The CI gate: every objective, recovery objective and risk rule; exit 0 when all hold, 1 when any falls short, 2 on invalid input."
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "Output format (github: Actions annotations; junit: JUnit XML; sarif: SARIF 2.1.0).")
    var format: CheckFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (replaced whole, never written through a link) instead of stdout.",
            completion: .outputFile)
    var output: String?

    @Option(name: .customLong("min-margin"),
            help: "Share of each error budget that must stay unspent, e.g. '10%' or '0.1' (default 0).")
    var minMargin: String?

    @Option(help: "FMEA worksheet for the risk rule (default: the model file's own 'failure_modes:', if any).", completion: .yamlFile)
    var fmea: String?

    @Option(name: .customLong("fail-on-open"),
            help: "Fail when a failure mode is still open with at least this action priority: H (default), M, L, or 'none' to skip the rule.")
    var failOnOpen: String = "H"

    @Flag(name: .customLong("budget-left"),
          help: "Also gate on the error budget left this period: what Prometheus measured since --since, plus the model's prediction for the rest of the period (docs/observe.md).")
    var budgetLeft = false

    @OptionGroup(title: "Budget left (with --budget-left)") var observation: ObservationOptions

    @Option(help: ArgumentHelp("Start of the current period, ISO 8601 with a zone (default: one period before --end).", valueName: "time"))
    var since: String?

    @Option(name: .customLong("freeze-below"),
            help: ArgumentHelp("Fail every change while less than this share of an error budget is left, e.g. '25%' (default 0).", valueName: "share"))
    var freezeBelow: String?

    func validate() throws {
        _ = try margin()
        _ = try freezeThreshold()
        if budgetLeft {
            _ = try observation.server()
            if let since { _ = try ObservationOptions.time(since, option: "--since") }
        } else if observation.prometheus != nil || observation.period != nil || observation.end != nil || since != nil || freezeBelow != nil {
            throw ValidationError("--prometheus, --period, --end, --since and --freeze-below go with --budget-left")
        }
        if failOnOpen != "none" && ActionPriority(rawValue: failOnOpen) == nil {
            throw ValidationError("--fail-on-open must be H, M, L or none, found '\(failOnOpen)'")
        }
    }

    func margin() throws -> Double {
        guard let minMargin else { return 0 }
        guard case .success(let share) = QuantityParser.fraction(minMargin), share.up < 1 else {
            throw ValidationError("--min-margin must be a percentage in [0, 100)% or a fraction in [0, 1), found '\(minMargin)'")
        }
        return share.up
    }

    func freezeThreshold() throws -> Double {
        guard let freezeBelow else { return 0 }
        guard case .success(let share) = QuantityParser.fraction(freezeBelow), share.up <= 1 else {
            throw ValidationError("--freeze-below must be a percentage in [0, 100]% or a fraction in [0, 1], found '\(freezeBelow)'")
        }
        return share.up
    }

    func run() throws {
        do {
            try check()
        } catch let error as any DiagnosticConvertible {
            // A CI format carries the errors too, so the pipeline's annotations, test report or
            // PR comment say why nothing was checked; withDiagnostics prints them and exits 2.
            if let renderer = format.inputErrorRenderer {
                try OutputFile.emit(renderer.render(InputErrorReport(sources: model.files + (fmea.map { [$0] } ?? []),
                                                                     diagnostics: DiagnosticFlood.limited(error.diagnostics))), to: output)
            }
            throw error
        }
    }

    private func check() throws {
        // With --fail-on-open none no rule reads failure modes, so none are loaded.
        let threshold = ActionPriority(rawValue: failOnOpen)
        let loaded = try loadModel(model, failureModes: threshold == nil ? .none : fmea.map { .worksheet($0) } ?? .embedded)
        let system = loaded.model
        var rules: [any RiskRule] = [IdempotencyRule()]
        if let threshold, let worksheet = loaded.worksheet {
            rules.append(OpenRiskRule(worksheet: worksheet, threshold: threshold))
        }
        let prediction = SLAPrediction(system, full: analyse(system))
        var report = CheckReportBuilder.checkReport(prediction, minMargin: try margin(), rules: rules)
        if budgetLeft {
            let run = Observation(server: try observation.server(), timeout: observation.timeout, period: try observation.periodOverride(),
                                  end: try observation.endTime(), since: try since.map { try ObservationOptions.time($0, option: "--since") })
            report.results += BudgetLeftCheckResults.results(try run.measure(prediction, judged: true), freezeBelow: try freezeThreshold())
        }
        try OutputFile.emit(format.renderer(colour: output == nil && Terminal.stdoutIsColourTerminal).render(report), to: output)
        KeptUntilExit.keep(loaded, prediction, report)
        if !report.holds { throw ExitCode(ExitStatus.fallsShort) }
    }
}
