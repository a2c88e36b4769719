import CYAML

/// Builds the `YAMLValue` tree straight from the system libyaml's events: the one YAML parser of
/// nines. Every node keeps the mark of its first event (1-based line and column; columns count
/// characters), so every later diagnostic points at its line.
///
/// It reports, all at once and each at its place: a key repeated in its mapping (at the repeat,
/// with where the key first appeared), keys that are lists, mappings, null or a plain `<<`,
/// aliases, and a second document. A libyaml error ends the build: its own problem, context and
/// mark become the last diagnostic (`YAMLSyntaxProblem`). `YAMLPreflight` runs first, so anchors,
/// aliases, tags and deep nesting normally never get here; the checks below keep the tree honest
/// on their own.
///
/// With `checkingText`, each scalar is also held to `YAMLTextPolicy` as it is read (one pass
/// instead of a second walk over the tree); its refusals are reported when the YAML itself is sound.
enum YAMLEventBuilder {
    /// `pipedFrom`: the size from which libyaml runs on a thread of its own (`YAMLEventSource`).
    static func build(_ text: String, file: String, checkingText lineBreaks: YAMLTextPolicy.LineBreaks? = nil,
                      pipedFrom: Int = YAMLEventSource.pipedFrom) -> Result<YAMLValue, DiagnosticError> {
        var text = text
        return text.withUTF8 { bytes in
            let reader = YAMLEventReader(bytes, file: file, checkingText: lineBreaks, piped: bytes.count >= pipedFrom)
            defer { reader.close() }
            let root = reader.document()
            if let root, reader.diagnostics.isEmpty {
                return reader.refusedText.isEmpty ? .success(root) : .failure(DiagnosticError(reader.refusedText))
            }
            return .failure(DiagnosticError(reader.diagnostics))
        }
    }

    /// Every document of a multi-document stream (`---` between them), in order; empty documents
    /// (a `---` with nothing after it) are left out. For manifests (`nines import kubernetes`).
    static func buildStream(_ text: String, file: String, checkingText lineBreaks: YAMLTextPolicy.LineBreaks? = nil,
                            pipedFrom: Int = YAMLEventSource.pipedFrom) -> Result<[YAMLValue], DiagnosticError> {
        var text = text
        return text.withUTF8 { bytes in
            let reader = YAMLEventReader(bytes, file: file, checkingText: lineBreaks, piped: bytes.count >= pipedFrom)
            defer { reader.close() }
            let roots = reader.documents()
            if let roots, reader.diagnostics.isEmpty {
                return reader.refusedText.isEmpty ? .success(roots) : .failure(DiagnosticError(reader.refusedText))
            }
            return .failure(DiagnosticError(reader.diagnostics))
        }
    }
}

