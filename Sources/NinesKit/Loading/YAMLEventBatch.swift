import CYAML

/// One libyaml event copied out of libyaml (which frees each event as it parses the next), so the
/// tree can be built on another thread than the parser's (`YAMLEventPipe`).
struct YAMLRawEvent: Sendable {
    /// libyaml's `yaml_event_type_t`, by its raw value.
    var kind: UInt32
    /// Where the event starts, 0-based as libyaml marks it.
    var line: Int
    var column: Int
    /// A scalar's text: its place in the batch's `bytes`.
    var textStart = 0
    var textCount = 0
    /// A scalar written without quotes.
    var plain = false
    /// A plain scalar's tag, when the file wrote one other than the non-specific '!'.
    var explicitTag: String?

    var type: yaml_event_type_t { yaml_event_type_t(rawValue: kind) }
}

/// Consecutive events of one stream and the bytes of their scalars. The last batch of a stream
/// ends at its end, or where libyaml stopped (`failure`: libyaml's own account, located).
struct YAMLEventBatch: Sendable {
    var events: [YAMLRawEvent] = []
    var bytes: [UInt8] = []
    var failure: Diagnostic?
    var isLast = false
}

/// The system libyaml over bytes that outlive it, handing out its events in batches.
final class YAMLEventProducer {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private var finished = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// The next `limit` events or fewer; after the last batch, empty last batches.
    func next(limit: Int) -> YAMLEventBatch {
        var batch = YAMLEventBatch()
        while batch.events.count < limit, !finished {
            guard yaml_parser_parse(parser, event) == 1 else {
                batch.failure = YAMLSyntaxProblem.diagnostic(parser.pointee, bytes: bytes, file: file)
                finished = true
                break
            }
            defer { yaml_event_delete(event) }
            let current = event.pointee
            var raw = YAMLRawEvent(kind: current.type.rawValue, line: current.start_mark.line, column: current.start_mark.column)
            if current.type == YAML_SCALAR_EVENT {
                let scalar = current.data.scalar
                raw.plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                // Only a plain scalar's tag was written by the file; '!' is the non-specific tag.
                if raw.plain, let tag = scalar.tag.map({ String(cString: $0) }), tag != "!" { raw.explicitTag = tag }
                raw.textStart = batch.bytes.count
                raw.textCount = scalar.length
                batch.bytes.append(contentsOf: UnsafeBufferPointer(start: scalar.value, count: scalar.length))
            }
            if current.type == YAML_STREAM_END_EVENT { finished = true }
            batch.events.append(raw)
        }
        batch.isLast = finished
        return batch
    }
}
