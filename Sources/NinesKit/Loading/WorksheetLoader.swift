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
    /// Reads `file`, and the model file its `model:` names.
    public static func load(file: String, options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> LoadedWorksheet {
        let text: String
        switch SourceFile.read(file, options: options) {
        case .success(let read): text = read
        case .failure(let error): throw error
        }
        return try load(text: text, file: file, options: options)
    }

    /// Reads worksheet text already in memory (`file` places it: its `model:` is relative to its folder).
    public static func load(text: String, file: String, options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> LoadedWorksheet {
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
                model = try ModelLoader.load(files: [path], options: options)
            } catch {
                let note = Diagnostic(at: reference.location, "the model '\(reference.clipped)' named here does not load (its errors are listed with it)",
                                      length: reference.text.count)
                throw DiagnosticError([note] + error.diagnostics)
            }
        } else {
            model = try ModelLoader.load(parsed: [(file, .success(root))]).model
            if topLevelValue("failure_modes", in: root) == nil { throw notAWorksheet(file) }
        }
        let worksheet = try read(YAMLDocument(file: file, root: root), for: model, embedded: modelScalar == nil)
        return LoadedWorksheet(model: model, worksheet: worksheet, file: file, isEmbedded: modelScalar == nil)
    }

    /// A worksheet given for a model already loaded (`--fmea`): the file is read once, against
    /// `model`; its own `model:` line is not followed. A worksheet whose components the model lacks
    /// altogether (none a near miss of a model component) gets one error at its first such row.
    static func load(file: String, for model: SystemModel, options: LoadOptions) throws(DiagnosticError) -> FMEAWorksheet {
        let root: YAMLValue
        switch SourceFile.read(file, options: options).flatMap({ YAMLParser.parse($0, file: file) }) {
        case .success(let value): root = value
        case .failure(let error): throw error
        }
        let modelLine = topLevelScalar("model", in: root)
        if modelLine == nil && topLevelValue("failure_modes", in: root) == nil { throw notAWorksheet(file) }
        if let stranger = firstStranger(in: root, for: model) {
            let named = modelLine.map { " (its 'model:' names '\($0.clipped)')" } ?? ""
            throw DiagnosticError([Diagnostic(at: stranger.location, "failure mode '\(stranger.id)' is about component "
                + "'\(stranger.component)', which the model (\(model.sources.joined(separator: ", "))) does not have; "
                + "is '\(file)' the worksheet of another model\(named)?")])
        }
        return try read(YAMLDocument(file: file, root: root), for: model, embedded: modelLine == nil)
    }

    /// The failure modes of a parsed file, read against `model`.
    /// - Parameter embedded: the file is a model file, whose other keys belong to the model.
    static func read(_ document: YAMLDocument, for model: SystemModel, embedded: Bool) throws(DiagnosticError) -> FMEAWorksheet {
        let collector = DiagnosticCollector()
        let worksheet = WorksheetReader(file: document.file, model: model, diagnostics: collector).read(document.root, embedded: embedded)
        if collector.hasErrors { throw DiagnosticError(collector.diagnostics) }
        return worksheet
    }

    /// The first row about a component `model` does not have, when no such row names a near miss
    /// of one (a typo gets the row reader's "did you mean" instead).
    private static func firstStranger(in root: YAMLValue, for model: SystemModel) -> (id: String, component: String, location: ModelLocation)? {
        guard case .sequence(let rows, _)? = topLevelValue("failure_modes", in: root) else { return nil }
        var names = Set(model.components.map(\.name))
        // A row may name one of the worksheet's own groups instead of a component.
        if case .mapping(let groups, _)? = topLevelValue("fmea_groups", in: root) { names.formUnion(groups.map(\.key.text)) }
        var strangers: [(id: String, component: String, location: ModelLocation)] = []
        for row in rows {
            guard case .mapping(let pairs, let location) = row,
                  case .scalar(let component)? = pairs.first(where: { $0.key.text == "component" })?.value,
                  !component.isNull, !names.contains(component.text) else { continue }
            if !Suggestion.hint(for: component.text, in: names.sorted()).isEmpty { return nil }
            var id = "?"
            if case .scalar(let scalar)? = pairs.first(where: { $0.key.text == "id" })?.value { id = scalar.clipped }
            strangers.append((id, component.clipped, location))
        }
        return strangers.first
    }

    static func notAWorksheet(_ file: String) -> DiagnosticError {
        DiagnosticError([Diagnostic(at: ModelLocation(file: file, line: 1, column: 1),
            "this model has no 'failure_modes:' section and is no worksheet (a worksheet names its model with 'model:'); "
            + "start one with 'nines fmea init \(file)'")])
    }

    /// A model path as written in a worksheet: absolute, or relative to the worksheet's folder.
    /// Worked out from the two paths alone (no current folder, no file system), so a relative
    /// worksheet path gives a relative model path and messages stay short and stable:
    /// `models/x.fmea.yaml` and `../shared/x.yaml` give `shared/x.yaml`.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return normalized(path) }
        let folder = (file as NSString).deletingLastPathComponent
        return normalized(folder.isEmpty ? path : folder + "/" + path)
    }

    /// `path` without `.` and empty components and with each `..` after a name taking the name away
    /// (`a/./b/../c` is `a/c`); leading `..` of a relative path stay, `/..` is `/`.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part != ".." || !absolute {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
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
