import ArgumentParser
import NinesKit

/// `nines incidents`: an incident log held against the model, and with `--update` an overlay of
/// posterior figures.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "Hold an incident log (CSV) against the model: observed failure rates and MTTRs with 90 % intervals, and a verdict.",
        discussion: "The last file is the log: a CSV with a header naming 'component', 'start' and 'end' (ISO 8601 with a zone), "
            + "optionally 'id', 'cause', 'customer_impact'. Overlapping outages of a component are merged. With --update, "
            + "writes an overlay of posterior figures (gamma–Poisson) to pass after the model. See docs/operations.md."
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "Output format: \(IncidentFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: IncidentFormat = .text

    @Option(help: "Start of the observation window, ISO 8601 with a zone (default: the first incident's start).")
    var since: String?

    @Option(help: "End of the observation window, ISO 8601 with a zone (default: the last incident's end).")
    var until: String?

    @Flag(help: "Write posterior figures to the overlay file given with -o.")
    var update = false

    @Option(name: .customLong("prior-weight"), help: "With --update: how many failures' worth of evidence the model's figures count as.")
    var priorWeight = 1.0

    @Option(name: [.short, .long], help: "With --update: the overlay file to write (replaced whole).", completion: .outputFile)
    var output: String?

    func validate() throws {
        guard model.files.count >= 2 else { throw ValidationError("give the model file(s) and then the incident log, e.g. 'nines incidents model.yaml incidents.csv'") }
        guard priorWeight > 0, priorWeight.isFinite else { throw ValidationError("--prior-weight must be a positive number, found \(priorWeight)") }
        if update && output == nil { throw ValidationError("--update writes an overlay file: give it with -o, e.g. '-o overlay.yaml'") }
        if !update && output != nil { throw ValidationError("-o names the overlay --update writes; add --update") }
    }

    func run() throws {
        var options = model
        let log = options.files.removeLast()
        let system = try loadModel(options).model
        let incidents = try IncidentLogReader.load(log, model: system, options: options.inputLimit.loadOptions)
        let window = try IncidentLogReader.window(incidents, since: try since.map { try IncidentLogReader.time($0, option: "--since") },
                                                  until: try until.map { try IncidentLogReader.time($0, option: "--until") })
        let comparison = IncidentComparison(model: system, incidents: incidents, since: window.since, until: window.until)
        let posterior = update ? PosteriorFigures(comparison, model: system, priorWeight: priorWeight) : nil
        let report = IncidentReport(comparison, model: system, log: log, posterior: posterior, overlay: output)
        if let posterior, let output {
            try OutputFile.emit(OverlayYAMLWriter.yaml(posterior, source: log, since: report.since, until: report.until), to: output)
        }
        Terminal.write(format.renderer.render(report))
    }
}
