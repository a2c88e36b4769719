/// A report type with very many instances that writes its JSON object itself, straight into the
/// document, instead of through `Encodable`: the generic calls of a synthesized `encode(to:)` cost
/// about a microsecond per object, which for the components of a 100,000-component model was most
/// of the rendering time.
///
/// What it writes must be exactly what its `Encodable` conformance encodes (same keys, optionals
/// left out when nil); `JSONWriterAgreementTests` compares the two and checks that every stored
/// property is written, so a field added to the type and forgotten here fails the tests.
protocol JSONObjectWriting: Encodable {
    func writeMembers(to object: inout JSONMembers)

    /// The array of `elements` (a requirement, so that each conforming type gets a loop
    /// specialized for it, which reads the elements in place rather than copying each one).
    static func writeArray(_ elements: [Self], to document: JSONDocument) -> JSONNode
}

/// The members a `JSONObjectWriting` value writes, in any order (they are sorted like any other
/// object's), into storage moved out of the document for the duration.
struct JSONMembers {
    var storage: JSONStorage
    private(set) var keys: [String] = []
    private(set) var values: [JSONNode] = []
    /// The layouts (and keys) of the last objects, tried first: objects of one type alternate
    /// between a few.
    private var recentLayouts: [(layout: Int, keys: [String])] = []

    init(storage: JSONStorage) { self.storage = storage }

    mutating func add(_ key: String, _ value: String) { add(key, storage.string(value)) }
    mutating func add(_ key: String, _ value: Double) { add(key, storage.double(value)) }
    mutating func add(_ key: String, _ value: Int) { add(key, storage.integer(value)) }
    mutating func add(_ key: String, _ value: Bool) { add(key, storage.bool(value)) }
    mutating func add(_ key: String, _ value: [String]) { add(key, storage.array(value)) }

    /// Left out when nil, as a synthesized `encode(to:)` does (`encodeIfPresent`).
    mutating func add(_ key: String, _ value: Double?) {
        if let value { add(key, value) }
    }

    mutating func add(_ key: String, _ value: String?) {
        if let value { add(key, value) }
    }

    mutating func add(_ key: String, _ value: Int?) {
        if let value { add(key, value) }
    }

    private mutating func add(_ key: String, _ node: JSONNode) {
        keys.append(key)
        values.append(node)
    }

    /// The object of the members added since the last one.
    mutating func finishObject(_ keyOrder: JSONKeyOrder, keyType: ObjectIdentifier) -> JSONNode {
        var layout = -1
        for recent in recentLayouts where JSONKeyOrder.sameBytes(recent.keys, keys) {
            layout = recent.layout
            break
        }
        if layout < 0 {
            layout = keyOrder.layout(for: keys, keyType: keyType)
            recentLayouts.insert((layout, keys), at: 0)
            if recentLayouts.count > 4 { recentLayouts.removeLast() }
        }
        let node = JSONDocument.object(layout: layout, values: values, keyOrder: keyOrder, in: &storage)
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        return node
    }
}

extension JSONObjectWriting {
    func writeObject(to document: JSONDocument) -> JSONNode {
        document.withStorage { storage in
            var members = JSONMembers(storage: storage)
            storage = .moved
            writeMembers(to: &members)
            let node = members.finishObject(document.keyOrder, keyType: ObjectIdentifier(Self.self))
            swap(&storage, &members.storage)
            return node
        }
    }
}

/// Arrays of `JSONObjectWriting` values, written element by element without `Encodable`.
protocol JSONObjectWritingArray {
    func writeElements(to document: JSONDocument) -> JSONNode
}

extension JSONObjectWriting {
    static func writeArray(_ elements: [Self], to document: JSONDocument) -> JSONNode {
        document.withStorage { storage in
            var members = JSONMembers(storage: storage)
            storage = .moved
            var nodes: [JSONNode] = []
            nodes.reserveCapacity(elements.count)
            // Room for the members of many objects at once, rather than growing (and copying) step by step.
            members.storage.children.reserveCapacity(members.storage.children.count + 16 * elements.count)
            elements.withUnsafeBufferPointer { elements in   // read in place, not copied one by one
                for index in elements.indices {
                    elements[index].writeMembers(to: &members)
                    nodes.append(members.finishObject(document.keyOrder, keyType: ObjectIdentifier(Self.self)))
                }
            }
            swap(&storage, &members.storage)   // moved back, not shared with `members`
            return storage.array(nodes)
        }
    }
}

extension Array: JSONObjectWritingArray where Element: JSONObjectWriting {
    func writeElements(to document: JSONDocument) -> JSONNode { Element.writeArray(self, to: document) }
}
