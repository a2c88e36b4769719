/// What one value's `encode(to:)` said, one container deep: its scalar, or its members and
/// elements, with every composite member kept as the value itself (`deferred`) and encoded only
/// when `JSONStreamWriter` reaches it in sorted order.
///
/// Why deferred: JSON with sorted keys cannot be written in the order `Codable` encodes, and
/// recording the whole report first (as `JSONEncoder` does) held a tree of boxed values several
/// times the size of the 120 MB output of a 100,000-component pool. Deferring keeps only the
/// containers on the path being written.
final class JSONRecording {
    enum Scalar {
        case string(String), double(Double), float(Float), int(Int64), unsigned(UInt64), bool(Bool), null
    }

    enum Entry {
        case scalar(Scalar)
        case deferred(any Encodable)
        /// A container asked for with `nestedContainer` or `superEncoder`: filled by the caller later.
        case nested(JSONRecording)
    }

    enum Shape {
        /// `encode(to:)` asked for no container: an empty object, as `JSONEncoder` writes it.
        case unset
        case scalar(Scalar)
        case object, array
    }

    // Unchecked exclusivity: a recording is filled by one encoder and then read by one writer, never
    // both at once, and the runtime's access checks on every member cost as much as storing it.
    @exclusivity(unchecked) private(set) var shape: Shape = .unset
    /// Members' keys (an array's elements have none), and members or elements, in the order
    /// encoded. Two arrays rather than one of pairs: a pair holding an existential is copied
    /// through the runtime's generic path, which cost a tenth of the process at 100k.
    @exclusivity(unchecked) private(set) var keys: [String?] = []
    @exclusivity(unchecked) private(set) var entries: [Entry] = []
    /// The container this value is a member of, and its key or position there: `codingPath` is
    /// walked up only when asked for, so a value costs no path of its own.
    private let parent: JSONRecording?
    private let position: JSONPathKey?

    init(parent: JSONRecording?, position: JSONPathKey?) {
        self.parent = parent
        self.position = position
    }

    /// Where this value sits, for `Encoder.codingPath`.
    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: JSONRecording? = self
        while let recording = current, let position = recording.position {
            path.append(position)
            current = recording.parent
        }
        return path.reversed()
    }

    /// Becomes a container of `shape`; asking again for the same shape keeps what was recorded
    /// (several `container(keyedBy:)` calls on one encoder write into one object).
    func become(_ container: Shape) {
        switch (shape, container) {
        case (.object, .object), (.array, .array): return
        default:
            shape = container
            keys = []
            entries = []
        }
    }

    func set(_ scalar: Scalar) {
        shape = .scalar(scalar)
        keys = []
        entries = []
    }

    func append(_ entry: Entry, key: String?) {
        keys.append(key)
        entries.append(entry)
    }

    var count: Int { entries.count }

    /// Where member `index` sits, for the value written there.
    func position(of index: Int) -> JSONPathKey {
        keys[index].map { JSONPathKey(stringValue: $0) } ?? JSONPathKey(intValue: index)
    }
}

/// A coding key of a recorded path.
struct JSONPathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
