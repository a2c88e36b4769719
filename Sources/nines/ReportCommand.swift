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

    func run() throws {
        let system = try loadModel(model)
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(system))
        if simulate { report.simulation = try simulation.run(system) }
        switch format {
        case .text: Terminal.write(TextReportRenderer(colour: Terminal.stdoutIsColourTerminal, topContributors: top).render(report))
        case .json: Terminal.write(JSONReportRenderer.render(report))
        }
    }
}
