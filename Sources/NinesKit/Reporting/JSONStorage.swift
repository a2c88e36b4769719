/// The values of a `JSONDocument`: the final text of every leaf (escaped, quoted, formatted) in
/// one byte array, and the children of every container, each container's in one run.
///
/// A struct, so a loop that writes many values can move it out of the document, work on a local
/// copy without exclusivity checks, and move it back (`JSONDocument.withStorage`).
struct JSONStorage {
    var leaves = JSONBytes(capacity: 1 << 16)
    var children: [JSONNode] = []

    /// Doubles already written, by bit pattern (direct-mapped): a report repeats the same figures
    /// many times, and looking one up is cheaper than printing it again.
    private var numbers: [(bits: UInt64, node: JSONNode)]
    private static let numberSlotBits = 12

    /// `true`, `false` and `null`, written once at the start of `leaves`.
    let trueNode: JSONNode
    let falseNode: JSONNode
    let nullNode: JSONNode

    init() {
        numbers = Array(repeating: (0, .leaf(start: 0, count: 0)), count: 1 << Self.numberSlotBits)
        leaves.append("truefalsenull")
        trueNode = .leaf(start: 0, count: 4)
        falseNode = .leaf(start: 4, count: 5)
        nullNode = .leaf(start: 9, count: 4)
    }

    private init(empty: ()) {
        numbers = []
        leaves = JSONBytes(capacity: 0)
        trueNode = .leaf(start: 0, count: 4)
        falseNode = .leaf(start: 4, count: 5)
        nullNode = .leaf(start: 9, count: 4)
    }

    /// What stays in a document while its storage is moved out (allocates nothing).
    static var moved: JSONStorage { JSONStorage(empty: ()) }

    mutating func string(_ value: String) -> JSONNode {
        let start = leaves.count
        leaves.appendQuoted(value)
        return .leaf(start: start, count: leaves.count - start)
    }

    mutating func double(_ value: Double) -> JSONNode {
        let bits = value.bitPattern
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.numberSlotBits))
        let known = numbers[slot]
        if known.bits == bits, known.node.count > 0 { return known.node }
        let start = leaves.count
        leaves.appendNumber(value)
        let node = JSONNode.leaf(start: start, count: leaves.count - start)
        numbers[slot] = (bits, node)
        return node
    }

    mutating func float(_ value: Float) -> JSONNode {
        let start = leaves.count
        leaves.appendNumber(value)
        return .leaf(start: start, count: leaves.count - start)
    }

    mutating func integer<T: BinaryInteger>(_ value: T) -> JSONNode {
        let start = leaves.count
        leaves.appendInteger(value)
        return .leaf(start: start, count: leaves.count - start)
    }

    /// Number text made elsewhere (`Decimal`, 128-bit integers), written as is.
    mutating func number(_ text: String) -> JSONNode {
        let start = leaves.count
        leaves.append(text)
        return .leaf(start: start, count: leaves.count - start)
    }

    func bool(_ value: Bool) -> JSONNode { value ? trueNode : falseNode }

    mutating func array(_ elements: some Collection<JSONNode>) -> JSONNode {
        let start = children.count
        children.append(contentsOf: elements)
        return JSONNode.array(start: start, count: elements.count)
    }

    /// An array of strings, without an intermediate array of nodes.
    mutating func array(_ strings: [String]) -> JSONNode {
        let start = children.count
        strings.withUnsafeBufferPointer { strings in
            for index in strings.indices {
                let node = string(strings[index])
                children.append(node)
            }
        }
        return JSONNode.array(start: start, count: strings.count)
    }
}
