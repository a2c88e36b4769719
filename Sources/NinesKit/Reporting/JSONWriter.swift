/// Prints a `JSONDocument` byte for byte as Foundation's `JSONEncoder` prints outside Apple
/// platforms with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces per level,
/// `"key" : value`, members and elements separated by `,` and a new line, an empty array or object
/// as the bracket, two new lines and the closing bracket at the enclosing indentation. Containers
/// nested 512 deep or more are an error, as with JSONEncoder.
///
/// Leaf and key texts are already final in the document, so the length of the text is known
/// before printing: the text is written straight into the storage of the resulting `String`.
struct JSONWriter {
    struct TooDeep: Error {}

    /// Containers at this depth (the outermost is depth 1) or deeper make JSONEncoder fail.
    static let maximumDepth = 512

    private let leaves: UnsafePointer<UInt8>
    private let children: UnsafePointer<JSONNode>
    private let firstKey: UnsafePointer<Int>
    private let keyTextEnds: UnsafePointer<Int>
    private let keyText: UnsafePointer<UInt8>
    /// A comma, a new line and the spaces of the deepest indentation allowed.
    private let separator: UnsafePointer<UInt8>
    private var cursor: UnsafeMutablePointer<UInt8>

    /// The text of `root`, with a final new line when asked for.
    static func text(of root: JSONNode, in document: JSONDocument, finalNewline: Bool = false) throws -> String {
        let indentation = Array(",\n".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: 2 * maximumDepth)
        let keyOrder = document.keyOrder
        return try indentation.withUnsafeBufferPointer { indentation in
            try document.storage.leaves.storage.withUnsafeBufferPointer { leaves in
                try document.storage.children.withUnsafeBufferPointer { children in
                    try keyOrder.firstKey.withUnsafeBufferPointer { firstKey in
                        try keyOrder.keyTextEnds.withUnsafeBufferPointer { keyTextEnds in
                            try keyOrder.keyText.storage.withUnsafeBufferPointer { keyText in
                                var writer = JSONWriter(leaves: base(leaves), children: base(children), firstKey: base(firstKey),
                                                        keyTextEnds: base(keyTextEnds), keyText: base(keyText),
                                                        separator: base(indentation), cursor: UnsafeMutablePointer(bitPattern: 1)!)
                                let length = try writer.length(of: root, level: 0) + (finalNewline ? 1 : 0)
                                return String(unsafeUninitializedCapacity: length) { target in
                                    writer.cursor = target.baseAddress!
                                    writer.write(root, level: 0)
                                    if finalNewline { writer.append(UInt8(ascii: "\n")) }
                                    precondition(writer.cursor == target.baseAddress! + length,
                                                 "JSONWriter measured \(length) bytes but wrote \(writer.cursor - target.baseAddress!)")
                                    return length
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The start of a buffer, also when it is empty (and then never read).
    private static func base<T>(_ buffer: UnsafeBufferPointer<T>) -> UnsafePointer<T> {
        buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!
    }

    /// Bytes `write` will write for `node` at indentation `level`; throws when nested too deep.
    private func length(of node: JSONNode, level: Int) throws -> Int {
        if node.kind == .leaf { return node.count }
        guard level + 1 < Self.maximumDepth else { throw TooDeep() }
        // Brackets, the closing line's indentation, and per child its line and separator.
        var length = 2 + (1 + 2 * level) + node.count * (2 + 2 * (level + 1)) - (node.count > 0 ? 1 : -1)
        if node.kind == .object, node.count > 0 {
            let keys = firstKey[Int(node.layout)]
            length += keyTextEnds[keys + node.count] - keyTextEnds[keys]
        }
        for index in 0..<node.count {
            let child = children[node.start + index]
            length += child.kind == .leaf ? child.count : try self.length(of: child, level: level + 1)
        }
        return length
    }

    /// Writes `node`, which starts at indentation `level` (the number of containers around it).
    private mutating func write(_ node: JSONNode, level: Int) {
        switch node.kind {
        case .leaf:
            append(leaves + node.start, count: node.count)
        case .array:
            append(UInt8(ascii: "["))
            for index in 0..<node.count {
                newline(level + 1, afterComma: index > 0)
                write(children[node.start + index], level: level + 1)
            }
            close(UInt8(ascii: "]"), empty: node.count == 0, level: level)
        case .object:
            append(UInt8(ascii: "{"))
            let keys = node.count > 0 ? firstKey[Int(node.layout)] : 0
            for index in 0..<node.count {
                newline(level + 1, afterComma: index > 0)
                let keyStart = keyTextEnds[keys + index]
                append(keyText + keyStart, count: keyTextEnds[keys + index + 1] - keyStart)
                write(children[node.start + index], level: level + 1)
            }
            close(UInt8(ascii: "}"), empty: node.count == 0, level: level)
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        cursor.pointee = byte
        cursor += 1
    }

    /// Copies `count` bytes; those of 8 to 16 (most keys, numbers, names and indentations) as two
    /// overlapping 8-byte words rather than through a call to `memmove`.
    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        if count >= 8 && count <= 16 {
            let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(cursor)
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else {
            cursor.update(from: source, count: count)
        }
        cursor += count
    }

    /// A new line indented to `level`, after a comma when one separates it from the previous item.
    @inline(__always)
    private mutating func newline(_ level: Int, afterComma: Bool = false) {
        append(afterComma ? separator : separator + 1, count: (afterComma ? 2 : 1) + 2 * level)
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8, empty: Bool, level: Int) {
        if empty { append(UInt8(ascii: "\n")) }
        newline(level)
        append(bracket)
    }
}
