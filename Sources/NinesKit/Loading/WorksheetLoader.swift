import Foundation

/// A worksheet with the model its failure modes refer to.
public struct LoadedWorksheet: Sendable {
    public var model: SystemModel
    public var worksheet: FMEAWorksheet
    /// The worksheet file.
    public var file: String
    /// True when the failure modes sit in the model file itself.
    public var isEmbedded: Bool
}

/// Loads FMEA worksheets: a separate YAML file naming its model (`model:` relative to the
/// worksheet), or a model file with a `failure_modes:` section. Every problem is collected.
public enum WorksheetLoader {
    public static func load(file: String) throws(DiagnosticError) -> LoadedWorksheet {
        let text: String
        switch SourceFile.read(file) {
        case .success(let read): text = read
        case .failure(let error): throw error
        }
        return try load(text: text, file: file)
    }

    public static func load(text: String, file: String) throws(DiagnosticError) -> LoadedWorksheet {
        let root: YAMLValue
        switch YAMLParser.parse(text, file: file) {
        case .success(let value): root = value
        case .failure(let error): throw error
        }
        let modelScalar = Self.topLevelScalar("model", in: root)
        let model: SystemModel
        if let reference = modelScalar {
            let path = resolve(reference.text, relativeTo: file)
            do {
                model = try ModelLoader.load(files: [path])
            } catch {
                let note = Diagnostic(at: reference.location, "the model '\(reference.clipped)' named here does not load (its errors are listed with it)",
                                      length: reference.text.count)
                throw DiagnosticError([note] + error.diagnostics)
            }
        } else {
            model = try ModelLoader.load(parsed: [(file, .success(root))]).model
            if topLevelValue("failure_modes", in: root) == nil {
                throw DiagnosticError([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                    "this model has no 'failure_modes:' section and is no worksheet (a worksheet names its model with 'model:'); "
                    + "start one with 'nines fmea init \(file)'")])
            }
        }
        let collector = DiagnosticCollector()
        let worksheet = WorksheetReader(file: file, model: model, diagnostics: collector).read(root, embedded: modelScalar == nil)
        if collector.hasErrors { throw DiagnosticError(collector.diagnostics) }
        return LoadedWorksheet(model: model, worksheet: worksheet, file: file, isEmbedded: modelScalar == nil)
    }

    /// The failure modes embedded in a model file, if the model has such a file
    /// (`ModelLoader.loadKeepingWorksheet` kept its tree, so it is not read or parsed again).
    public static func embedded(in loaded: LoadedModel) throws(DiagnosticError) -> FMEAWorksheet? {
        guard let document = loaded.worksheet else { return nil }
        let collector = DiagnosticCollector()
        let worksheet = WorksheetReader(file: document.file, model: loaded.model, diagnostics: collector).read(document.root, embedded: true)
        if collector.hasErrors { throw DiagnosticError(collector.diagnostics) }
        return worksheet
    }

    /// A model path as written in a worksheet: absolute, or relative to the worksheet's folder.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let joined = folder.appendingPathComponent(path).standardized.path
        // Keep relative inputs relative so messages stay short and stable.
        if !file.hasPrefix("/") {
            let cwd = FileManager.default.currentDirectoryPath + "/"
            if joined.hasPrefix(cwd) { return String(joined.dropFirst(cwd.count)) }
        }
        return joined
    }

    static func topLevelValue(_ key: String, in root: YAMLValue) -> YAMLValue? {
        guard case .mapping(let pairs, _) = root else { return nil }
        return pairs.first { $0.key.text == key }?.value
    }

    static func topLevelScalar(_ key: String, in root: YAMLValue) -> YAMLScalar? {
        guard case .scalar(let scalar)? = topLevelValue(key, in: root), !scalar.isNull else { return nil }
        return scalar
    }
}
