import Foundation

/// Reads model files (YAML, format version 1) into a validated `SystemModel`.
///
/// Every problem is collected with its file:line:column; loading fails with all of them at once.
/// See docs/model-format.md for the format.
public enum ModelLoader {
    public static let supportedVersions = [1]

    /// Loads and merges one or more model files. The first file names the system and its period.
    /// `timings`, when given, records the read, parse and load phases.
    public static func load(files: [String], options: LoadOptions = LoadOptions(),
                            timings: PhaseTimings? = nil) throws(DiagnosticError) -> SystemModel {
        try loadKeepingWorksheet(files: files, options: options, timings: timings).model
    }

    /// `load(files:)`, also handing back the parsed file that holds `failure_modes:`, if any.
    public static func loadKeepingWorksheet(files: [String], options: LoadOptions = LoadOptions(),
                                            timings: PhaseTimings? = nil) throws(DiagnosticError) -> LoadedModel {
        var documents: [(file: String, text: String)] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch SourceFile.read(file, options: options) {
            case .success(let text): documents.append((file, text))
            case .failure(let error): diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        timings?.mark("read")
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        let parsed = documents.map { (file: $0.file, tree: YAMLParser.parse($0.text, file: $0.file)) }
        timings?.mark("parse YAML")
        defer { timings?.mark("load model") }
        return try load(parsed: parsed)
    }

    /// Loads model text already in memory (`file` is only used in messages).
    public static func load(text: String, file: String) throws(DiagnosticError) -> SystemModel {
        try load(documents: [(file, text)])
    }

    public static func load(documents: [(file: String, text: String)]) throws(DiagnosticError) -> SystemModel {
        try load(parsed: documents.map { (file: $0.file, tree: YAMLParser.parse($0.text, file: $0.file)) }).model
    }

    /// Loads files already parsed (or refused by the parser, whose diagnostics are then reported).
    static func load(parsed: [(file: String, tree: Result<YAMLValue, DiagnosticError>)]) throws(DiagnosticError) -> LoadedModel {
        let collector = DiagnosticCollector()
        var drafts: [ModelDraft] = []
        var worksheet: YAMLDocument?
        for (file, tree) in parsed {
            switch tree {
            case .success(let root):
                drafts.append(ModelDocumentReader(file: file, diagnostics: collector).read(root))
                if worksheet == nil, WorksheetLoader.topLevelValue("failure_modes", in: root) != nil { worksheet = YAMLDocument(file: file, root: root) }
            case .failure(let error): collector.append(contentsOf: error.diagnostics)
            }
        }
        // Cross-checks run even after field errors, so one run shows every problem of the files read.
        guard let first = drafts.first else { throw DiagnosticError(collector.diagnostics) }
        let model = ModelValidator(drafts: drafts, diagnostics: collector).merge(into: first)
        guard !collector.hasErrors, let model else { throw DiagnosticError(collector.diagnostics) }
        return LoadedModel(model: model, worksheet: worksheet)
    }
}

/// A loaded model and, when one of its files (the first such) also holds FMEA failure modes, that
/// file's YAML tree: the embedded worksheet is then read without reading and parsing the file again.
/// Other files' trees are not kept: a large model's tree takes more memory than the model itself.
public struct LoadedModel: Sendable {
    public var model: SystemModel
    public var worksheet: YAMLDocument?
}
