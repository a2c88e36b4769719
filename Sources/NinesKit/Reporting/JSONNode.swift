/// One value of a `JSONDocument`: 16 bytes of plain data (no references), so building, keeping
/// and dropping millions of them costs no reference counting and little memory.
struct JSONNode {
    enum Kind { case leaf, array, object }

    /// Leaf: offset of its text in the document's leaf bytes. Container: index of its first child
    /// in the document's children.
    var start: Int
    /// Leaf: length of its text. Container: number of children.
    private var size: Int32
    /// `leafTag`, `arrayTag`, or an object's `JSONKeyOrder` layout (0 or more).
    var tag: Int32

    private static let leafTag: Int32 = -2
    private static let arrayTag: Int32 = -1

    var kind: Kind { tag >= 0 ? .object : (tag == Self.arrayTag ? .array : .leaf) }
    /// The object's layout in `JSONKeyOrder`.
    var layout: Int { Int(tag) }
    /// Leaf: length of its text. Container: number of children.
    var count: Int { Int(size) }

    static func leaf(start: Int, count: Int) -> JSONNode { JSONNode(start: start, size: Int32(count), tag: leafTag) }
    static func array(start: Int, count: Int) -> JSONNode { JSONNode(start: start, size: Int32(count), tag: arrayTag) }
    static func object(start: Int, count: Int, layout: Int) -> JSONNode { JSONNode(start: start, size: Int32(count), tag: Int32(layout)) }
}
