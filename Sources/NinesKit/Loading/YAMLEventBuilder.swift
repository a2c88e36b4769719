import CNinesYAML

/// Builds the `YAMLValue` tree straight from libyaml's events, skipping Yams' `Node` tree: at
/// 100,000 components composing that tree and converting it cost seconds (docs/benchmarks.md).
///
/// It only handles the ordinary case: one document of scalars, lists and mappings whose keys are
/// plain names. A key repeated in its mapping is reported here, at the repeat, with where the key
/// first appeared, and every repeat of the file at once (Yams stops at the first and points at the
/// original). On anything else (a libyaml error, no or a second document, anchors, aliases, tags,
/// keys that are lists, maps, null or `<<`) it returns nil and `YAMLParser` composes the text with
/// Yams instead, whose diagnostics it turns into ours.
enum YAMLEventBuilder {
    static func build(_ text: String, file: String) -> Result<YAMLValue, DiagnosticError>? {
        var text = text
        return text.withUTF8 { bytes in
            let reader = EventReader(bytes, file: file)
            guard let root = reader.document() else { return nil }
            return reader.repeatedKeys.isEmpty ? .success(root) : .failure(DiagnosticError(reader.repeatedKeys))
        }
    }
}

/// One libyaml parser over bytes that outlive it; `event` holds the current event.
private final class EventReader {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var holdsEvent = false
    private let file: String
    /// One diagnostic per key that repeats an earlier key of its mapping.
    private(set) var repeatedKeys: [Diagnostic] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.file = file
        nines_yaml_parser_initialize(parser)
        nines_yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        nines_yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        if holdsEvent { nines_yaml_event_delete(event) }
        nines_yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// Moves to the next event; false on a libyaml error.
    private func advance() -> Bool {
        if holdsEvent { nines_yaml_event_delete(event) }
        holdsEvent = nines_yaml_parser_parse(parser, event) == 1
        return holdsEvent
    }

    private func advance(expecting type: yaml_event_type_t) -> Bool {
        advance() && event.pointee.type == type
    }

    /// The single document's root, as `Parser.singleRoot` reads it.
    func document() -> YAMLValue? {
        guard advance(expecting: YAML_STREAM_START_EVENT), advance(expecting: YAML_DOCUMENT_START_EVENT), advance(),
              let root = node(), advance(expecting: YAML_DOCUMENT_END_EVENT), advance(expecting: YAML_STREAM_END_EVENT) else { return nil }
        return root
    }

    /// Where the current event starts, as Yams marks it (1-based; columns count characters).
    private var here: ModelLocation {
        let mark = event.pointee.start_mark
        return ModelLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    /// The node that starts at the current event.
    private func node() -> YAMLValue? {
        let current = event.pointee
        let location = here
        switch current.type {
        case YAML_SCALAR_EVENT:
            let style = current.data.scalar.style
            guard let text = scalarText else { return nil }
            return .scalar(YAMLScalar(text: text, isQuoted: style != YAML_PLAIN_SCALAR_STYLE && style != YAML_ANY_SCALAR_STYLE,
                                      location: location))
        case YAML_SEQUENCE_START_EVENT:
            guard current.data.sequence_start.anchor == nil, current.data.sequence_start.tag == nil else { return nil }
            var items: [YAMLValue] = []
            while advance() {
                if event.pointee.type == YAML_SEQUENCE_END_EVENT { return .sequence(items, location) }
                guard let item = node() else { return nil }
                items.append(item)
            }
            return nil
        case YAML_MAPPING_START_EVENT:
            guard current.data.mapping_start.anchor == nil, current.data.mapping_start.tag == nil else { return nil }
            var pairs: [(key: YAMLScalar, value: YAMLValue)] = []
            var seen = KeysSeen()
            while advance() {
                if event.pointee.type == YAML_MAPPING_END_EVENT { return .mapping(pairs, location) }
                guard let key = key(), advance(), let value = node() else { return nil }
                if let first = seen.insert(key) {
                    // Yams compares text and tag, and with the basic resolver every key is a string.
                    repeatedKeys.append(Diagnostic(at: key.location, "duplicate key '\(key.clipped)' in the same mapping "
                                                   + "(first at line \(first.line), column \(first.column))"))
                } else {
                    pairs.append((key, value))
                }
            }
            return nil
        default:
            return nil   // an alias
        }
    }

    /// A mapping key the converter accepts without a diagnostic: a scalar, not null, not a plain `<<`.
    private func key() -> YAMLScalar? {
        let current = event.pointee
        guard current.type == YAML_SCALAR_EVENT, let text = scalarText else { return nil }
        let plain = current.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
        let key = YAMLScalar(text: text, isQuoted: !plain, location: here)
        guard !key.isNull, !(plain && text == "<<") else { return nil }
        return key
    }

    /// The current scalar event's text; nil when it carries an anchor or a tag.
    private var scalarText: String? {
        let scalar = event.pointee.data.scalar
        guard scalar.anchor == nil, scalar.tag == nil else { return nil }
        let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        // Yams decodes through Foundation, which drops a leading byte order mark; leave that case to it.
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

}

/// The keys of one mapping so far: a short list for the usual few keys, hashed once a mapping is
/// large (such as `components`).
private struct KeysSeen {
    private var few: [(text: String, location: ModelLocation)] = []
    private var many: [String: ModelLocation]?

    /// Records `key`; returns where it first appeared when it is a repeat.
    mutating func insert(_ key: YAMLScalar) -> ModelLocation? {
        if many != nil {
            if let first = many![key.text] { return first }
            many![key.text] = key.location
            return nil
        }
        if let first = few.first(where: { $0.text == key.text }) { return first.location }
        few.append((key.text, key.location))
        if few.count > 16 { many = Dictionary(few.map { ($0.text, $0.location) }, uniquingKeysWith: { first, _ in first }) }
        return nil
    }
}
