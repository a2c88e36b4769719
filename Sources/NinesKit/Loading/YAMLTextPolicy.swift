/// What text a model or worksheet value may hold, checked once over the parsed tree: no control
/// characters (C0 other than tab and line feed, DEL, C1; an ESC written `"\e"` or `"\x1B"` among
/// them), and line breaks only in the fields that are prose. A name, `system:` or an id with a line
/// break could start a line of its own in a CI log (`::error …`), one with ESC could rewrite the
/// terminal; the renderers escape such text too (`OutputSanitizer`), this says so at the source.
enum YAMLTextPolicy {
    /// Fields whose text may span lines: descriptions and the worksheet's prose.
    static let multiLineKeys: Set<String> = ["description", "source", "function", "failure_mode", "effect_local", "effect_end_user",
                                             "cause", "prevention", "detection_controls", "recommended_action", "notes"]

    /// - Parameter lineBreaksAnywhere: every value may span lines (manifests); control characters
    ///   are refused all the same.
    static func check(_ root: YAMLValue, lineBreaksAnywhere: Bool = false) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        walk(root, key: nil, lineBreaksAnywhere: lineBreaksAnywhere, into: &diagnostics)
        return diagnostics
    }

    private static func walk(_ value: YAMLValue, key: String?, lineBreaksAnywhere: Bool, into diagnostics: inout [Diagnostic]) {
        switch value {
        case .scalar(let scalar):
            // The key is looked up only for text with a line break: hashing every key cost more than the scan.
            if let problem = problem(in: scalar.text, multiLine: lineBreaksAnywhere || key.map(multiLineKeys.contains) ?? false) {
                let what = key.map { "'\($0)'" } ?? "a list item"
                diagnostics.append(Diagnostic(at: scalar.location, "\(what) \(problem)"))
            }
        case .sequence(let items, _):
            for item in items { walk(item, key: key, lineBreaksAnywhere: lineBreaksAnywhere, into: &diagnostics) }
        case .mapping(let pairs, _):
            for pair in pairs {
                if let problem = problem(in: pair.key.text, multiLine: false) {
                    diagnostics.append(Diagnostic(at: pair.key.location, "a key \(problem)"))
                    continue
                }
                walk(pair.value, key: pair.key.text, lineBreaksAnywhere: lineBreaksAnywhere, into: &diagnostics)
            }
        }
    }

    /// Why `text` is refused, if it is; scans bytes, so ordinary text costs one pass.
    static func problem(in text: String, multiLine: @autoclosure () -> Bool) -> String? {
        var previous: UInt8 = 0
        for byte in text.utf8 {
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
