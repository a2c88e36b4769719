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

    private(set) var shape: Shape = .unset
    /// Members (with keys) of an object, or elements of an array, in the order encoded.
    private(set) var entries: [(key: String?, entry: Entry)] = []
    /// Where this value sits, for `Encoder.codingPath`.
    let codingPath: [any CodingKey]

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    /// Becomes a container of `shape`; asking again for the same shape keeps what was recorded
    /// (several `container(keyedBy:)` calls on one encoder write into one object).
    func become(_ container: Shape) {
        switch (shape, container) {
        case (.object, .object), (.array, .array): return
        default:
            shape = container
            entries = []
        }
    }

    func set(_ scalar: Scalar) {
        shape = .scalar(scalar)
        entries = []
    }

    func append(_ entry: Entry, key: String?) {
        entries.append((key, entry))
    }

    var count: Int { entries.count }
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
