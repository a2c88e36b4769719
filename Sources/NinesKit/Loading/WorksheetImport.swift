import Foundation

/// `nines fmea import`: the worksheet YAML that results from putting a CSV file's rows into a
/// worksheet, validated in full and read back before the caller writes anything.
package enum WorksheetImport {
    package struct Result: Sendable {
        /// The new worksheet file's text.
        public var yaml: String
        public var failureModes: Int
    }

    /// - Parameters:
    ///   - csvFile: the spreadsheet export (UTF-8).
    ///   - worksheetFile: the worksheet to replace; when it exists its model, scoring and layers are kept.
    ///   - modelFile: the model, needed only when `worksheetFile` does not exist yet.
    ///   - modelReference: how the new worksheet's `model:` names `modelFile` (default: as given);
    ///     the executable passes it relative to the worksheet's folder.
    ///   - delimiter: the CSV's field separator; nil to detect it (comma, semicolon or tab).
    ///   - decimalComma: whether numbers in the CSV use the decimal comma (`0,5/y`); nil to take
    ///     it so when the separator is a semicolon.
    ///   - options: how every file is read.
    ///
    /// The worksheet's comments are written back (`WorksheetLayout`), and a row's layer only
    /// where it is not its component's default, as a worksheet written by hand leaves it.
    public static func run(csvFile: String, worksheetFile: String, modelFile: String?, modelReference: String? = nil,
                           delimiter: Unicode.Scalar? = nil, decimalComma: Bool? = nil,
                           options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> Result {
        let here = ModelLocation(file: worksheetFile, line: 1, column: 1)
        var worksheet = FMEAWorksheet(failureModes: [])
        var layout = WorksheetLayout()
        let model: SystemModel
        let reference: String
        if FileManager.default.fileExists(atPath: worksheetFile) {
            let loaded = try WorksheetLoader.load(file: worksheetFile, options: options)
            guard !loaded.isEmbedded else {
                throw DiagnosticError([Diagnostic(at: here, "this is a model file with its own 'failure_modes:'; import into a "
                                                  + "separate worksheet instead ('nines fmea import \(csvFile) NEW.fmea.yaml --model \(worksheetFile)')")])
            }
            worksheet = loaded.worksheet
            model = loaded.model
            if case .success(let text) = SourceFile.read(worksheetFile, options: options) { layout = WorksheetLayout.scan(text) }
            reference = loaded.worksheet.modelReference ?? ""
        } else {
            guard let modelFile else {
                throw DiagnosticError([Diagnostic(at: here, "no such worksheet; give --model MODEL.yaml to create it")])
            }
            model = try ModelLoader.load(files: [modelFile], options: options)
            reference = modelReference ?? modelFile
        }
        let text: String
        switch SourceFile.read(csvFile, options: options) {
        case .success(let read): text = read
        case .failure(let error): throw error
        }
        do {
            worksheet.failureModes = try WorksheetCSV.read(text, file: csvFile, model: model, extraLayers: worksheet.extraLayers,
                                                           groups: worksheet.groups, delimiter: delimiter, decimalComma: decimalComma)
        } catch {
            throw error.quoting([(csvFile, text)])
        }
        let yaml = WorksheetYAMLWriter.write(worksheet, system: model.name, modelReference: reference, model: model, layout: layout)
        // What replaces the user's file must read back to the same rows.
        let reread: LoadedWorksheet
        do {
            reread = try WorksheetLoader.load(text: yaml, file: worksheetFile, options: options)
        } catch {
            throw DiagnosticError([Diagnostic(at: here, "internal error: the worksheet to write does not read back: \(error)")])
        }
        guard WorksheetCSV.export(reread.worksheet) == WorksheetCSV.export(worksheet) else {
            throw DiagnosticError([Diagnostic(at: here, "internal error: the worksheet to write reads back differently")])
        }
        return Result(yaml: yaml, failureModes: worksheet.failureModes.count)
    }
}
