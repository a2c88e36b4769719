/// A fast lexical pass over model text that enforces the model-file YAML policy BEFORE libyaml
/// sees the text (docs/hardening.md):
///
/// - no anchors (`&a`), aliases (`*a`) or tags (`!t`, `!!str`): an alias "billion laughs" bomb
///   hangs any composer that expands or hashes aliased keys, and an expanded alias tree explodes
///   in time and memory; tags would change how a value is read. Model files never need them.
/// - nesting at most `maxDepth` levels (a model needs about eight), so the recursive tree builder
///   (`YAMLEventBuilder`) cannot overflow a small thread stack (32 levels fit a 256 KB thread).
///
/// The pass is conservative: it looks at every position where a YAML node can start (line start,
/// after `- `, `? `, `: `, and in flow collections after `[`, `{`, `,` and any `:`), outside
/// comments, quoted scalars and block scalars. A plain multi-line scalar whose continuation line
/// starts with `&`, `*` or `!` is refused too (quote it); nothing libyaml would read as an anchor,
/// alias or tag gets through.
package enum YAMLPreflight {
    /// Deepest nesting of collections accepted in a model file.
    public static let maxDepth = 32
    /// At most this many policy problems are reported for one file.
    static let reportLimit = 10

    public static func check(_ text: String, file: String) -> [Diagnostic] {
        var text = text
        // Over the string's own bytes: no copy of a large file, no bounds checks per byte.
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes, file: file)
            scanner.run()
            return scanner.diagnostics
        }
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var diagnostics: [Diagnostic] = []

        var index = 0
        var line = 1
        var lineStart = 0
        var indent = 0
        var flowDepth = 0
        var indentStack: [Int] = []
        var dashesOnLine = 0
        /// Column (0-based) of the innermost block node on this line: the indentation a block
        /// scalar's content must exceed.
        var nodeColumn = 0
        var atNodeStart = true
        var afterQuoted = false
        var inDouble = false
        var inSingle = false
        /// Indentation of the line that opened a block scalar (`|` or `>`), while inside one.
        var blockScalarParent: Int?
        var depthReported = false

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        var done: Bool { diagnostics.count >= YAMLPreflight.reportLimit || depthReported }

        mutating func run() {
            beginLine()
            while index < bytes.count && !done {
                skipOrdinaryBytes()
                guard index < bytes.count else { break }
                if let breakWidth = lineBreak(at: index) {
                    index += breakWidth
                    line += 1
                    lineStart = index
                    beginLine()
                    continue
                }
                scanByte()
            }
        }

        /// Moves past the bytes that `scanByte` would only step over: inside a plain scalar all but
        /// '#', ':', ',' and brackets; inside quotes all but the closing quote and '\\'. Stops at
        /// anything that may start a line break. Most of a model is such bytes.
        mutating func skipOrdinaryBytes() {
            // A local position and state, so the loops stay in registers.
            var i = index
            let end = bytes.count
            if inDouble {
                while i < end {
                    let byte = bytes[i]
                    if byte == 0x5C || byte == 0x22 || byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2 { break }
                    i += 1
                }
            } else if inSingle {
                while i < end {
                    let byte = bytes[i]
                    if byte == 0x27 || byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2 { break }
                    i += 1
                }
            } else if !atNodeStart {
                scan: while i < end {
                    switch bytes[i] {
                    case 0x0A, 0x0D, 0xC2, 0xE2, 0x23, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D: break scan   // breaks, # : , [ ] { }
                    default: i += 1
                    }
                }
            }
            index = i
        }

        /// Width of the line break at `i` (LF, CR, CRLF, and the Unicode breaks libyaml honours), or nil.
        func lineBreak(at i: Int) -> Int? {
            switch bytes[i] {
            case 0x0A: return 1
            case 0x0D: return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: return 2
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9): return 3
            default: return nil
            }
        }

        func isBlank(_ i: Int) -> Bool {
            i >= bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09 || lineBreak(at: i) != nil
        }

        /// Measures indentation, leaves block scalars whose content ended, tracks block nesting.
        mutating func beginLine() {
            var i = index
            while i < bytes.count && bytes[i] == 0x20 { i += 1 }
            indent = i - index
            dashesOnLine = 0
            nodeColumn = indent
            let blankLine = i >= bytes.count || lineBreak(at: i) != nil || bytes[i] == 0x23 /* # */
            if let parent = blockScalarParent {
                if blankLine || indent > parent {   // still block scalar content: skip the whole line
                    while index < bytes.count && lineBreak(at: index) == nil { index += 1 }
                    return
                }
                blockScalarParent = nil
            }
            if inDouble || inSingle { return }
            index = i
            if flowDepth > 0 { return }   // inside a flow collection a line break is only whitespace
            atNodeStart = true
            afterQuoted = false
            if blankLine { return }
            while let top = indentStack.last, top > indent { indentStack.removeLast() }
            if indentStack.last.map({ indent > $0 }) ?? true { indentStack.append(indent) }
            checkDepth()
        }

        mutating func checkDepth() {
            guard !depthReported, indentStack.count + dashesOnLine + flowDepth > YAMLPreflight.maxDepth else { return }
            depthReported = true
            report("the model nests deeper than \(YAMLPreflight.maxDepth) levels; model files need only a few")
        }

        mutating func scanByte() {
            let byte = bytes[index]
            if inDouble {
                if byte == 0x5C /* \ */ { index += 2; return }
                if byte == 0x22 { inDouble = false; afterQuoted = true }
                index += 1
                return
            }
            if inSingle {
                if byte == 0x27 {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x27 { index += 2; return }
                    inSingle = false
                    afterQuoted = true
                }
                index += 1
                return
            }
            if byte == 0x20 || byte == 0x09 { index += 1; return }
            if byte == 0x23 /* # */, index == lineStart || isBlank(index - 1) || atNodeStart {
                skipRestOfLine()
                return
            }
            if atNodeStart { scanNodeStart(byte) } else { scanInsideNode(byte) }
        }

        mutating func skipRestOfLine() {
            while index < bytes.count && lineBreak(at: index) == nil { index += 1 }
        }

        mutating func scanNodeStart(_ byte: UInt8) {
            switch byte {
            case 0x26 /* & */:
                report("anchors ('&name') are not allowed in model files; write the value out where it is used")
                skipToken()
            case 0x2A /* * */:
                report("aliases ('*name') are not allowed in model files; write the value out where it is used")
                skipToken()
            case 0x21 /* ! */:
                report("YAML tags ('!tag', '!!str') are not allowed in model files; write the plain value")
                skipToken()
            case 0x22, 0x27 /* " ' */:
                if flowDepth == 0 { nodeColumn = index - lineStart }
                if byte == 0x22 { inDouble = true } else { inSingle = true }
                atNodeStart = false
                index += 1
            case 0x7C /* | */ where flowDepth == 0, 0x3E /* > */ where flowDepth == 0:
                blockScalarParent = nodeColumn
                skipRestOfLine()
            case 0x2D /* - */ where flowDepth == 0 && index == lineStart && startsDocumentMarker():
                index += 3
            case 0x2E /* . */ where flowDepth == 0 && index == lineStart && startsDocumentMarker():
                index += 3
            case 0x25 /* % */ where index == lineStart:
                skipRestOfLine()
            case 0x2D /* - */ where flowDepth == 0 && isBlank(index + 1):
                dashesOnLine += 1
                checkDepth()
                nodeColumn = index - lineStart
                index += 1
            case 0x3F /* ? */ where isBlank(index + 1) || flowDepth > 0, 0x3A /* : */ where isBlank(index + 1) || flowDepth > 0:
                index += 1
            case 0x5B, 0x7B /* [ { */:
                openFlow()
            case 0x5D, 0x7D /* ] } */:
                closeFlow()
            case 0x2C /* , */ where flowDepth > 0:
                index += 1
            default:
                if flowDepth == 0 { nodeColumn = index - lineStart }
                atNodeStart = false   // a plain scalar begins
                afterQuoted = false
                index += 1
            }
        }

        mutating func scanInsideNode(_ byte: UInt8) {
            switch byte {
            case 0x3A /* : */ where isBlank(index + 1) || flowDepth > 0 || afterQuoted:
                atNodeStart = true
                afterQuoted = false
            case 0x2C /* , */ where flowDepth > 0:
                atNodeStart = true
                afterQuoted = false
            case 0x5B where flowDepth > 0, 0x7B where flowDepth > 0:
                openFlow()
                return
            case 0x5D where flowDepth > 0, 0x7D where flowDepth > 0:
                closeFlow()
                return
            default:
                break
            }
            index += 1
        }

        mutating func openFlow() {
            flowDepth += 1
            checkDepth()
            atNodeStart = true
            afterQuoted = false
            index += 1
        }

        mutating func closeFlow() {
            flowDepth = max(0, flowDepth - 1)
            atNodeStart = false
            afterQuoted = true   // `[a]: b` and `{"a": 1}` keep their ':' a value indicator
            index += 1
        }

        func startsDocumentMarker() -> Bool {
            index + 2 < bytes.count && bytes[index + 1] == bytes[index] && bytes[index + 2] == bytes[index] && isBlank(index + 3)
        }

        mutating func skipToken() {
            index += 1
            while index < bytes.count && !isBlank(index) { index += 1 }
        }

        mutating func report(_ message: String) {
            var column = 1
            for byte in bytes[lineStart..<min(index, bytes.count)] where byte & 0xC0 != 0x80 { column += 1 }
            var end = index
            while end < bytes.count && !isBlank(end) && end - index < 100 { end += 1 }
            diagnostics.append(Diagnostic(at: ModelLocation(file: file, line: line, column: column), message,
                                          length: max(1, end - index)))
        }
    }
}
