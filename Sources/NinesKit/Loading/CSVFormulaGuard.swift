/// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is run as a formula when a facilitator opens the file, so
/// `=HYPERLINK(…)` in an owner or a note would act. Exports write such cells with a leading `'`,
/// which spreadsheets show as text; imports take exactly that `'` away, so the round trip is
/// lossless. A cell that itself begins with `'` gets one too, so an import never eats a quote that
/// belongs to the text.
package enum CSVFormulaGuard {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// `text` as a CSV cell that no spreadsheet reads as a formula.
    public static func guarded(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) || text.unicodeScalars.first == "\r" else { return text }
        return "'" + text
    }

    /// The text of a cell written by `guarded`: one leading `'` removed when a trigger follows it.
    public static func unguarded(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.unicodeScalars.dropFirst().first,
              triggers.contains(Character(next)) else { return cell }
        return String(cell.dropFirst())
    }
}
