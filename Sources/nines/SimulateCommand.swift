import ArgumentParser
import Foundation
import NinesKit

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Monte Carlo simulation: downtime per period, chance of meeting each target, outages.",
        discussion: "The same --seed gives the same numbers whatever --threads is. See docs/simulation.md."
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var simulation: SimulationOptions

    @Option(help: "Output format: \(SimulationFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: SimulationFormat = .text

    @Option(name: [.short, .long], help: "Write the result to this file (replaced whole, never half-written) instead of stdout.",
            completion: .outputFile)
    var output: String?

    func run() throws {
        let system = try loadModel(model).model
        let report = try simulation.run(system)
        let renderer = format.renderer(colour: output == nil && Terminal.stdoutIsColourTerminal)
        try OutputFile.emit(renderer.render(report), to: output)
    }
}

/// The simulation options shared by `simulate` and `report --simulate`.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Periods of the model to simulate (1 to 1e9; default 100000, fewer when that many would take over a minute).")
    var periods: Int?

    @Option(help: "Random seed (a whole number from 0 to 2^64 − 1).")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: all cores); the results do not depend on it.")
    var threads: Int?

    @Option(help: "Stop once P(meet target) is known to ± this (e.g. 0.001), checked every 1200 periods.")
    var precision: Double?

    @Option(name: .customLong("assume-mttr"), help: "Repair time for components given only an availability (default 1h).")
    var assumeMTTR: String?

    func validate() throws {
        if let periods, !SimulationSettings.periodRange.contains(periods) {
            throw ValidationError("--periods must be from 1 to 1000000000, found \(periods)")
        }
        if let threads, !SimulationSettings.threadRange.contains(threads) {
            throw ValidationError("--threads must be from 1 to 1024, found \(threads)")
        }
        if let precision, !(precision > 0 && precision <= 0.5) {
            throw ValidationError("--precision must be in (0, 0.5], a half-width on a probability, found \(precision)")
        }
        _ = try assumedRepairHours()
    }

    func assumedRepairHours() throws -> Double {
        guard let assumeMTTR else { return 1 }
        switch QuantityParser.duration(assumeMTTR, positive: true) {
        case .success(let hours): return hours
        case .failure(let failure): throw ValidationError("--assume-mttr must be \(failure.expected), found '\(assumeMTTR)'")
        }
    }

    /// Runs the simulation with a progress bar on stderr when it is a terminal; a refusal exits 2.
    /// The exact figures beside the simulated ones come from `analysis` (the command's one
    /// compilation), or from the objectives' analysis compiled here once the run is accepted.
    func run(_ model: SystemModel, analysis: AvailabilityAnalysis? = nil) throws -> SimulationReport {
        let repair = try assumedRepairHours()
        let simulation = MonteCarloSimulation(model, assumedRepairHours: repair)
        let chosen = periods ?? simulation.defaultPeriods()
        if periods == nil && chosen < SimulationSettings().periods {
            Terminal.error("note: \(SimulationSettings().periods) \(model.period.name)s would take about "
                           + String(format: "%.1e", simulation.estimatedEvents(periods: SimulationSettings().periods))
                           + " events; simulating \(chosen) (ask for more with --periods)")
        }
        var settings = SimulationSettings(periods: chosen, seed: seed, precision: precision, assumedRepairHours: repair)
        if let threads { settings.threads = threads }
        let bar = Terminal.stderrIsTerminal ? ProgressBar() : nil
        defer { bar?.finish() }
        try simulation.check(settings)   // a refusal reaches withDiagnostics: exit 2, before anything compiles
        let outcome = try simulation.run(settings) { bar?.show($0) }
        return ReportBuilder.simulationReport(outcome, analysis: analysis ?? AvailabilityAnalysis(model, scope: .objectivesOnly))
    }
}

/// A one-line progress bar redrawn on stderr (only used when stderr is a terminal).
final class ProgressBar {
    private var shown = -1

    func show(_ fraction: Double) {
        let percent = Int((fraction * 100).rounded(.down))
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
        StandardStream.error.write("\r  simulating \(bar) \(percent)%")
    }

    func finish() {
        if shown >= 0 { StandardStream.error.write("\r\u{1B}[K") }
    }
}
