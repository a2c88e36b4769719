/// RFC 4180 CSV: records of fields, each field with where it starts in the file so errors can
/// name the row and column. Fields may be quoted ("a, b", "say ""hi""", embedded newlines);
/// records end with LF or CRLF. Text is UTF-8 (decoded by `SourceFile`). Fields are separated by
/// a comma, or by the semicolon or tab that spreadsheets write where the comma is the decimal mark.
package struct CSVTable: Sendable {
    package struct Field: Sendable, Hashable {
        public var text: String
        public var location: ModelLocation
    }

    /// Records in file order; the first is the header.
    public var records: [[Field]]

    /// The delimiters a file may use.
    public static let delimiters: [Unicode.Scalar] = [",", ";", "\t"]

    /// The delimiter of `text`: whichever of `delimiters` its first record (the header) holds most
    /// often outside quotes; a comma when it holds none (a one-column file) or on a tie.
    public static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var inQuotes = false
        for c in text.unicodeScalars {
            if c == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if c == "\n" { break }
            if delimiters.contains(c) { counts[c, default: 0] += 1 }
        }
        var best = delimiters[0]
        for delimiter in delimiters where counts[delimiter, default: 0] > counts[best, default: 0] { best = delimiter }
        return best
    }

    /// Parses `text`, or reports the first malformed spot (a quote inside an unquoted field, text
    /// after a closing quote, a quoted field never closed).
    public static func parse(_ text: String, file: String, delimiter: Unicode.Scalar = ",") -> Result<CSVTable, DiagnosticError> {
        var records: [[Field]] = []
        var record: [Field] = []
        var field = ""
        var fieldStart = ModelLocation(file: file, line: 1, column: 1)
        var line = 1, column = 1
        var quoted = false, inQuotes = false, afterQuote = false, atFieldStart = true
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func fail(_ message: String) -> Result<CSVTable, DiagnosticError> {
            .failure(DiagnosticError([Diagnostic(at: ModelLocation(file: file, line: line, column: column), message)]))
        }
        func endField() {
            record.append(Field(text: field, location: fieldStart))
            field = ""
            quoted = false
            afterQuote = false
            atFieldStart = true
        }
        while index < scalars.count {
            let c = scalars[index]
            if atFieldStart {
                fieldStart = ModelLocation(file: file, line: line, column: column)
                atFieldStart = false
                if c == "\"" {
                    quoted = true
                    inQuotes = true
                    index += 1; column += 1
                    continue
                }
            }
            if inQuotes {
                if c == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 2; column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    index += 1; column += 1
                    continue
                }
                field.unicodeScalars.append(c)
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            switch c {
            case delimiter:
                endField()
                index += 1; column += 1
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n", "\n":
                endField()
                records.append(record)
                record = []
                index += c == "\r" ? 2 : 1
                line += 1; column = 1
            default:
                if afterQuote { return fail("unexpected text after a closing quote; a quoted field ends at its quote (write \"\" for a quote inside it)") }
                if c == "\"" { return fail("a quote inside an unquoted field; quote the whole field and double the quote (\"\")") }
                if c == "\r" { return fail("a carriage return outside quotes; lines end with LF or CRLF") }
                field.unicodeScalars.append(c)
                index += 1; column += 1
            }
        }
        if inQuotes {
            return .failure(DiagnosticError([Diagnostic(at: fieldStart, "a quoted field is never closed; add the closing quote")]))
        }
        if !atFieldStart || !record.isEmpty || quoted { endField(); records.append(record) }
        return .success(CSVTable(records: records))
    }

    /// One record as a CSV line ending in LF (diffs well in git), quoting only where needed.
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\n"
    }

    /// Quotes a field when it holds a comma, quote, line break or leading/trailing space.
    public static func quote(_ text: String) -> String {
        let needs = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            || text.first == " " || text.last == " "
        return needs ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