/// The events of one stream, in batches from `YAMLEventSource`; `index` is the current event.
private final class YAMLEventReader {
    private let source: YAMLEventSource
    private var batch = YAMLEventBatch()
    private var index = -1
    /// libyaml stopped: its problem is reported.
    private var stopped = false
    private let file: String
    /// Everything found so far, in the order of the file; a libyaml error comes last.
    private(set) var diagnostics: [Diagnostic] = []
    /// The text policy's refusals, in the order of the file (none when not checking).
    private(set) var refusedText: [Diagnostic] = []
    private let lineBreaks: YAMLTextPolicy.LineBreaks?

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, checkingText lineBreaks: YAMLTextPolicy.LineBreaks?, piped: Bool) {
        self.file = file
        self.lineBreaks = lineBreaks
        source = YAMLEventSource(bytes, file: file, piped: piped)
    }

    /// Lets go of the bytes: called before they go.
    func close() { source.close() }

    /// Moves to the next event; false on a libyaml error, which is then reported. Past the end
    /// of the stream, the event is libyaml's empty one, as libyaml's own parser gives.
    private func advance() -> Bool {
        index += 1
        while index >= batch.events.count {
            if let failure = batch.failure {
                batch.failure = nil
                stopped = true
                diagnostics.append(failure)
                return false
            }
            if batch.isLast { return true }
            batch = source.next()
            index = 0
        }
        return true
    }

    private var type: yaml_event_type_t { index < batch.events.count ? batch.events[index].type : YAML_NO_EVENT }

    /// The root of the file's single document; nil when there is none or libyaml stopped.
    func document() -> YAMLValue? {
        guard advance(), type == YAML_STREAM_START_EVENT, advance() else { return nil }
        if type == YAML_STREAM_END_EVENT {
            diagnostics.append(Diagnostic(at: ModelLocation(file: file, line: 1, column: 1), "the file holds no YAML document"))
            return nil
        }
        // DOCUMENT-START, the root, DOCUMENT-END: libyaml guarantees the order.
        guard advance(), let root = node(under: .key(nil)), advance(), advance() else { return nil }
        if type != YAML_STREAM_END_EVENT {
            diagnostics.append(Diagnostic(at: here, "malformed YAML: but found another document "
                                          + "(expected a single document in the stream)"))
        }
        return root
    }

    /// The roots of every non-empty document; nil when libyaml stopped.
    func documents() -> [YAMLValue]? {
        guard advance(), type == YAML_STREAM_START_EVENT else { return nil }
        var roots: [YAMLValue] = []
        while advance(), type != YAML_STREAM_END_EVENT {
            // DOCUMENT-START, the root, DOCUMENT-END: libyaml guarantees the order.
            guard advance(), let root = node(under: .key(nil)), advance() else { return nil }
            if case .scalar(let scalar) = root, scalar.isNull { continue }
            roots.append(root)
        }
        return stopped ? nil : roots
    }

    /// Where the current event starts (libyaml's marks are 0-based).
    private var here: ModelLocation {
        guard index < batch.events.count else { return ModelLocation(file: file, line: 1, column: 1) }
        return ModelLocation(file: file, line: batch.events[index].line + 1, column: batch.events[index].column + 1)
    }

    /// What the text policy holds a scalar to: the key it is under (nil: a list item of no key),
    /// or nothing when that key was refused (its value is not looked at, as the walk over the tree did).
    private enum TextContext {
        case key(String?)
        case refusedKey
    }

    /// The node that starts at the current event; nil when libyaml stopped inside it.
    private func node(under context: TextContext) -> YAMLValue? {
        let location = here
        switch type {
        case YAML_SCALAR_EVENT:
            let scalar = batch.events[index]
            let (text, problem) = batch.bytes.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[scalar.textStart..<(scalar.textStart + scalar.textCount)])
                // The key is looked up only for text with a line break: hashing every key cost more than the scan.
                let problem = if let lineBreaks, case .key(let key) = context {
                    YAMLTextPolicy.problem(inBytes: bytes, multiLine: lineBreaks == .anywhere || key.map(YAMLTextPolicy.multiLineKeys.contains) ?? false)
                } else { String?.none }
                return (String(decoding: bytes, as: UTF8.self), problem)
            }
            if let problem, case .key(let key) = context {
                refusedText.append(Diagnostic(at: location, "\(key.map { "'\($0)'" } ?? "a list item") \(problem)"))
            }
            return .scalar(YAMLScalar(text: text, isQuoted: !scalar.plain, explicitTag: scalar.explicitTag, location: location))
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLValue] = []
            while advance() {
                if type == YAML_SEQUENCE_END_EVENT { return .sequence(items, location) }
                guard let item = node(under: context) else { return nil }
                items.append(item)
            }
            return nil
        case YAML_MAPPING_START_EVENT:
            return mapping(at: location)
        default:
            diagnostics.append(Diagnostic(at: location, "aliases ('*name') are not supported in model files; write the value out"))
            return .scalar(YAMLScalar(text: "", isQuoted: false, location: location))
        }
    }

    /// The mapping whose start event is current; keys that are not names are reported and left out.
    private func mapping(at location: ModelLocation) -> YAMLValue? {
        var pairs: [(key: YAMLScalar, value: YAMLValue)] = []
        var seen = KeysSeen()
        while advance() {
            if type == YAML_MAPPING_END_EVENT { return .mapping(pairs, location) }
            if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT {
                // One report for the whole key, none for what it holds.
                let found = type == YAML_MAPPING_START_EVENT ? "a mapping" : "a list"
                diagnostics.append(Diagnostic(at: here, "a mapping key must be a plain name, found \(found)"))
                guard skipCollection(), advance(), node(under: .refusedKey) != nil else { return nil }
                continue
            }
            guard case .scalar(let key)? = node(under: .refusedKey), advance() else { return nil }
            var valueContext = TextContext.key(key.text)
            if lineBreaks != nil, let problem = YAMLTextPolicy.problem(in: key.text, multiLine: false) {
                refusedText.append(Diagnostic(at: key.location, "a key \(problem)"))
                valueContext = .refusedKey
            }
            guard let value = node(under: valueContext) else { return nil }
            if key.isNull {
                diagnostics.append(Diagnostic(at: key.location, "a mapping key is null ('\(key.text)'); write a name, or quote it"))
            } else if key.text == "<<" && !key.isQuoted {
                diagnostics.append(Diagnostic(at: key.location, "merge keys ('<<') are not allowed in model files; write the fields out",
                                              length: 2))
            } else if let first = seen.repeated(key, in: pairs) {
                // Keys are compared as text: every scalar stays text until a reader decides its type.
                diagnostics.append(Diagnostic(at: key.location, "duplicate key '\(key.clipped)' in the same mapping "
                                              + "(first at line \(first.line), column \(first.column))"))
            } else {
                pairs.append((key, value))
            }
        }
        return nil
    }

    /// Moves past the collection whose start event is current; false when libyaml stopped inside it.
    private func skipCollection() -> Bool {
        var depth = 1
        while depth > 0 {
            guard advance() else { return false }
            switch type {
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: depth += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: depth -= 1
            default: break
            }
        }
        return true
    }

}

/// The keys of one mapping so far, for finding a repeat: the kept pairs themselves are scanned while
/// the mapping has a few keys (a component's fields), and hashed once it is large (`components`),
/// each key to its position among the pairs (smaller to grow than the key's location).
private struct KeysSeen {
    private var many: [String: Int]?

    /// Where `key` first appeared in `pairs` (the mapping's keys so far), when it is a repeat;
    /// records it otherwise.
    mutating func repeated(_ key: YAMLScalar, in pairs: [(key: YAMLScalar, value: YAMLValue)]) -> ModelLocation? {
        if many != nil {
            if let first = many![key.text] { return pairs[first].key.location }
            many![key.text] = pairs.count
            return nil
        }
        if let first = pairs.firstIndex(where: { $0.key.text == key.text }) { return pairs[first].key.location }
        if pairs.count >= 16 {
            many = Dictionary(pairs.indices.map { (pairs[$0].key.text, $0) }, uniquingKeysWith: { first, _ in first })
            many![key.text] = pairs.count
        }
        return nil
    }
}
