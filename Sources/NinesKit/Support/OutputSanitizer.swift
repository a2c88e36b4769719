/// The one guard between text from an input file and a terminal or CI log: control characters
/// (C0, DEL, C1; ESC among them) are shown escaped, `\u{1B}`, so a value cannot clear the screen,
/// set a window title, or start a line of its own that GitHub Actions would obey (`::error …`,
/// `::stop-commands::`). The loaders already refuse control characters and line breaks where they
/// do not belong (docs/security.md); this covers whatever reaches a text format another way (a
/// model built in code, a CSV cell quoted in a message).
package enum OutputSanitizer {
    /// `value` on one line: every control character escaped, line breaks and tabs too.
    public static func escaped(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars { append(scalar, to: &result) }
        return String(result)
    }

    /// A whole rendered text or Markdown output: control characters escaped except the line breaks
    /// and tabs the format writes itself and, with `keepingColour`, the colour codes of its renderer
    /// (`ESC [ 1 m`, `ESC [ 0 m`, `ESC [ 31 m`: digits and `;` only, then `m`).
    /// A line that would begin with `::` (after blanks, which the Actions runner skips) has its first
    /// colon shown escaped, so no value becomes a workflow command even at the start of a line.
    public static func output(_ text: String, keepingColour: Bool = false) -> String {
        let escaped = escapingControls(text, keepingColour: keepingColour)
        guard escaped.contains("::") else { return escaped }
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).map(commandSafe).joined(separator: "\n")
    }

    /// `line` with the first colon of a leading `::` (after blanks) written `\u{3A}`.
    public static func commandSafe(_ line: some StringProtocol) -> String {
        let blanks = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(blanks.count)
        guard rest.hasPrefix("::") else { return String(line) }
        return blanks + "\\u{3A}" + rest.dropFirst()
    }

    private static func escapingControls(_ text: String, keepingColour: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingColour, scalar == "\u{1B}", let end = colourCodeEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if scalar == "\n" || scalar == "\t" { result.append(scalar) } else { append(scalar, to: &result) }
            index += 1
        }
        return String(result)
    }

    /// C0, DEL and C1.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        guard isControl(scalar) else {
            result.append(scalar)
            return
        }
        switch scalar {
        case "\n": result.append(contentsOf: "\\n".unicodeScalars)
        case "\r": result.append(contentsOf: "\\r".unicodeScalars)
        case "\t": result.append(contentsOf: "\\t".unicodeScalars)
        default: result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
        }
    }

    /// The index of the `m` ending an SGR colour code that starts at `start` (`ESC [`), if it is one.
    private static func colourCodeEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 12 {
            let scalar = scalars[index]
            if scalar == "m" { return index > start + 2 ? index : nil }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }
}
