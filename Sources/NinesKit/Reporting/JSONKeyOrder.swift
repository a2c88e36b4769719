import Foundation

/// The order Foundation's JSONEncoder prints an object's members in with `.sortedKeys` (outside
/// Apple platforms): each key once, holding the value written last for it, sorted by the bytes of
/// the key's UTF-8. Keys equal as Swift strings (Unicode canonical equivalence, e.g. "K" and the
/// Kelvin sign) are one key there, as in the dictionary it collects members in, keeping the text
/// written first.
///
/// Sorting every object of a large report would cost more than everything else put together, and
/// the objects of one type nearly always have the same keys in the same order: each key sequence
/// becomes a layout once (its order, and its keys printed as `"key" : `), found again by the
/// object's `CodingKey` type and its key text (a few layouts per type as optional members come
/// and go).
final class JSONKeyOrder {
    /// Beyond this many layouts per `CodingKey` type (dictionaries with varying keys), a new key
    /// sequence still gets a layout but is not looked for again.
    private static let layoutsPerKeyType = 8

    /// Per layout: the keys as written, and for each output position which key it prints.
    private var writtenKeys: [[String]] = []
    private var keyIndices: [[Int]] = []
    /// Per layout, its first output position in `valueIndex` and `keyTextEnds`.
    private(set) var firstKey: [Int] = []
    /// Per output position of every layout: which written value it prints.
    private var valueIndex: [Int] = []
    /// Ends of each printed key (`"key" : `) in `keyText`; a key's text starts where the previous ends.
    private(set) var keyTextEnds: [Int] = [0]
    private(set) var keyText = JSONBytes(capacity: 1 << 12)
    private var layoutsByKeyType: [ObjectIdentifier: [Int]] = [:]

    /// The layout of an object whose keys were written in this order.
    func layout(for keys: [String], keyType: ObjectIdentifier) -> Int {
        if let known = layoutsByKeyType[keyType] {
            for layout in known where Self.sameBytes(writtenKeys[layout], keys) { return layout }
        }
        let layout = makeLayout(keys)
        if layoutsByKeyType[keyType, default: []].count < Self.layoutsPerKeyType {
            layoutsByKeyType[keyType, default: []].append(layout)
        }
        return layout
    }

    /// Appends the written `values` of an object of `layout` to `children` in output order, and
    /// returns how many (a key written twice keeps only its last value).
    func appendMembers(of layout: Int, values: [JSONNode], to children: inout [JSONNode]) -> Int {
        let first = firstKey[layout]
        let count = keyIndices[layout].count
        let start = children.count
        children.append(contentsOf: repeatElement(JSONNode.leaf(start: 0, count: 0), count: count))
        children.withUnsafeMutableBufferPointer { children in
            valueIndex.withUnsafeBufferPointer { valueIndex in
                values.withUnsafeBufferPointer { values in
                    for position in 0..<count { children[start + position] = values[valueIndex[first + position]] }
                }
            }
        }
        return count
    }

    /// The keys in output order.
    func sortedKeys(of layout: Int) -> [String] { keyIndices[layout].map { writtenKeys[layout][$0] } }

    private func makeLayout(_ keys: [String]) -> Int {
        var slots: [String: Int] = [:]
        var entries: [(key: Int, value: Int)] = []
        for (index, key) in keys.enumerated() {
            if let slot = slots[key] {
                entries[slot].value = index
            } else {
                slots[key] = entries.count
                entries.append((index, index))
            }
        }
        entries.sort { keys[$0.key].utf8.lexicographicallyPrecedes(keys[$1.key].utf8) }
        writtenKeys.append(keys)
        keyIndices.append(entries.map(\.key))
        firstKey.append(keyTextEnds.count - 1)
        valueIndex.append(contentsOf: entries.map(\.value))
        for entry in entries {
            keyText.appendQuoted(keys[entry.key])
            keyText.append(" : ")
            keyTextEnds.append(keyText.count)
        }
        return writtenKeys.count - 1
    }

    /// Byte-for-byte equality of two key sequences: canonically equivalent keys may sort
    /// differently, so a layout is reused only for the very same text.
    static func sameBytes(_ left: [String], _ right: [String]) -> Bool {
        guard left.count == right.count else { return false }
        for index in left.indices where !sameBytes(left[index], right[index]) { return false }
        return true
    }

    /// Strings with the same representation (the same literal, the same small string, the same
    /// storage) have the same bytes, which settles the common case without reading them.
    @inline(__always)
    private static func sameBytes(_ left: String, _ right: String) -> Bool {
        sameRepresentation(left, right) || (left.utf8.count == right.utf8.count && left.utf8.elementsEqual(right.utf8))
    }

    @inline(__always)
    private static func sameRepresentation(_ left: String, _ right: String) -> Bool {
        if MemoryLayout<String>.size == 16 {
            return unsafeBitCast(left, to: (UInt64, UInt64).self) == unsafeBitCast(right, to: (UInt64, UInt64).self)
        }
        return withUnsafeBytes(of: left) { l in withUnsafeBytes(of: right) { r in l.elementsEqual(r) } }
    }
}
