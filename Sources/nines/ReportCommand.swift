import ArgumentParser
import NinesKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Availability per objective and for the whole system, downtime, MTBF and top contributors."
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: "Contributors listed per figure in text output.")
    var top: Int = 5

    @Flag(help: "Add Monte Carlo figures (downtime spread, chance of meeting each target); see 'nines simulate'.")
    var simulate = false

    @OptionGroup(title: "Simulation (with --simulate)") var simulation: SimulationOptions

    @Option(help: "FMEA worksheet whose top risks to add (default: the model file's own 'failure_modes:', if any).")
    var fmea: String?

    @Option(name: .customLong("top-risks"), help: "Failure modes listed under 'ranked risks'.")
    var topRisks: Int = 10

    func run() throws {
        let system = try loadModel(model)
        let worksheet = try fmea.map { try loadWorksheet($0).worksheet } ?? embeddedWorksheet(model.files, system)
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(system), worksheet: worksheet, topRisks: topRisks)
        if simulate { report.simulation = try simulation.run(system) }
        switch format {
        case .text: Terminal.write(TextReportRenderer(colour: Terminal.stdoutIsColourTerminal, topContributors: top).render(report))
        case .json: Terminal.write(JSONReportRenderer.render(report))
        }
    }
}

extension ReportCommand {
    /// The failure modes written in the model files themselves, if any.
    func embeddedWorksheet(_ files: [String], _ system: SystemModel) throws -> FMEAWorksheet? {
        do {
            return try WorksheetLoader.embedded(in: files, model: system)
        } catch {
            Terminal.report(error)
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
