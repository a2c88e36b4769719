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

    func validate() throws {
        _ = try margin()
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
        let report = CheckReportBuilder.checkReport(SLAPrediction(system, full: analyse(system)), minMargin: try margin(), rules: rules)
        try OutputFile.emit(format.renderer(colour: output == nil && Terminal.stdoutIsColourTerminal).render(report), to: output)
        if !report.holds { throw ExitCode(ExitStatus.fallsShort) }
    }
}
