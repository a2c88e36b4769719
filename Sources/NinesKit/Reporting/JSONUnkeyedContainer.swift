/// `UnkeyedEncodingContainer` of `JSONTreeEncoder`: appends elements to the array being built.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    let builder: JSONArrayBuilder

    var codingPath: [CodingKey] { encoder.codingPath }
    var count: Int { builder.count }

    mutating func encodeNil() throws { builder.append(encoder.document.storage.nullNode) }
    mutating func encode(_ value: Bool) throws { builder.append(encoder.document.storage.bool(value)) }
    mutating func encode(_ value: String) throws { builder.append(encoder.document.storage.string(value)) }
    mutating func encode(_ value: Double) throws { builder.append(encoder.document.storage.double(value)) }
    mutating func encode(_ value: Float) throws { builder.append(encoder.document.storage.float(value)) }
    mutating func encode(_ value: Int) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int8) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int16) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int32) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: Int64) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt8) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt16) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt32) throws { builder.append(encoder.document.storage.integer(value)) }
    mutating func encode(_ value: UInt64) throws { builder.append(encoder.document.storage.integer(value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128) throws { builder.append(encoder.document.storage.number(value.description)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128) throws { builder.append(encoder.document.storage.number(value.description)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        builder.append(try encoder.box(value, key: JSONIndexKey(intValue: count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBuilder()
        nested.keyType = ObjectIdentifier(NestedKey.self)
        let key = JSONIndexKey(intValue: count)
        builder.appendPending(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder.deferredEncoder(key: key), builder: nested))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONArrayBuilder()
        let key = JSONIndexKey(intValue: count)
        builder.appendPending(.array(nested))
        return JSONUnkeyedContainer(encoder: encoder.deferredEncoder(key: key), builder: nested)
    }

    mutating func superEncoder() -> Encoder {
        let nested = encoder.deferredEncoder(key: JSONIndexKey(intValue: count))
        builder.appendPending(.encoder(nested))
        return nested
    }
}
