import ArgumentParser
import NinesKit

struct CutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cuts",
        abstract: "Minimal cut sets: the combinations of failures that take each objective and the system down.",
        discussion: "Each cut set with its order (events), probability (the product of its events' unavailabilities) and "
            + "share of the figure's unavailability, most probable first; then exact Fussell-Vesely importance. "
            + "A replica is its own event ('web[2]'), a common cause one event ('web (common cause)'). See docs/cut-sets.md."
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "Only this objective (default: every objective and the whole system).")
    var objective: String?

    @Option(name: .customLong("max-order"), help: "Highest order listed (events per cut set, 1 to 12).")
    var maxOrder = 3

    @Option(help: "List at most this many cut sets per figure (default: all within the order).")
    var top: Int?

    @Option(help: "Output format: \(CutSetFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: CutSetFormat = .text

    @Option(name: [.short, .long], help: "Write the output to this file (replaced whole) instead of stdout.",
            completion: .outputFile)
    var output: String?

    func validate() throws {
        guard (1...12).contains(maxOrder) else { throw ValidationError("--max-order must be 1 to 12, found \(maxOrder)") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1, found \(top)") }
    }

    func run() throws {
        let system = try loadModel(model).model
        let cutSets = MinimalCutSets(SLAPrediction(system, full: analyse(system)), maxOrder: maxOrder)
        guard let report = CutSetReport.build(cutSets, model: system, objective: objective, top: top) else {
            throw ValidationError("no objective named '\(objective ?? "")'; the model has: "
                                  + system.objectives.map { "'\($0.name)'" }.joined(separator: ", "))
        }
        try OutputFile.emit(format.renderer.render(report), to: output)
    }
}
