/// A JSON value being built by `JSONTreeEncoder` and printed by `JSONWriter`.
///
/// Every leaf is turned into its final JSON text once, when it is encoded, and containers are
/// `JSONNode`s whose children sit next to each other (objects' already in output order, with
/// their keys in `keyOrder`). Printing is then copying bytes and indentation, nothing left to
/// decide.
final class JSONDocument {
    var storage = JSONStorage()
    let keyOrder = JSONKeyOrder()

    /// Lets `body` write many values into a local copy of the storage (no exclusivity check per
    /// value), then keeps what it wrote.
    func withStorage<R>(_ body: (inout JSONStorage) throws -> R) rethrows -> R {
        var local = storage
        storage = JSONStorage.moved
        defer { storage = local }
        return try body(&local)
    }

    /// An object of members written in this order; a key written twice keeps its last value.
    func object(keys: [String], values: [JSONNode], keyType: ObjectIdentifier) -> JSONNode {
        let layout = keyOrder.layout(for: keys, keyType: keyType)
        return withStorage { storage in Self.object(layout: layout, values: values, keyOrder: keyOrder, in: &storage) }
    }

    /// The object of `layout` with the written `values`, its children appended to `storage`.
    static func object(layout: Int, values: [JSONNode], keyOrder: JSONKeyOrder, in storage: inout JSONStorage) -> JSONNode {
        let start = storage.children.count
        let count = keyOrder.appendMembers(of: layout, values: values, to: &storage.children)
        return JSONNode.object(start: start, count: count, layout: layout)
    }

    /// The members of an object node again, in output order (for an encoder that reopens it).
    func members(of node: JSONNode) -> [(key: String, value: JSONNode)] {
        guard node.kind == .object else { return [] }
        let keys = keyOrder.sortedKeys(of: Int(node.layout))
        return (0..<node.count).map { (keys[$0], storage.children[node.start + $0]) }
    }

    func elements(of node: JSONNode) -> ArraySlice<JSONNode> {
        node.kind == .array ? storage.children[node.start..<(node.start + node.count)] : []
    }
}
