import Foundation

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
    /// Gathered bytes past which they go to the sink; a piece written beside others (`elements`)
    /// keeps all of its bytes instead.
    private var flushThreshold = chunkSize

    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        output.reserveCapacity(Self.chunkSize + 1024)
    }

    /// A writer for a run of elements of an array whose container is open `indent` deep, gathering
    /// every byte (`elements` takes them in order).
    private init(pieceAt indent: Int, hasMembers: Bool) {
        self.sink = { _ in }
        self.indent = indent
        self.hasMembers = hasMembers
        flushThreshold = .max
    }

    /// Writes `value`, then what is still gathered.
    mutating func writeDocument<T: Encodable>(_ value: T) throws {
        try write(value, depth: 0, parent: nil, position: nil)
        try flush()
    }

    private mutating func flush() throws {
        try output.withUnsafeBytes { try sink($0) }
        output.removeAll(keepingCapacity: true)
    }

    private mutating func write<T: Encodable>(_ value: T, depth: Int, parent: JSONRecording?, position: JSONPathKey?) throws {
        if let streamable = value as? any JSONStreamable { return try streamable.write(to: &self) }
        if let scalar = JSONRecordingEncoder.scalar(value) { return write(scalar) }
        let recording = JSONRecording(parent: parent, position: position)
        try value.encode(to: JSONRecordingEncoder(recording: recording))
        try write(recording, depth: depth)
    }

    private mutating func write(_ recording: JSONRecording, depth: Int) throws {
        switch recording.shape {
        case .unset: try writeContainer(recording, order: [], open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), depth: depth + 1)
        case .scalar(let scalar): write(scalar)
        case .object:
            try writeContainer(recording, order: memberOrder(recording.keys), open: UInt8(ascii: "{"), close: UInt8(ascii: "}"),
                               depth: depth + 1)
        case .array:
            try writeContainer(recording, order: Array(recording.entries.indices), open: UInt8(ascii: "["), close: UInt8(ascii: "]"),
                               depth: depth + 1)
        }
    }

    /// The order of each list of keys met so far: every value of one type has the same keys, so
    /// 100,000 components are sorted once.
    private var memberOrders: [[String?]: [Int]] = [:]
    /// The lists of keys met last, newest first, compared before any hashing: a report's objects
    /// come in runs of one type whose keys are the same literals, which compare at once, while
    /// hashing a dozen keys per object cost a tenth of writing a 100,000-component report.
    private var recentOrders: [(keys: [String?], order: [Int])] = []

    private mutating func memberOrder(_ keys: [String?]) -> [Int] {
        if let recent = recentOrders.first(where: { $0.keys == keys }) { return recent.order }
        let order = memberOrders[keys] ?? Self.sortedMembers(keys)
        memberOrders[keys] = order
        recentOrders.insert((keys, order), at: 0)
        if recentOrders.count > 4 { recentOrders.removeLast() }
        return order
    }

    /// Positions of the members in UTF-8 order of their keys; a key given twice keeps its last value.
    private static func sortedMembers(_ keys: [String?]) -> [Int] {
        let bytes = keys.map { Array(($0 ?? "").utf8) }
        let sorted = bytes.indices.sorted { a, b in
            bytes[a] == bytes[b] ? a < b : bytes[a].lexicographicallyPrecedes(bytes[b])
        }
        return sorted.indices.compactMap { position in
            position + 1 < sorted.count && bytes[sorted[position + 1]] == bytes[sorted[position]] ? nil : sorted[position]
        }
    }

    /// The members or elements of `recording` at positions `order`, each on a line of its own.
    private mutating func writeContainer(_ recording: JSONRecording, order: [Int], open: UInt8, close: UInt8, depth: Int) throws {
        guard depth < Self.maximumDepth else { throw JSONNestingError(depth: Self.maximumDepth) }
        output.append(open)
        output.append(UInt8(ascii: "\n"))
        indent += 1
        for (position, index) in order.enumerated() {
            if position > 0 {
                output.append(UInt8(ascii: ","))
                output.append(UInt8(ascii: "\n"))
            }
            writeIndent()
            if let key = recording.keys[index] {
                writeString(key)
                output.append(contentsOf: " : ".utf8)
            }
            if output.count >= flushThreshold { try flush() }
            switch recording.entries[index] {
            case .scalar(let scalar): write(scalar)
            case .deferred(let value): try write(value, depth: depth, parent: recording, position: recording.position(of: index))
            case .nested(let nested): try write(nested, depth: depth)
            }
        }
        output.append(UInt8(ascii: "\n"))
        indent -= 1
        writeIndent()
        output.append(close)
    }

    // MARK: Writing directly (`JSONStreamable`)

    /// Whether the container being written directly has a member or element already (a separator
    /// goes before the next one).
    private var hasMembers = false
    #if DEBUG
    /// The last key of each object being written directly, to check they come sorted.
    private var lastKeys: [[UInt8]] = []
    #endif

    /// Where a directly written container began: what `end` restores.
    struct OpenContainer {
        fileprivate let close: UInt8
        fileprivate let outerHasMembers: Bool
    }

    /// Opens an object written member by member (`member`, in sorted key order), closed by `end`.
    mutating func beginObject() -> OpenContainer {
        #if DEBUG
        lastKeys.append([])
        #endif
        return begin(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
    }

    /// Opens an array written element by element (`element` before each), closed by `end`.
    mutating func beginArray() -> OpenContainer { begin(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) }

    private mutating func begin(open: UInt8, close: UInt8) -> OpenContainer {
        let container = OpenContainer(close: close, outerHasMembers: hasMembers)
        output.append(open)
        output.append(UInt8(ascii: "\n"))
        indent += 1
        hasMembers = false
        return container
    }

    /// Closes a container as `writeContainer` does: an empty one as an open and a close on lines of their own.
    mutating func end(_ container: OpenContainer) {
        #if DEBUG
        if container.close == UInt8(ascii: "}") { lastKeys.removeLast() }
        #endif
        output.append(UInt8(ascii: "\n"))
        indent -= 1
        writeIndent()
        output.append(container.close)
        hasMembers = container.outerHasMembers
    }

    /// Starts the next element of an array being written directly.
    mutating func element() throws {
        if hasMembers {
            output.append(UInt8(ascii: ","))
            output.append(UInt8(ascii: "\n"))
        }
        hasMembers = true
        writeIndent()
        if output.count >= flushThreshold { try flush() }
    }

    /// Elements written per core and round by `elements`: the rounds' pieces are held in memory
    /// until they go out, so a round stays about a megabyte (a component is ~500 bytes).
    static let elementsPerPiece = 2_048

    /// Writes `elements`, each as `write` writes one (it starts with `element()`), as a loop would,
    /// but in rounds of runs written on the processor's cores into buffers of their own, then
    /// handed on in order: the bytes are a loop's, the time nearer a loop's over the cores.
    /// A run after the first begins with a separator, as the loop would have written one there.
    mutating func elements<Element: Sendable>(_ elements: [Element],
                                              _ write: @Sendable (Element, inout JSONStreamWriter) throws -> Void) throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let round = Self.elementsPerPiece * max(1, cores)
        var start = 0
        while start < elements.count {
            let end = min(elements.count, start + round)
            let (indent, separated, first) = (indent, hasMembers, start)
            let pieces = OrderedChunks.map(count: end - start, minimumChunk: Self.elementsPerPiece / 2) { range in
                Result { () throws -> [UInt8] in
                    var piece = JSONStreamWriter(pieceAt: indent, hasMembers: separated || first + range.lowerBound > 0)
                    for index in range { try write(elements[first + index], &piece) }
                    return piece.output
                }
            }
            for piece in pieces {
                let bytes = try piece.get()
                if output.count + bytes.count >= Self.chunkSize { try flush() }
                if bytes.count >= Self.chunkSize { try bytes.withUnsafeBytes { try sink($0) } } else { output.append(contentsOf: bytes) }
            }
            hasMembers = true
            start = end
        }
    }

    /// Starts the member `key` of an object being written directly; its value follows.
    mutating func key(_ key: StaticString) throws {
        if hasMembers {
            output.append(UInt8(ascii: ","))
            output.append(UInt8(ascii: "\n"))
        }
        hasMembers = true
        writeIndent()
        let bytes = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        #if DEBUG
        precondition(bytes.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") },
                     "a key written directly needs no escape")
        precondition(lastKeys[lastKeys.count - 1].lexicographicallyPrecedes(bytes), "keys written directly come sorted")
        lastKeys[lastKeys.count - 1] = Array(bytes)
        #endif
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: bytes)
        output.append(contentsOf: "\" : ".utf8)
        if output.count >= flushThreshold { try flush() }
    }

    mutating func member(_ key: StaticString, _ value: String) throws {
        try self.key(key)
        writeString(value)
    }

    mutating func member(_ key: StaticString, _ value: Double) throws {
        try self.key(key)
        writeNumber(value)
    }

    /// Nothing when nil, as `encodeIfPresent` writes nothing.
    mutating func member(_ key: StaticString, _ value: Double?) throws {
        guard let value else { return }
        try member(key, value)
    }

    mutating func member(_ key: StaticString, _ value: Int) throws {
        try self.key(key)
        output.append(contentsOf: Int64(value).description.utf8)
    }

    mutating func member(_ key: StaticString, _ values: [String]) throws {
        try self.key(key)
        let array = beginArray()
        for value in values {
            try element()
            writeString(value)
        }
        end(array)
    }

    private mutating func writeIndent() {
        var left = 2 * indent
        while left > 0 {
            let run = min(left, Self.spaces.count)
            // Through a buffer pointer: appending an `ArraySlice` took the generic path.
            Self.spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
            left -= run
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

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
        let text = value.description
        // The digits' bytes as they are, less a final ".0": no second string, no Unicode-aware `hasSuffix`.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let integral = bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: ".") && bytes[bytes.count - 1] == UInt8(ascii: "0")
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<(integral ? bytes.count - 2 : bytes.count)]))
        }
        if copied == nil {
            var text = text
            if text.hasSuffix(".0") { text.removeLast(2) }
            output.append(contentsOf: text.utf8)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Quotes, backslashes and C0 controls escaped; slashes, DEL and non-ASCII as they are.
    private mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        // Most strings (names, keys) need no escape: copied whole instead of a byte at a time.
        let copied = string.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            output.append(contentsOf: bytes)
            return true
        } ?? false
        if copied {
            output.append(UInt8(ascii: "\""))
            return
        }
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
