/// The text of one input file exactly as it was read, with the byte offset where each line starts
/// (worked out once). Diagnostics quote their line from these bytes and never read the file again:
/// a FIFO or `/dev/fd/N` cannot be read twice, and a file that changed since would show a line
/// that is not the one parsed.
public struct SourceText: Sendable {
    public let file: String
    let bytes: [UInt8]
    /// `lineStarts[n - 1]` is the offset of line n's first byte; one entry per line.
    let lineStarts: [Int]

    public init(_ text: String, file: String) {
        self.init(bytes: Array(text.utf8), file: file)
    }

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The bytes of line `number` (1-based) without its line break; nil past the end.
    func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }   // CRLF files
        return bytes[start..<end]
    }

    /// The 1-based line and column (in Unicode scalars; an invalid UTF-8 sequence counts as one) of
    /// byte `offset`, by binary search over the line starts.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).unicodeScalars.count + 1)
    }

    /// Unicode scalars in valid UTF-8: every byte that is not a continuation byte starts one.
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// At most `limit` scalars of line `number` around `column`, with "…" where the line goes on,
    /// and the caret's column in that window; only the window is decoded, however long the line.
    func window(line number: Int, around column: Int, limit: Int = 100) -> (text: String, caretColumn: Int)? {
        guard let line = line(number) else { return nil }
        // Byte offsets of the window's first and last scalar, found by skipping continuation bytes.
        func advance(_ from: Int, by count: Int) -> Int {
            var index = from, left = count
            while index < line.endIndex && left > 0 {
                index += 1
                while index < line.endIndex && line[index] & 0xC0 == 0x80 { index += 1 }
                left -= 1
            }
            return index
        }
        let first = max(0, column - 1 - limit / 2)
        var start = advance(line.startIndex, by: first)
        var end = advance(start, by: limit)
        var skipped = first
        if end == line.endIndex && skipped > 0 {
            // Near the end of the line: show the last `limit` scalars rather than fewer.
            let tail = Self.scalarCount(line[start..<end])
            let back = min(skipped, limit - tail)
            if back > 0 {
                skipped -= back
                start = advance(line.startIndex, by: skipped)
                end = advance(start, by: limit)
            }
        }
        let prefix = skipped > 0 ? "…" : ""
        let suffix = end < line.endIndex ? "…" : ""
        // Control characters are shown escaped (`\u{1B}`), so the caret counts the escaped text before it.
        let caret = min(advance(start, by: max(0, column - 1 - skipped)), end)
        let before = OutputSanitizer.escaped(Self.decode(line[start..<caret]))
        let after = OutputSanitizer.escaped(Self.decode(line[caret..<end]))
        return (prefix + before + after + suffix, prefix.count + before.unicodeScalars.count + 1)
    }

    /// Tabs as spaces, so the caret lines up whatever the terminal's tab stops.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t", with: " ")
    }
}
