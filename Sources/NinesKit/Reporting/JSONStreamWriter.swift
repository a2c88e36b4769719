/// Writes a value as the bytes of Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` and non-finite numbers as "Infinity"/"-Infinity"/"NaN" (two-space
/// indents, `"key" : value`, keys in UTF-8 order, empty containers as an open and a close on lines
/// of their own), handing them to `sink` in chunks as it goes.
///
/// A value is recorded one container deep (`JSONRecording`) and its members are encoded when
/// reached, so memory stays that of the path being written, not of the output.
/// `JSONReportRendererTests` holds the bytes beside `JSONEncoder`'s.
struct JSONStreamWriter {
    /// Containers nested this deep are refused, as `JSONEncoder` refuses them.
    static let maximumDepth = 512
    /// Bytes gathered before they go to the sink.
    static let chunkSize = 1 << 16

    private var output: [UInt8] = []
    private var indent = 0
    private let sink: (UnsafeRawBufferPointer) throws -> Void

    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        output.reserveCapacity(Self.chunkSize + 1024)
    }

    /// Writes `value`, then what is still gathered.
    mutating func writeDocument<T: Encodable>(_ value: T) throws {
        try write(value, depth: 0, path: [])
        try flush()
    }

    private mutating func flush() throws {
        try output.withUnsafeBytes { try sink($0) }
        output.removeAll(keepingCapacity: true)
    }

    private mutating func write<T: Encodable>(_ value: T, depth: Int, path: [any CodingKey]) throws {
        if let scalar = JSONRecordingEncoder.scalar(value) { return write(scalar) }
        let recording = JSONRecording(codingPath: path)
        try value.encode(to: JSONRecordingEncoder(recording: recording))
        try write(recording, depth: depth)
    }

    private mutating func write(_ recording: JSONRecording, depth: Int) throws {
        switch recording.shape {
        case .unset: try writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), [], depth: depth + 1, path: recording.codingPath)
        case .scalar(let scalar): write(scalar)
        case .object:
            try writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), sortedMembers(recording.entries), depth: depth + 1, path: recording.codingPath)
        case .array:
            try writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), recording.entries, depth: depth + 1, path: recording.codingPath)
        }
    }

    private mutating func write(_ entry: JSONRecording.Entry, depth: Int, path: [any CodingKey]) throws {
        switch entry {
        case .scalar(let scalar): write(scalar)
        case .deferred(let value): try write(value, depth: depth, path: path)
        case .nested(let recording): try write(recording, depth: depth)
        }
    }

    /// Members in UTF-8 order of their keys; a key given twice keeps its last value.
    private func sortedMembers(_ entries: [(key: String?, entry: JSONRecording.Entry)]) -> [(key: String?, entry: JSONRecording.Entry)] {
        let sorted = entries.indices.sorted { a, b in
            let keyA = entries[a].key ?? "", keyB = entries[b].key ?? ""
            return keyA == keyB ? a < b : keyA.utf8.lexicographicallyPrecedes(keyB.utf8)
        }
        return sorted.enumerated().compactMap { position, index in
            position + 1 < sorted.count && entries[sorted[position + 1]].key == entries[index].key ? nil : entries[index]
        }
    }

    private mutating func writeContainer(open: UInt8, close: UInt8, _ entries: [(key: String?, entry: JSONRecording.Entry)],
                                         depth: Int, path: [any CodingKey]) throws {
        guard depth < Self.maximumDepth else { throw JSONNestingError(depth: Self.maximumDepth) }
        output.append(open)
        output.append(UInt8(ascii: "\n"))
        indent += 1
        for (position, (key, entry)) in entries.enumerated() {
            if position > 0 {
                output.append(UInt8(ascii: ","))
                output.append(UInt8(ascii: "\n"))
            }
            writeIndent()
            if let key {
                writeString(key)
                output.append(contentsOf: " : ".utf8)
            }
            if output.count >= Self.chunkSize { try flush() }
            let memberPath: [any CodingKey]
            if case .deferred = entry {
                memberPath = path + [key.map { JSONPathKey(stringValue: $0) } ?? JSONPathKey(intValue: position)]
            } else {
                memberPath = path
            }
            try write(entry, depth: depth, path: memberPath)
        }
        output.append(UInt8(ascii: "\n"))
        indent -= 1
        writeIndent()
        output.append(close)
    }

    private mutating func writeIndent() {
        for _ in 0..<indent {
            output.append(UInt8(ascii: " "))
            output.append(UInt8(ascii: " "))
        }
    }

    private mutating func write(_ scalar: JSONRecording.Scalar) {
        switch scalar {
        case .string(let string): writeString(string)
        case .double(let number): writeNumber(number)
        case .float(let number): writeNumber(number)
        case .int(let number): output.append(contentsOf: number.description.utf8)
        case .unsigned(let number): output.append(contentsOf: number.description.utf8)
        case .bool(let flag): output.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .null: output.append(contentsOf: "null".utf8)
        }
    }

    /// Shortest round-trip digits, "720" rather than "720.0".
    private mutating func writeNumber<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) {
        if value.isNaN { return writeString("NaN") }
        if value == .infinity { return writeString("Infinity") }
        if value == -.infinity { return writeString("-Infinity") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        output.append(contentsOf: text.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Quotes, backslashes and C0 controls escaped; slashes, DEL and non-ASCII as they are.
    private mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0x08: escape(UInt8(ascii: "b"))
            case 0x0C: escape(UInt8(ascii: "f"))
            case 0x0A: escape(UInt8(ascii: "n"))
            case 0x0D: escape(UInt8(ascii: "r"))
            case 0x09: escape(UInt8(ascii: "t"))
            case 0x00..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ letter: UInt8) {
        output.append(UInt8(ascii: "\\"))
        output.append(letter)
    }
}

/// Containers nested too deep for JSON readers (and for `JSONEncoder`).
struct JSONNestingError: Error, CustomStringConvertible {
    let depth: Int
    var description: String { "containers are nested \(depth) deep or more" }
}
