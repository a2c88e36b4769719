/// The elements of one JSON array while it is being encoded.
final class JSONArrayBuilder {
    private(set) var values: [JSONNode] = []
    /// Elements still being written through a nested container or a super encoder.
    private var pending: [(index: Int, source: JSONPendingValue)] = []

    var count: Int { values.count }

    func append(_ value: JSONNode) { values.append(value) }

    func appendPending(_ source: JSONPendingValue) {
        pending.append((values.count, source))
        values.append(JSONNode.leaf(start: 0, count: 0))
    }

    /// The array's node; the builder is then empty and can take the next array.
    func finish(_ document: JSONDocument) -> JSONNode {
        for entry in pending { values[entry.index] = entry.source.finish(document) }
        let node = document.storage.array(values)
        values.removeAll(keepingCapacity: true)
        pending.removeAll()
        return node
    }
}
