/// Whether a file starts like a nines model or worksheet. A file that does not (a `.env`, a key, a
/// system file reached through a link or a worksheet's `model:`) is refused with a message that
/// quotes none of its content: its lines could be secrets, and nines' messages go to CI logs.
enum InputSignature {
    /// The top-level keys a model or a worksheet may start with.
    static let knownKeys = Set(ModelDocumentReader.topLevelKeys + WorksheetReader.worksheetKeys)

    /// Nil when the first line that is not blank, a comment, a directive or `---` is a known top-level
    /// key (`version:`, `system:`, `"model":` …) or there is no such line (the parser then says the
    /// file is empty); otherwise the refusal, located at 1:1 and quoting nothing.
    static func refuseForeign(_ text: String, file: String) -> Diagnostic? {
        var rest = Substring(text)
        while !rest.isEmpty {
            // Line by line from the top, only as far as the first meaningful line (no split of the whole file).
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("%") { continue }
            if trimmed.hasPrefix("---"), trimmed.dropFirst(3).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            if startsWithKnownKey(trimmed) { return nil }
            var diagnostic = Diagnostic(at: ModelLocation(file: file, line: 1, column: 1),
                "this file does not start like a nines model or worksheet (its first line should be a key such as "
                + "'version:', 'system:' or 'model:'); its content is not shown")
            diagnostic.quotesSource = false
            return diagnostic
        }
        return nil
    }

    private static func startsWithKnownKey(_ line: Substring) -> Bool {
        var rest = line
        let quote = rest.first == "\"" || rest.first == "'" ? rest.removeFirst() : nil
        let key = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        rest = rest.dropFirst(key.count)
        if let quote {
            guard rest.first == quote else { return false }
            rest.removeFirst()
        }
        guard rest.first == ":", knownKeys.contains(String(key)) else { return false }
        let after = rest.dropFirst().first
        return after == nil || after == " " || after == "\t" || after == "\r"
    }
}
