/// Text written into YAML that nines generates (exports, overlays): a value from a model or a file
/// name (which may come from a hostile pull request) stays one value, or one comment line.
enum YAMLQuoted {
    /// A double-quoted scalar with every character that could end it, start a line or reach a
    /// terminal as a control escaped (the worksheet writer's quoting, shared).
    static func string(_ text: String) -> String { WorksheetYAMLWriter.quoted(text) }

    /// `text` for a `#` comment: every control character and every character YAML 1.1 (libyaml)
    /// reads as a line break (NEL, LS, PS) becomes a space, so the comment cannot end early.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 ? " " : Character(scalar)
        })
    }
}
