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
        abstract: "Scaffold a worksheet from a model: per component, the usual failure modes of its layer, scores to fill."
    )

    @Argument(help: "The model file (YAML).")
    var model: String

    @Option(name: .shortAndLong, help: "Write the worksheet to this file (default: standard output).")
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
        let text = WorksheetYAMLWriter.write(WorksheetScaffold.build(for: system), system: system.name,
                                             modelReference: reference, scaffold: true)
        try OutputFile.emit(text, to: output)
    }
}

struct FMEAExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a worksheet's failure modes as CSV for a spreadsheet (every field, stable column order)."
    )

    @Argument(help: "The worksheet, or a model file with a 'failure_modes:' section.")
    var worksheet: String

    @Flag(help: "CSV output (the only export format; accepted for clarity).")
    var csv = false

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
    var output: String?

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let loaded = try WorksheetLoader.load(file: worksheet, options: inputLimit.loadOptions)
        try OutputFile.emit(WorksheetCSV.export(loaded.worksheet), to: output)
    }
}
