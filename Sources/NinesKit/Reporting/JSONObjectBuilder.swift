/// The members of one JSON object while it is being encoded, in the order they were written.
final class JSONObjectBuilder {
    /// The `CodingKey` type the object was opened with, which `JSONKeyOrder` remembers orders by.
    var keyType = ObjectIdentifier(JSONObjectBuilder.self)
    private(set) var keys: [String] = []
    private(set) var values: [JSONNode] = []
    /// Members whose value is still being written through a nested container or a super encoder.
    private var pending: [(index: Int, source: JSONPendingValue)] = []

    func append(_ key: String, _ value: JSONNode) {
        keys.append(key)
        values.append(value)
    }

    func appendPending(_ key: String, _ source: JSONPendingValue) {
        pending.append((values.count, source))
        append(key, JSONNode.leaf(start: 0, count: 0))
    }

    /// The object nested under `key` by an earlier `nestedContainer(keyedBy:forKey:)`, which
    /// JSONEncoder hands out again rather than replacing.
    func pendingObject(forKey key: String) -> JSONObjectBuilder? {
        for entry in pending.reversed() where keys[entry.index] == key {
            if case .object(let builder) = entry.source { return builder }
            return nil
        }
        return nil
    }

    func pendingArray(forKey key: String) -> JSONArrayBuilder? {
        for entry in pending.reversed() where keys[entry.index] == key {
            if case .array(let builder) = entry.source { return builder }
            return nil
        }
        return nil
    }

    /// The object's node; the builder is then empty and can take the next object.
    func finish(_ document: JSONDocument) -> JSONNode {
        for entry in pending { values[entry.index] = entry.source.finish(document) }
        let node = document.object(keys: keys, values: values, keyType: keyType)
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        pending.removeAll()
        return node
    }
}
