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
