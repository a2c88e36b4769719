/// Read-only steps through a parsed manifest: manifests are other tools' documents, read for what
/// they say about availability, so a missing or mistyped field is simply absent here.
extension YAMLValue {
    /// The value under `key` of a mapping; nil for anything else.
    subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first { $0.key.text == key }?.value
    }

    /// A scalar's text (nil for null, lists and mappings).
    var text: String? {
        guard case .scalar(let scalar) = self, !scalar.isNull else { return nil }
        return scalar.text
    }

    /// A list's items (empty for anything else).
    var items: [YAMLValue] {
        guard case .sequence(let items, _) = self else { return [] }
        return items
    }

    /// A mapping of scalars as a dictionary (labels, selectors, config data); other values left out.
    var stringMap: [String: String] {
        guard case .mapping(let pairs, _) = self else { return [:] }
        return Dictionary(pairs.compactMap { pair in pair.value.text.map { (pair.key.text, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Every scalar's text under this value, in document order.
    var allTexts: [String] {
        switch self {
        case .scalar(let scalar): return scalar.isNull ? [] : [scalar.text]
        case .sequence(let items, _): return items.flatMap(\.allTexts)
        case .mapping(let pairs, _): return pairs.flatMap(\.value.allTexts)
        }
    }
}
