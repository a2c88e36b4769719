import ArgumentParser
import NinesKit

struct ObserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Measured availability from Prometheus beside the prediction, and the error budget it spent.",
        discussion: """
            Runs the PromQL each objective names in 'sli:' over the period, as instant queries at its end \
            (sum(increase(GOOD[W])) / sum(increase(TOTAL[W])), or avg_over_time((UP)[W:1m])), against the \
            one server given with --prometheus. An unreachable server, a refused query or a query without data \
            is an error (exit 2). See docs/observe.md.
            """
    )

    @OptionGroup var model: ModelOptions

    @OptionGroup var observation: ObservationOptions

    @Option(help: "Output format: \(ObserveFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ObserveFormat = .text

    func run() throws {
        let system = try loadModel(model).model
        let run = Observation(server: try observation.server(), timeout: observation.timeout, period: try observation.periodOverride(),
                              end: try observation.endTime(), since: nil)
        let observed = try run.measure(SLAPrediction(system, full: analyse(system)), judged: false)
        Terminal.write(format.renderer().render(ObserveReportBuilder.report(system, server: run.server.display, end: run.endText, observed: observed)))
    }
}
