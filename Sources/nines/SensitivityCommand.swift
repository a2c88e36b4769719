import ArgumentParser
import NinesKit

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "A tornado table: how an objective's downtime moves when each input figure moves by ± a share.",
        discussion: """
            For the objective with the least margin (or --objective): every input figure of the components it \
            counts (unavailability of a stated availability, MTBF or rate, MTTR, common cause, failover detection \
            and switch times, masking windows) moved down and up by --by, each evaluated exactly; ranked by the \
            swing of downtime, with the elasticity of downtime to the input. See docs/advise.md.
            """
    )

    @OptionGroup var model: ModelOptions

    @Option(help: "The objective (default: the one with the least margin).")
    var objective: String?

    @Option(help: ArgumentHelp("How far each input moves, both ways, e.g. '10%'.", valueName: "share"))
    var by: String = "10%"

    @Option(help: "Output format: \(SensitivityFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: SensitivityFormat = .text

    @Option(help: "Inputs listed in text output (JSON and CSV list all).")
    var top: Int = 15

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be 1 or more") }
        _ = try share()
    }

    func share() throws -> Double {
        guard case .success(let value) = QuantityParser.fraction(by), value.up > 0, value.up < 1 else {
            throw ValidationError("--by must be a share in (0, 100)%, e.g. '10%', found '\(by)'")
        }
        return value.up
    }

    func run() throws {
        let system = try loadModel(model).model
        try checkObjective(objective, in: system, command: "'nines sensitivity' measures one")
        let sensitivity = Sensitivity(analyse(system), objective: objective, by: try share())
        Terminal.write(format.renderer(top: top).render(SensitivityReportBuilder.report(sensitivity)))
    }
}
