import ArgumentParser
import NinesKit

struct FMEAImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Replace a worksheet's failure modes with those of a CSV file; nothing is written unless all of it is valid.",
        discussion: "The worksheet follows the CSV, as 'fmea export' takes it: 'nines fmea import shop.csv shop.fmea.yaml'. "
            + "'--worksheet FILE' names it too."
    )

    @Argument(help: "The CSV file (UTF-8, header row with the column names of 'nines fmea export').",
              completion: .csvFile)
    var csv: String

    @Argument(help: ArgumentHelp("The worksheet YAML to write (its model and scoring are kept when it exists).", valueName: "worksheet"), completion: .yamlFile)
    var worksheetArgument: String?

    @Option(help: "The worksheet YAML to write (the same as the second argument).", completion: .yamlFile)
    var worksheet: String?

    @Option(help: "The model file, when the worksheet does not exist yet.", completion: .yamlFile)
    var model: String?

    @Option(help: "The CSV's field separator: ',', ';' or 'tab' (default: detected from the header row).")
    var delimiter: String?

    @Flag(inversion: .prefixedNo,
          help: "Numbers in the CSV use the decimal comma ('0,5/y', '1,5h') (default: so when the separator is ';').")
    var decimalComma: Bool?

    func validate() throws {
        _ = try fieldSeparator()
        _ = try worksheetFile()
    }

    /// The worksheet, given as the second argument or with `--worksheet` (not both).
    func worksheetFile() throws -> String {
        switch (worksheetArgument, worksheet) {
        case (let given?, nil), (nil, let given?): return given
        case (let argument?, let option?) where argument == option: return argument
        case (.some, .some): throw ValidationError("give the worksheet once: as the second argument or with --worksheet")
        case (nil, nil): throw ValidationError("missing the worksheet to write: 'nines fmea import CSV WORKSHEET'")
        }
    }

    /// `--delimiter` as a character; nil to detect it.
    func fieldSeparator() throws -> Unicode.Scalar? {
        switch delimiter {
        case nil: return nil
        case ",": return ","
        case ";": return ";"
        case "tab", "\t", "\\t": return "\t"
        case let other?: throw ValidationError("--delimiter must be ',', ';' or 'tab', found '\(other)'")
        }
    }

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let result: WorksheetImport.Result
        let delimiter = try fieldSeparator()
        let worksheet = try worksheetFile()
        let reference = try model.map { try ModelReference.inside(to: $0, fromFolderOf: worksheet) }
        do {
            result = try WorksheetImport.run(csvFile: csv, worksheetFile: worksheet, modelFile: model, modelReference: reference,
                                             delimiter: delimiter, decimalComma: decimalComma, options: inputLimit.loadOptions)
        } catch {
            throw NothingWritten(error, path: worksheet)
        }
        try OutputFile.emit(result.yaml, to: worksheet)
        Terminal.error("wrote \(result.failureModes) failure mode\(result.failureModes == 1 ? "" : "s") to \(worksheet)")
    }
}
