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

/// A value written after its place in a container was taken.
enum JSONPendingValue {
    case object(JSONObjectBuilder)
    case array(JSONArrayBuilder)
    case encoder(JSONTreeEncoder)

    func finish(_ document: JSONDocument) -> JSONNode {
        switch self {
        case .object(let builder): builder.finish(document)
        case .array(let builder): builder.finish(document)
        case .encoder(let encoder): encoder.take()
        }
    }
}

/// `KeyedEncodingContainer` of `JSONTreeEncoder`: appends members to the object being built.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    let builder: JSONObjectBuilder

    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.nullNode) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.float(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.integer(value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.number(value.description)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { builder.append(key.stringValue, encoder.document.storage.number(value.description)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        builder.append(key.stringValue, try encoder.box(value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = builder.pendingObject(forKey: key.stringValue) ?? {
            let nested = JSONObjectBuilder()
            nested.keyType = ObjectIdentifier(NestedKey.self)
            builder.appendPending(key.stringValue, .object(nested))
            return nested
        }()
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder.deferredEncoder(key: key), builder: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = builder.pendingArray(forKey: key.stringValue) ?? {
            let nested = JSONArrayBuilder()
            builder.appendPending(key.stringValue, .array(nested))
            return nested
        }()
        return JSONUnkeyedContainer(encoder: encoder.deferredEncoder(key: key), builder: nested)
    }

    mutating func superEncoder() -> Encoder {
        superEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        superEncoder(named: key.stringValue, key: key)
    }

    private func superEncoder(named name: String, key: CodingKey? = nil) -> Encoder {
        let nested = encoder.deferredEncoder(key: key ?? JSONIndexKey(stringValue: name))
        builder.appendPending(name, .encoder(nested))
        return nested
    }
}
