/// What text a model or worksheet value may hold, checked as the tree is built (`YAMLEventBuilder`): no control
/// characters (C0 other than tab and line feed, DEL, C1; an ESC written `"\e"` or `"\x1B"` among
/// them), and line breaks only in the fields that are prose. A name, `system:` or an id with a line
/// break could start a line of its own in a CI log (`::error …`), one with ESC could rewrite the
/// terminal; the renderers escape such text too (`OutputSanitizer`), this says so at the source.
enum YAMLTextPolicy {
    /// Fields whose text may span lines: descriptions and the worksheet's prose.
    static let multiLineKeys: Set<String> = ["description", "source", "function", "failure_mode", "effect_local", "effect_end_user",
                                             "cause", "prevention", "detection_controls", "recommended_action", "notes"]

    /// Where line breaks may stand: in prose fields only (model files, worksheets), or anywhere
    /// (manifests carry scripts and configuration files in their values).
    enum LineBreaks {
        case proseOnly
        case anywhere
    }

    /// Why `text` is refused, if it is; scans bytes, so ordinary text costs one pass.
    static func problem(in text: String, multiLine: @autoclosure () -> Bool) -> String? {
        var text = text
        return text.withUTF8 { problem(inBytes: $0, multiLine: multiLine()) }
    }

    /// `problem(in:multiLine:)` over UTF-8 bytes: the event builder checks libyaml's own buffer
    /// before it becomes a string (iterating a string's bytes cost more than the check).
    static func problem(inBytes bytes: UnsafeBufferPointer<UInt8>, multiLine: @autoclosure () -> Bool) -> String? {
        var previous: UInt8 = 0
        for byte in bytes {
            defer { previous = byte }
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D || !multiLine() { return "is one line of text, found a line break (only descriptions and worksheet prose may span lines)" }
                continue
            }
            if byte == 0x09 { continue }
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) {
                let hex = String(byte, radix: 16, uppercase: true)
                return "holds a control character (U+\(String(repeating: "0", count: 4 - hex.count) + hex)); write printable text"
            }
        }
        return nil
    }
}
