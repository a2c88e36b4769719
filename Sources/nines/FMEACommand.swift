import ArgumentParser
import Foundation
import NinesKit

/// `nines fmea`: FMEA worksheets — scaffold one for a workshop, rank its risks, round-trip it
/// through a spreadsheet.
struct FMEACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmea",
        abstract: "FMEA worksheets: scaffold, rank risks by action priority or downtime, CSV export and import.",
        subcommands: [FMEAInitCommand.self, FMEARankCommand.self, FMEAExportCommand.self, FMEAImportCommand.self]
    )
}

struct FMEAInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Scaffold a worksheet from a model: the usual failure modes of each kind of component, scores to fill."
    )

    @Argument(help: "The model file (YAML).", completion: .yamlFile)
    var model: String

    @Option(help: "How many prompts: 'minimal' (two per kind of component), 'standard' (four per kind; identical and same-kind components share one set) or 'full' (every component, identical ones once, all prompts).")
    var prompts: PromptLevel = .standard

    @Option(name: .shortAndLong, help: "Write the worksheet to this file (default: standard output).", completion: .outputFile)
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let system = try ModelLoader.load(files: [model], options: inputLimit.loadOptions)
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw Diagnostic("'\(output)' exists; pass --force to overwrite it")
        }
        let reference = try output.map { try ModelReference.inside(to: model, fromFolderOf: $0) } ?? URL(fileURLWithPath: model).lastPathComponent
        let scaffold = WorksheetScaffold.build(for: system, prompts: prompts)
        let text = WorksheetYAMLWriter.write(scaffold.worksheet, system: system.name, modelReference: reference, scaffold: true,
                                             model: system, notes: scaffold.notes)
        try OutputFile.emit(text, to: output)
    }
}

struct FMEAExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a worksheet's failure modes as CSV for a spreadsheet (every field, stable column order)."
    )

    @Argument(help: "The worksheet, or a model file with a 'failure_modes:' section.", completion: .yamlFile)
    var worksheet: String

    @Flag(help: "CSV output (the only export format; accepted for clarity).")
    var csv = false

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).", completion: .outputFile)
    var output: String?

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let loaded = try WorksheetLoader.load(file: worksheet, options: inputLimit.loadOptions)
        try OutputFile.emit(WorksheetCSV.export(loaded.worksheet), to: output)
    }
}

extension PromptLevel: ExpressibleByArgument {}
