import Foundation

/// An `Encoder` that turns any `Encodable` into a `JSONDocument` with the values Foundation's
/// `JSONEncoder` would produce (default strategies: `Data` as base64, `URL` as its absolute string,
/// `Decimal` as a number, `Date` as it encodes itself), for `JSONWriter` to print.
///
/// It exists for speed: JSONEncoder collects every object in a dictionary of enum values and sorts
/// its keys; this turns each leaf into its final text as it comes, keeps containers as plain
/// nodes, sorts each kind of object once (`JSONKeyOrder`), encodes strings, numbers and arrays of
/// them without a nested encoder, and reuses the nested encoder and its buffers from one value to
/// the next.
final class JSONTreeEncoder: Encoder {
    /// What has been encoded here so far.
    enum Storage {
        case empty
        case node(JSONNode)
        case object(JSONObjectBuilder)
        case array(JSONArrayBuilder)
    }

    struct NothingEncoded: Error {}

    let document: JSONDocument
    /// Weak: the parent keeps its nested encoder for reuse.
    private weak var parent: JSONTreeEncoder?
    /// This encoder's key in its parent's container (nil at the top).
    private var key: CodingKey?
    private var storage: Storage = .empty
    /// A nested encoder kept for the next nested value, and the buffers of the last object and array.
    private var spareEncoder: JSONTreeEncoder?
    private var spareObject: JSONObjectBuilder?
    private var spareArray: JSONArrayBuilder?

    init(document: JSONDocument, parent: JSONTreeEncoder? = nil, key: CodingKey? = nil) {
        self.document = document
        self.parent = parent
        self.key = key
    }

    /// The document of `value` and its root; throws what `value` throws, or when it encodes nothing.
    static func encode<T: Encodable>(_ value: T) throws -> (document: JSONDocument, root: JSONNode) {
        let encoder = JSONTreeEncoder(document: JSONDocument())
        try encoder.encodeValue(value)
        if case .empty = encoder.storage { throw NothingEncoded() }
        return (encoder.document, encoder.take())
    }

