import ArgumentParser
import NinesKit

/// `nines import`: models written from other tools' formats.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a nines model from another tool's format.",
        subcommands: [ImportOpenPSACommand.self, ImportKubernetesCommand.self, ImportTerraformCommand.self]
    )
}

struct ImportOpenPSACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openpsa",
        abstract: "Write a nines model (success logic) from Open-PSA MEF fault trees: AND, OR and at-least gates, house events.",
        discussion: "A basic event becomes a component of availability 1 - p; a gate a perfect component that needs its inputs; each top event an objective. Non-coherent gates (not, xor, nand, nor, ...) are refused with their file:line:column."
    )

    @Argument(help: "Open-PSA MEF files (XML); definitions may be spread over several (e.g. the tree and its basic events).",
              completion: .file(extensions: ["xml"]))
    var files: [String]

    @Option(name: .customLong("mission-time"), help: "What <system-mission-time/> stands for, a duration such as 8760h or 1y (default 8760h, as SCRAM's).")
    var missionTime: String = "8760h"

    @Option(name: .shortAndLong, help: "Write the model to this file (default: standard output).",
            completion: .outputFile)
    var output: String?

    @OptionGroup var inputLimit: InputLimitOptions

    func validate() throws { _ = try hours() }

    func hours() throws -> Double {
        guard case .success(let hours) = QuantityParser.duration(missionTime, positive: false) else {
            throw ValidationError("--mission-time must be a duration with a unit (s, m, h, d, w, y), e.g. '8760h', found '\(missionTime)'")
        }
        return hours
    }

    func run() throws {
        let result = try OpenPSAImport.run(files: files, missionTime: try hours(), options: inputLimit.loadOptions)
        try OutputFile.emit(result.yaml, to: output)
        if output != nil {
            Terminal.error("wrote \(result.components) components and \(result.objectives.count) objective\(result.objectives.count == 1 ? "" : "s") to \(output!)")
        }
    }
}
