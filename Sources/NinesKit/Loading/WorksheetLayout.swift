/// How a worksheet file was written, beyond its values, so that `fmea import`, which rewrites the
/// file whole, keeps it: its comments, each with what it belongs to (the file's opening block,
/// a top-level key, a failure mode or one of its fields by the row's id, the end of a key's or
/// field's line, the end of the file), and which rows state their `layer`. A row the import drops
/// takes its comments with it. Comment text is kept from its `#` on; indentation is the writer's.
///
/// YAML parsers drop comments, so this reads the lines: inside the content of block scalars
/// (`|`, `>`) and multi-line quoted scalars a `#` is text, not a comment, and is skipped.
package struct WorksheetLayout: Hashable, Sendable {
    /// The lines before the first key (comments and the blank lines between them).
    public var opening: [String] = []
    /// Comment lines before a top-level key, by key (comments inside a nested block such as
    /// `scoring:` go before the next top-level key).
    public var beforeKey: [String: [String]] = [:]
    /// End-of-line comment of a top-level key.
    public var endOfKeyLine: [String: String] = [:]
    /// Comment lines before a failure mode, by id.
    public var beforeRow: [String: [String]] = [:]
    /// Comment lines before a field of a failure mode: id, then field name.
    public var beforeField: [String: [String: [String]]] = [:]
    /// End-of-line comment of a field of a failure mode: id, then field name.
    public var endOfLine: [String: [String: String]] = [:]
    /// Comment lines after the last row.
    public var closing: [String] = []
    /// Ids of the rows that state a `layer` (the others leave it to their component's default).
    public var layerStated: Set<String> = []
    /// The fields each row writes, by id, empty ones included: a scaffold's `cause:` left for the
    /// workshop stays in the file after an import that leaves it empty.
    public var fieldsStated: [String: Set<String>] = [:]

    public init() {}

    public var isEmpty: Bool { self == WorksheetLayout() }

    /// One row's comments while its id is not yet known.
    private struct Row {
        var before: [String] = []
        var id: String?
        var beforeField: [String: [String]] = [:]
        var endOfLine: [String: String] = [:]
        var statesLayer = false
        var fields: Set<String> = []
    }

    public static func scan(_ text: String) -> WorksheetLayout {
        var result = WorksheetLayout()
        var pending: [String] = []
        var openingDone = false
        var inFailureModes = false
        var row: Row?
        var content: (indent: Int, quote: Character?)?   // inside a block scalar or a multi-line quoted one
        func flushRow() {
            if let done = row, let id = done.id {
                if !done.before.isEmpty { result.beforeRow[id] = done.before }
                if !done.beforeField.isEmpty { result.beforeField[id] = done.beforeField }
                if !done.endOfLine.isEmpty { result.endOfLine[id] = done.endOfLine }
                if done.statesLayer { result.layerStated.insert(id) }
                if !done.fields.isEmpty { result.fieldsStated[id] = done.fields }
            }
            row = nil
        }
        // "\r\n" is one Character in Swift: split on the scalar so CRLF files read like LF ones.
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map({ String(String.UnicodeScalarView($0)) }) {
            let line = line.hasSuffix("\r") ? String(line.dropLast()) : line
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if let open = content {
                if let quote = open.quote, quote != "\n" {
                    if Self.closesQuote(body, quote) { content = nil }
                    continue
                }
                if body.isEmpty || indent > open.indent { continue }
                content = nil
            }
            if body.isEmpty {
                if !openingDone && !pending.isEmpty { pending.append("") }
                continue
            }
            if body.hasPrefix("#") {
                pending.append(String(body))
                continue
            }
            if !openingDone {
                // One blank line between the opening and the first key is kept.
                let blankAfter = pending.last == ""
                while pending.last == "" { pending.removeLast() }
                result.opening = pending.isEmpty ? [] : pending + (blankAfter ? [""] : [])
                pending = []
                openingDone = true
            }
            var keyPart = Substring(body)
            let startsRow = inFailureModes && keyPart.hasPrefix("- ")
            if startsRow {
                flushRow()
                row = Row(before: pending)
                pending = []
                keyPart = keyPart.dropFirst(2).drop { $0 == " " }
            }
            guard let colon = Self.keyEnd(keyPart) else { continue }   // a continuation line of a plain scalar
            var key = String(keyPart[..<colon])
            let value = keyPart[keyPart.index(after: colon)...]
            let (comment, opens) = Self.trailingComment(value)
            if let opens { content = (indent: indent + (startsRow ? 2 : 0), quote: opens) }
            if indent == 0 && !startsRow {
                flushRow()
                if !pending.isEmpty { result.beforeKey[key, default: []] += pending }
                pending = []
                if let comment { result.endOfKeyLine[key] = comment }
                inFailureModes = key == "failure_modes"
                continue
            }
            guard row != nil else { continue }   // a nested key outside the rows: its comments wait for the next top-level key
            if key == "components" { key = FailureModeField.component.rawValue }
            if key == "id" { row!.id = Self.plainValue(value) }
            if key == FailureModeField.layer.rawValue { row!.statesLayer = true }
            row!.fields.insert(key)
            if !pending.isEmpty { row!.beforeField[key, default: []] += pending }
            pending = []
            if let comment { row!.endOfLine[key] = comment }
        }
        flushRow()
        if !openingDone {
            result.opening = pending
        } else {
            while pending.last == "" { pending.removeLast() }
            result.closing = pending
        }
        return result
    }

    /// Where a `key:` ends (the colon followed by a space or the line's end), if the line is one.
    static func keyEnd(_ text: Substring) -> Substring.Index? {
        guard let first = text.first, first.isLetter || first == "_" else { return nil }
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == ":" {
                let next = text.index(after: index)
                return next == text.endIndex || text[next] == " " ? index : nil
            }
            guard c.isLetter || c.isNumber || c == "_" || c == "-" else { return nil }
            index = text.index(after: index)
        }
        return nil
    }

    /// The comment at the end of a value (`# …`), and the quote (or a newline for `|` and `>`)
    /// whose content continues on the next lines, if any.
    static func trailingComment(_ value: Substring) -> (comment: String?, opens: Character?) {
        let text = value.drop { $0 == " " }
        var index = text.startIndex
        if let quote = text.first, quote == "\"" || quote == "'" {
            index = text.index(after: index)
            var closed = false
            while index < text.endIndex {
                let c = text[index]
                if quote == "\"" && c == "\\" {
                    index = text.index(after: index)
                    if index < text.endIndex { index = text.index(after: index) }
                    continue
                }
                index = text.index(after: index)
                if c == quote {
                    if quote == "'" && index < text.endIndex && text[index] == "'" { index = text.index(after: index); continue }
                    closed = true
                    break
                }
            }
            if !closed { return (nil, quote) }
        } else if let first = text.first, first == "|" || first == ">" {
            let comment = text.firstIndex(of: "#").map { String(text[$0...]) }
            return (comment, "\n")
        }
        // The rest: a plain (or flow) value, where a comment starts at a '#' after a space.
        var previous: Character = " "
        while index < text.endIndex {
            if text[index] == "#" && (previous == " " || previous == "\t" || index == text.startIndex) {
                return (String(text[index...]), nil)
            }
            previous = text[index]
            index = text.index(after: index)
        }
        return (nil, nil)
    }

    /// Whether a line inside a multi-line quoted scalar holds its closing quote.
    static func closesQuote(_ line: Substring, _ quote: Character) -> Bool {
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            index = line.index(after: index)
            if quote == "\"" && c == "\\" {
                if index < line.endIndex { index = line.index(after: index) }
                continue
            }
            if c == quote {
                if quote == "'" && index < line.endIndex && line[index] == "'" { index = line.index(after: index); continue }
                return true
            }
        }
        return false
    }

    /// A plain or quoted single-line value without its comment (for a row's id).
    static func plainValue(_ value: Substring) -> String {
        var text = value.drop { $0 == " " }
        if let comment = trailingComment(value).comment, let range = text.range(of: comment) { text = text[..<range.lowerBound] }
        var trimmed = String(text).trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, (first == "\"" || first == "'"), trimmed.last == first {
            trimmed = String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