    var codingPath: [CodingKey] {
        var path: [CodingKey] = []
        var encoder: JSONTreeEncoder? = self
        while let current = encoder, let key = current.key {
            path.append(key)
            encoder = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let builder: JSONObjectBuilder
        switch storage {
        case .object(let existing):
            builder = existing
        case .empty:
            builder = spareObject ?? JSONObjectBuilder()
            spareObject = nil
            builder.keyType = ObjectIdentifier(Key.self)
            storage = .object(builder)
        case .node(let node) where node.kind == .object:
            builder = JSONObjectBuilder()
            builder.keyType = ObjectIdentifier(Key.self)
            for member in document.members(of: node) { builder.append(member.key, member.value) }
            storage = .object(builder)
        default:
            preconditionFailure("a keyed container was asked for where something else was already encoded")
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self, builder: builder))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let builder: JSONArrayBuilder
        switch storage {
        case .array(let existing):
            builder = existing
        case .empty:
            builder = spareArray ?? JSONArrayBuilder()
            spareArray = nil
            storage = .array(builder)
        case .node(let node) where node.kind == .array:
            builder = JSONArrayBuilder()
            for element in document.elements(of: node) { builder.append(element) }
            storage = .array(builder)
        default:
            preconditionFailure("an unkeyed container was asked for where something else was already encoded")
        }
        return JSONUnkeyedContainer(encoder: self, builder: builder)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { self }

    /// The finished value, leaving this encoder empty (and its buffers ready for the next value).
    /// A value that asked for no container at all is an empty object, as with JSONEncoder.
    func take() -> JSONNode {
        let stored = storage
        storage = .empty
        switch stored {
        case .empty:
            return document.object(keys: [], values: [], keyType: ObjectIdentifier(JSONTreeEncoder.self))
        case .node(let node):
            return node
        case .object(var builder):
            let node = builder.finish(document)
            if isKnownUniquelyReferenced(&builder) { spareObject = builder }
            return node
        case .array(var builder):
            let node = builder.finish(document)
            if isKnownUniquelyReferenced(&builder) { spareArray = builder }
            return node
        }
    }

    /// The node of a value nested under `key` (an index in an array): leaves directly, anything
    /// else through a nested encoder.
    func box<T: Encodable>(_ value: T, key: CodingKey) throws -> JSONNode {
        if let leaf = leaf(value) { return leaf }
        var nested = spareEncoder ?? JSONTreeEncoder(document: document, parent: self)
        spareEncoder = nil
        nested.key = key
        try nested.encodeValue(value)
        let node = nested.take()
        nested.key = nil
        if isKnownUniquelyReferenced(&nested) { spareEncoder = nested }
        return node
    }

    /// Encodes `value` into this encoder's own storage.
    private func encodeValue<T: Encodable>(_ value: T) throws {
        if let leaf = leaf(value) {
            storage = .node(leaf)
        } else {
            try value.encode(to: self)
        }
    }

    /// The common leaves and arrays of leaves, and the types JSONEncoder treats specially; nil for
    /// everything that encodes itself.
    private func leaf<T: Encodable>(_ value: T) -> JSONNode? {
        if T.self == String.self { return document.storage.string(unsafeBitCast(value, to: String.self)) }
        if T.self == Double.self { return document.storage.double(unsafeBitCast(value, to: Double.self)) }
        if T.self == Int.self { return document.storage.integer(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return document.storage.bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == [String].self { return document.storage.array(unsafeBitCast(value, to: [String].self)) }
        if T.self == [Double].self {
            return document.withStorage { storage in
                let elements = unsafeBitCast(value, to: [Double].self).map { storage.double($0) }
                return storage.array(elements)
            }
        }
        if T.self == [Int].self {
            return document.withStorage { storage in
                let elements = unsafeBitCast(value, to: [Int].self).map { storage.integer($0) }
                return storage.array(elements)
            }
        }
        if T.self == Data.self { return document.storage.string(unsafeBitCast(value, to: Data.self).base64EncodedString()) }
        if T.self == URL.self { return document.storage.string(unsafeBitCast(value, to: URL.self).absoluteString) }
        if T.self == Decimal.self { return document.storage.number(unsafeBitCast(value, to: Decimal.self).description) }
        if let object = value as? any JSONObjectWriting { return object.writeObject(to: document) }
        if let array = value as? any JSONObjectWritingArray { return array.writeElements(to: document) }
        return nil
    }

    /// An encoder whose value lands in a container when that container is finished
    /// (`superEncoder()`, nested containers).
    func deferredEncoder(key: CodingKey) -> JSONTreeEncoder {
        JSONTreeEncoder(document: document, parent: self, key: key)
    }
}

extension JSONTreeEncoder: SingleValueEncodingContainer {
    private func set(_ node: JSONNode) {
        guard case .empty = storage else { preconditionFailure("a single value was encoded twice") }
        storage = .node(node)
    }

    func encodeNil() throws { set(document.storage.nullNode) }
    func encode(_ value: Bool) throws { set(document.storage.bool(value)) }
    func encode(_ value: String) throws { set(document.storage.string(value)) }
    func encode(_ value: Double) throws { set(document.storage.double(value)) }
    func encode(_ value: Float) throws { set(document.storage.float(value)) }
    func encode(_ value: Int) throws { set(document.storage.integer(value)) }
    func encode(_ value: Int8) throws { set(document.storage.integer(value)) }
    func encode(_ value: Int16) throws { set(document.storage.integer(value)) }
    func encode(_ value: Int32) throws { set(document.storage.integer(value)) }
    func encode(_ value: Int64) throws { set(document.storage.integer(value)) }
    func encode(_ value: UInt) throws { set(document.storage.integer(value)) }
    func encode(_ value: UInt8) throws { set(document.storage.integer(value)) }
    func encode(_ value: UInt16) throws { set(document.storage.integer(value)) }
    func encode(_ value: UInt32) throws { set(document.storage.integer(value)) }
    func encode(_ value: UInt64) throws { set(document.storage.integer(value)) }
    @available(macOS 15.0, *)
    func encode(_ value: Int128) throws { set(document.storage.number(value.description)) }
    @available(macOS 15.0, *)
    func encode(_ value: UInt128) throws { set(document.storage.number(value.description)) }
    func encode<T: Encodable>(_ value: T) throws {
        guard case .empty = storage else { preconditionFailure("a single value was encoded twice") }
        try encodeValue(value)
    }
}
