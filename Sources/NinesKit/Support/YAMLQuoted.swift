/// Text written into YAML that nines generates (exports, overlays): a value from a model or a file
/// name (which may come from a hostile pull request) stays one value, or one comment line.
enum YAMLQuoted {
    /// A double-quoted scalar: every character that could end the string, start a line or reach a
    /// terminal as a control is escaped.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else if scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `text` for a `#` comment: every control character and every character YAML 1.1 (libyaml)
    /// reads as a line break (NEL, LS, PS) becomes a space, so the comment cannot end early.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 ? " " : Character(scalar)
        })
    }
}
