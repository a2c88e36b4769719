/// A parsed YAML document reduced to what model files may contain: string scalars, sequences and
/// mappings with scalar keys, every node with its location. Only `Loading/` sees YAML.
///
/// Scalars are kept as text; callers decide the type (so `017`, `0x10`, `1:30` or `.nan` never
/// silently become numbers).
package enum YAMLValue: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLValue], ModelLocation)
    case mapping([(key: YAMLScalar, value: YAMLValue)], ModelLocation)

    public var location: ModelLocation {
        switch self {
        case .scalar(let scalar): return scalar.location
        case .sequence(_, let location), .mapping(_, let location): return location
        }
    }

    /// "a mapping", "a list", "'text'": how a found value is described in errors.
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): return scalar.isNull ? "nothing" : "'\(scalar.clipped)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

package struct YAMLScalar: Sendable {
    public var text: String
    public var location: ModelLocation
    /// Quoted scalars are always strings; plain ones may be numbers, null, etc.
    public var isQuoted: Bool
    /// The rare explicit tag behind a reference: a large model has a million scalars and no tag.
    private var tag: Tag?

    /// An explicit tag such as `!!str`, when the file wrote one.
    public var explicitTag: String? {
        get { tag?.text }
        set { tag = newValue.map(Tag.init) }
    }

    private final class Tag: Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    public init(text: String, isQuoted: Bool, explicitTag: String? = nil, location: ModelLocation) {
        self.text = text
        self.location = location
        self.isQuoted = isQuoted
        self.tag = explicitTag.map(Tag.init)
    }

    /// `~`, `null`, `Null`, `NULL` or an empty plain scalar.
    public var isNull: Bool {
        guard !isQuoted, text.utf8.count <= 4 else { return false }   // most values: no text comparisons
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The text cut to a readable length for messages.
    public var clipped: String {
        let oneLine = text.replacingOccurrences(of: "\n", with: "\\n")
        return oneLine.count > 40 ? String(oneLine.prefix(40)) + "…" : oneLine
    }
}

/// The parsed tree of one file.
struct YAMLDocument: Sendable {
    public var file: String
    public var root: YAMLValue
}
