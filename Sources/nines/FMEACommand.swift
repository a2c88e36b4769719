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

    func run() throws {
        let system = try loadModel(files: [model])
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            Terminal.error("error: '\(output)' exists; pass --force to overwrite it")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let reference = OutputFile.relativePath(to: model, from: output)
        let text = WorksheetYAMLWriter.write(WorksheetScaffold.build(for: system), system: system.name,
                                             modelReference: reference, scaffold: true)
        try OutputFile.emit(text, to: output)
    }
}

struct FMEARankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "The ranked risk list: action priority, then RPN, then severity (or expected downtime)."
    )

    enum Order: String, ExpressibleByArgument, CaseIterable { case priority, downtime }
    enum Output: String, ExpressibleByArgument, CaseIterable { case text, json, markdown, csv }

    @Argument(help: "The worksheet (YAML with 'model:'), or a model file with a 'failure_modes:' section.")
    var worksheet: String

    @Option(help: "Sort by 'priority' (AP, RPN, severity, id) or 'downtime' (expected downtime per period).")
    var by: Order = .priority

    @Flag(help: "Only failure modes still open or in progress.")
    var open = false

    @Option(help: "Only this FMEA layer.")
    var layer: String?

    @Option(help: "Only failure modes of this owner.")
    var owner: String?

    @Option(help: "Only failure modes of this component.")
    var component: String?

    @Option(help: "Show at most this many failure modes.")
    var top: Int?

    @Option(help: "Output format: \(Output.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Output = .text

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let loaded = try loadWorksheet(worksheet)
        let modes = loaded.worksheet.failureModes
        try checkFilter("--layer", layer, known: Set(modes.map(\.layer)).sorted())
        try checkFilter("--component", component, known: loaded.model.components.map(\.name))
        try checkFilter("--owner", owner, known: Set(modes.compactMap(\.owner)).sorted())
        let filter = RiskRanking.Filter(openOnly: open, layer: layer, owner: owner, component: component)
        let order: RiskRanking.Order = by == .priority ? .priority : .downtime
        let report = RiskReportBuilder.report(loaded.worksheet, analysis: AvailabilityAnalysis(loaded.model),
                                              order: order, filter: filter, limit: top)
        switch format {
        case .text: Terminal.write(RiskTextRenderer(colour: Terminal.stdoutIsColourTerminal).render(report))
        case .json: Terminal.write(JSONReportRenderer.render(report))
        case .markdown: Terminal.write(RiskMarkdownRenderer.render(report))
        case .csv: Terminal.write(RiskCSVRenderer.render(report))
        }
    }

    /// A filter naming nothing in the worksheet is a typo, not an empty result: exit 2 with a hint.
    func checkFilter(_ option: String, _ value: String?, known: [String]) throws {
        guard let value, !known.contains(value) else { return }
        let hint = Suggestion.hint(for: value, in: known)
        let listed = known.isEmpty ? "; there are none in this worksheet" : "; known: " + known.prefix(12).joined(separator: ", ")
        Terminal.error("error: \(option) '\(value)' matches nothing" + (hint.isEmpty ? listed : hint))
        throw ExitCode(ExitStatus.invalidInput)
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

    func run() throws {
        let loaded = try loadWorksheet(worksheet)
        try OutputFile.emit(WorksheetCSV.export(loaded.worksheet), to: output)
    }
}

struct FMEAImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace a worksheet's failure modes with those of a CSV file; nothing is written unless all of it is valid."
    )

    @Argument(help: "The CSV file (UTF-8, header row with the column names of 'nines fmea export').")
    var csv: String

    @Option(help: "The worksheet YAML to write (its model and scoring are kept when it exists).")
    var worksheet: String

    @Option(help: "The model file, when the worksheet does not exist yet.")
    var model: String?

    func run() throws {
        var header = FMEAWorksheet(failureModes: [])
        let system: SystemModel
        let reference: String
        if FileManager.default.fileExists(atPath: worksheet) {
            let loaded = try loadWorksheet(worksheet)
            guard !loaded.isEmbedded else {
                Terminal.error("error: '\(worksheet)' is a model file with its own 'failure_modes:'; import into a separate "
                               + "worksheet instead: --worksheet NEW.fmea.yaml --model \(worksheet)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            header = loaded.worksheet
            system = loaded.model
            reference = loaded.worksheet.modelReference ?? ""
        } else {
            guard let model else {
                Terminal.error("error: '\(worksheet)' does not exist; give --model MODEL.yaml to create it")
                throw ExitCode(ExitStatus.invalidInput)
            }
            system = try loadModel(files: [model])
            reference = OutputFile.relativePath(to: model, from: worksheet)
        }
        let text: String
        switch SourceFile.read(csv) {
        case .success(let read): text = read
        case .failure(let error):
            Terminal.report(error)
            throw ExitCode(ExitStatus.invalidInput)
        }
        do {
            header.failureModes = try WorksheetCSV.read(text, file: csv, model: system, extraLayers: header.extraLayers)
        } catch {
            Terminal.report(error)
            Terminal.error("nothing written to '\(worksheet)'")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let yaml = WorksheetYAMLWriter.write(header, system: system.name, modelReference: reference)
        // The file must read back to the same rows before it replaces the user's.
        guard let reread = try? WorksheetLoader.load(text: yaml, file: worksheet), reread.worksheet.failureModes.count == header.failureModes.count else {
            Terminal.error("internal error: the worksheet written would not read back; nothing written to '\(worksheet)'")
            throw ExitCode(ExitStatus.invalidInput)
        }
        try OutputFile.emit(yaml, to: worksheet)
        Terminal.error("wrote \(header.failureModes.count) failure mode\(header.failureModes.count == 1 ? "" : "s") to \(worksheet)")
    }
}
