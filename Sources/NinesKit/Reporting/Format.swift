import Foundation

/// Number formatting shared by the human-readable renderers. Locale-independent (POSIX).
package enum Format {
    /// The `--set` overrides a report was computed with, as one line ("what-if: --set a=1, --set b=2").
    public static func overrides(_ overrides: [String]?) -> String? {
        guard let overrides, !overrides.isEmpty else { return nil }
        return "what-if: " + overrides.map { "--set \($0)" }.joined(separator: ", ")
    }

    /// Names joined by commas, at most `limit` of them, then "and N more": a 10,000-component model
    /// may assume a repair time for thousands of components, and a terminal line should stay readable.
    public static func names(_ names: [String], limit: Int = 12) -> String {
        names.count <= limit ? names.joined(separator: ", ")
            : names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more (see --format json)"
    }

    /// An availability as a percentage with as many decimals as it has nines, plus two
    /// (99.95% → "99.9500%"), and never rounded up to 100% when the unavailability is not 0.
    public static func percent(_ p: Probability) -> String {
        if p.down == 0 { return "100%" }
        if p.down < 1e-12 { return "99.9999999999+%" }
        let nines = Nines.count(unavailability: p.down)
        let decimals = max(2, min(12, Int(nines.rounded(.down)) + 1))
        var text = String(format: "%.\(decimals)f%%", p.up * 100)
        if text.hasPrefix("100.") { text = "99." + String(repeating: "9", count: decimals) + "%" }
        return text
    }

    /// A stated target as the user would write it: "99.95%", "99.999%", no padding zeros.
    public static func target(_ p: Probability) -> String {
        var text = String(format: "%.10f", p.up * 100)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }

    /// Nines with one decimal: "3.3"; "∞" for a perfect figure.
    public static func nines(_ n: Double?) -> String {
        guard let n else { return "∞" }
        return String(format: "%.1f", n)
    }

    /// A probability near 0 in scientific notation when tiny: "5.0e-04", "1.00e-30".
    public static func small(_ q: Double) -> String {
        if q == 0 { return "0" }
        return String(format: "%.3g", q).replacingOccurrences(of: "e-0", with: "e-")
    }

    /// A duration in hours, shown in the unit that reads best: "0.8 s", "21.6 min", "4.38 h", "3.2 d".
    public static func duration(hours: Double) -> String {
        let seconds = hours * 3600
        if seconds == 0 { return "0 s" }
        if seconds < 0.001 { return String(format: "%.2g s", seconds) }
        if seconds < 60 { return String(format: "%.3g s", seconds) }
        if seconds < 3600 { return String(format: "%.3g min", seconds / 60) }
        if hours < 48 { return String(format: "%.3g h", hours) }
        if hours < 24 * 365 { return String(format: "%.3g d", hours / 24) }
        return String(format: "%.3g y", hours / 8760)
    }

    /// A count with thousands separators: 68406 → "68,406".
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A fraction as a percentage with one decimal: "35.2%"; "<0.1%" for tiny non-zero shares.
    public static func share(_ value: Double) -> String {
        if !value.isFinite { return "∞%" }
        if value > 0 && value < 0.001 { return "<0.1%" }
        return String(format: "%.1f%%", value * 100)
    }

    /// A count per year: "4.2/y".
    public static func perYear(_ value: Double) -> String {
        String(format: "%.3g/y", value)
    }

    /// Breaks text into lines of at most `width` characters at spaces (a longer word stays whole).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        // Prose may span lines in the file; it is reflowed here, so its own line breaks start no line.
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r\n" }) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Pads or clips to a column width (display width counted in characters); a multi-line text
    /// (a worksheet cell) is shown on one line, so it cannot break a table.
    public static func column(_ text: String, _ width: Int, right: Bool = false) -> String {
        let text = OutputSanitizer.escaped(oneLine(text))   // and no control character
        if text.count >= width { return text.count > width ? String(text.prefix(width - 1)) + "…" : text }
        let pad = String(repeating: " ", count: width - text.count)
        return right ? pad + text : text + pad
    }

    /// `text` on one line: each line break, with the spaces around it, becomes one space.
    public static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
