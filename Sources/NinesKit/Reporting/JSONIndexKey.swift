/// The coding key of an array element ("Index 3"), or of `super`. Small enough to sit inside a
/// `CodingKey` existential without an allocation, and the text is made only when asked for.
enum JSONIndexKey: CodingKey {
    case index(Int)
    case name(String)

    init(stringValue: String) { self = .name(stringValue) }
    init(intValue: Int) { self = .index(intValue) }

    var stringValue: String {
        switch self {
        case .index(let index): "Index \(index)"
        case .name(let name): name
        }
    }

    var intValue: Int? {
        if case .index(let index) = self { return index }
        return nil
    }
}
