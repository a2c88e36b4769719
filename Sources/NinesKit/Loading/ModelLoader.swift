import Foundation

/// Reads model files (YAML, format version 1) into a validated `SystemModel`.
///
/// Every problem is collected with its file:line:column; loading fails with all of them at once.
/// See docs/model-format.md for the format.
public enum ModelLoader {
    public static let supportedVersions = [1]

    /// Loads and merges one or more model files. The first file names the system and its period.
    /// `timings`, when given, records the read, parse and load phases.
    public static func load(files: [String], timings: PhaseTimings? = nil) throws(DiagnosticError) -> SystemModel {
        try loadKeepingWorksheet(files: files, timings: timings).model
    }

    /// `load(files:)`, also handing back the parsed file that holds `failure_modes:`, if any.
    public static func loadKeepingWorksheet(files: [String], timings: PhaseTimings? = nil) throws(DiagnosticError) -> LoadedModel {
        var documents: [(file: String, text: String)] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch SourceFile.read(file) {
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

/// Reads an input file as UTF-8 text, refusing binary data and oversized files with a clear error.
public enum SourceFile {
    /// Largest input read without `--max-input-size`. Reading a model costs about 0.25 s and 35 MB of
    /// memory per MB of YAML (measured, docs/hardening.md; messages keep the older 80 MB as a safe bound);
    /// 16 MB is 30 times a 10,000-component model.
    nonisolated(unsafe) public static var sizeLimit = 16 * 1024 * 1024

    public static func read(_ path: String) -> Result<String, DiagnosticError> {
        read(path, sizeLimit: sizeLimit)
    }

    /// Reads `path`, refusing files larger than `sizeLimit` bytes.
    public static func read(_ path: String, sizeLimit: Int) -> Result<String, DiagnosticError> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(DiagnosticError([Diagnostic(at: start, "no such file")]))
        }
        if isDirectory.boolValue { return .failure(DiagnosticError([Diagnostic(at: start, "is a directory, expected a YAML file")])) }
        let tooLarge = { (size: String) in
            DiagnosticError([Diagnostic(at: start, "the file is \(size), over the \(describe(bytes: sizeLimit)) input limit; "
                                        + "raise it with --max-input-size (reading takes about 80 MB of memory per MB)")])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > sizeLimit {
            return .failure(tooLarge(describe(bytes: size)))
        }
        // Read at most one byte past the limit, so devices and pipes (/dev/zero, a FIFO) cannot exhaust memory.
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(DiagnosticError([Diagnostic(at: start, "cannot read the file")]))
        }
        defer { try? handle.close() }
        var data = Data()
        while data.count <= sizeLimit {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: min(1 << 20, sizeLimit + 1 - data.count)) } catch {
                return .failure(DiagnosticError([Diagnostic(at: start, "cannot read the file: \(error.localizedDescription)")]))
            }
            guard let chunk, !chunk.isEmpty else { break }   // nil or empty: end of file
            data.append(chunk)
        }
        if data.count > sizeLimit { return .failure(tooLarge("larger than that")) }
        return decode(data, file: path)
    }

    /// "812 bytes", "3.5 MB": sizes in messages.
    static func describe(bytes: Int) -> String {
        bytes < 1_048_576 ? "\(bytes) bytes" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    /// Decodes UTF-8 (an optional BOM is dropped); reports the byte offset of the first invalid byte.
    public static func decode(_ data: Data, file: String) -> Result<String, DiagnosticError> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(DiagnosticError([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                                                        "the file is UTF-16 or UTF-32 (it starts with that byte order mark); save it as UTF-8")]))
        }
        if let zero = bytes.firstIndex(of: 0) {
            if zero < 4 && bytes.count >= 4 && bytes.prefix(64).filter({ $0 == 0 }).count * 4 >= min(bytes.count, 64) {
                return .failure(DiagnosticError([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                                                            "the file looks like UTF-16 or UTF-32 (every other byte is NUL); save it as UTF-8")]))
            }
            return .failure(DiagnosticError([located(bytes, offset: zero, file: file,
                                                     "the file contains a NUL byte at byte offset \(zero); expected UTF-8 text")]))
        }
        // Validating the whole buffer at once is fast; the scalar-by-scalar walk only locates a bad byte.
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        let offset = firstInvalidUTF8(in: bytes)
        return .failure(DiagnosticError([located(bytes, offset: offset, file: file, "invalid UTF-8 at byte offset \(offset); save the file as UTF-8")]))
    }

    /// Byte offset of the first byte that does not decode as UTF-8 (`bytes.count` when all do).
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    static func located(_ bytes: [UInt8], offset: Int, file: String, _ message: String) -> Diagnostic {
        let before = bytes[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = (String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count) + 1
        return Diagnostic(at: SourceLocation(file: file, line: line, column: column), message)
    }
}
