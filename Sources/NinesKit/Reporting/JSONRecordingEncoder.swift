/// The `Encoder` that fills a `JSONRecording`: the report's `Codable` conformances stay the one
/// definition of the JSON format.
struct JSONRecordingEncoder: Encoder {
    let recording: JSONRecording

    var codingPath: [any CodingKey] { recording.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The scalar of `value` when it is one of the types every report is made of, without a
    /// recording: most values of a large report are these.
    static func scalar<T: Encodable>(_ value: T) -> JSONRecording.Scalar? {
        switch value {
        case let value as String: .string(value)
        case let value as Double: .double(value)
        case let value as Int: .int(Int64(value))
        case let value as Bool: .bool(value)
        default: nil
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        recording.become(.object)
        return KeyedEncodingContainer(JSONRecordingKeyedContainer<Key>(recording: recording))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        recording.become(.array)
        return JSONRecordingUnkeyedContainer(recording: recording)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONRecordingSingleValue(recording: recording)
    }
}

private extension JSONRecording.Scalar {
    static func integer(_ value: some BinaryInteger) -> Self {
        if let signed = Int64(exactly: value) { return .int(signed) }
        return .unsigned(UInt64(truncatingIfNeeded: value))
    }
}

private struct JSONRecordingSingleValue: SingleValueEncodingContainer {
    let recording: JSONRecording
    var codingPath: [any CodingKey] { recording.codingPath }

    mutating func encodeNil() throws { recording.set(.null) }
    mutating func encode(_ value: Bool) throws { recording.set(.bool(value)) }
    mutating func encode(_ value: String) throws { recording.set(.string(value)) }
    mutating func encode(_ value: Double) throws { recording.set(.double(value)) }
    mutating func encode(_ value: Float) throws { recording.set(.float(value)) }
    mutating func encode(_ value: Int) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: Int8) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: Int16) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: Int32) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: Int64) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: UInt) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: UInt8) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: UInt16) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: UInt32) throws { recording.set(.integer(value)) }
    mutating func encode(_ value: UInt64) throws { recording.set(.integer(value)) }

    /// A wrapper's one value (a raw-value enum, a single-value struct) is this value.
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let scalar = JSONRecordingEncoder.scalar(value) { return recording.set(scalar) }
        try value.encode(to: JSONRecordingEncoder(recording: recording))
    }
}

/// Entries of one container, keyed or not.
private protocol JSONRecordingContainer {
    var recording: JSONRecording { get }
}

extension JSONRecordingContainer {
    func add(_ scalar: JSONRecording.Scalar, _ key: String?) { recording.append(.scalar(scalar), key: key) }

    func add<T: Encodable>(_ value: T, _ key: String?) {
        if let scalar = JSONRecordingEncoder.scalar(value) { return add(scalar, key) }
        recording.append(.deferred(value), key: key)
    }

    func nested(_ key: String?) -> JSONRecordingEncoder {
        let nested = JSONRecording(parent: recording,
                                   position: key.map { JSONPathKey(stringValue: $0) } ?? JSONPathKey(intValue: recording.count))
        recording.append(.nested(nested), key: key)
        return JSONRecordingEncoder(recording: nested)
    }
}

private struct JSONRecordingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, JSONRecordingContainer {
    let recording: JSONRecording
    var codingPath: [any CodingKey] { recording.codingPath }

    mutating func encodeNil(forKey key: Key) throws { add(.null, key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.bool(value), key.stringValue) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(.double(value), key.stringValue) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(.float(value), key.stringValue) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(.integer(value), key.stringValue) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(value, key.stringValue) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        nested(key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nested(key.stringValue).unkeyedContainer()
    }

    /// `JSONEncoder`'s key for a superclass's values.
    mutating func superEncoder() -> any Encoder { nested("super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { nested(key.stringValue) }
}

private struct JSONRecordingUnkeyedContainer: UnkeyedEncodingContainer, JSONRecordingContainer {
    let recording: JSONRecording
    var codingPath: [any CodingKey] { recording.codingPath }
    var count: Int { recording.count }

    mutating func encodeNil() throws { add(.null, nil) }
    mutating func encode(_ value: Bool) throws { add(.bool(value), nil) }
    mutating func encode(_ value: String) throws { add(.string(value), nil) }
    mutating func encode(_ value: Double) throws { add(.double(value), nil) }
    mutating func encode(_ value: Float) throws { add(.float(value), nil) }
    mutating func encode(_ value: Int) throws { add(.integer(value), nil) }
    mutating func encode(_ value: Int8) throws { add(.integer(value), nil) }
    mutating func encode(_ value: Int16) throws { add(.integer(value), nil) }
    mutating func encode(_ value: Int32) throws { add(.integer(value), nil) }
    mutating func encode(_ value: Int64) throws { add(.integer(value), nil) }
    mutating func encode(_ value: UInt) throws { add(.integer(value), nil) }
    mutating func encode(_ value: UInt8) throws { add(.integer(value), nil) }
    mutating func encode(_ value: UInt16) throws { add(.integer(value), nil) }
    mutating func encode(_ value: UInt32) throws { add(.integer(value), nil) }
    mutating func encode(_ value: UInt64) throws { add(.integer(value), nil) }
    mutating func encode<T: Encodable>(_ value: T) throws { add(value, nil) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nested(nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nested(nil).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nested(nil) }
}
