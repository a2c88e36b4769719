/// Reads the fields of one YAML mapping: typed getters that report located errors, and a final
/// check that names unknown keys with a "did you mean".
package final class MappingReader {
    public let location: ModelLocation
    /// What this mapping is, for messages: "component 'db'", "the model".
    public let context: String
    private let pairs: [(key: YAMLScalar, value: YAMLValue)]
    private let diagnostics: DiagnosticCollector
    /// Every key a getter asked for, present or not: known keys, and candidates for "did you mean".
    /// A list, not a set: a mapping has a few keys, and hashing each lookup cost more than scanning.
    /// (Unchecked exclusivity: the reader is used by one thread, and the checks cost as much as the append.)
    @exclusivity(unchecked) private var asked: [String] = []
    /// Bit `i` set: a getter found pair `i`, so its key was asked for (the first 64 pairs; others are
    /// looked up in `asked`). Spares the unknown-key report a scan of every key list per pair.
    @exclusivity(unchecked) private var found: UInt64 = 0
    /// Bit `n` set: some key is `n` bytes long (63: that long or longer). Most keys asked for are
    /// absent, and most of those are told so by their length alone.
    private let keyLengths: UInt64

    /// Returns nil (after reporting) when `value` is not a mapping.
    public init?(_ value: YAMLValue, context: String, diagnostics: DiagnosticCollector) {
        guard case .mapping(let pairs, let location) = value else {
            diagnostics.error(value.location, "\(context) must be a mapping of fields, found \(value.kindDescription)")
            return nil
        }
        self.pairs = pairs
        keyLengths = pairs.reduce(0) { $0 | 1 << UInt64(min($1.key.text.utf8.count, 63)) }
        self.location = location
        self.context = context
        self.diagnostics = diagnostics
        asked.reserveCapacity(24)
    }

    /// Keys in file order.
    public var keys: [YAMLScalar] { pairs.map(\.key) }
    public var entries: [(key: YAMLScalar, value: YAMLValue)] { pairs }

    public func has(_ key: String) -> Bool { position(of: key) != nil }

    /// Where `key` is among the pairs. (The predicate borrows each pair; subscripting the array of
    /// tuples in a loop copied every pair it compared.) Lengths first: most keys asked for are
    /// absent, and a length is at hand where a text comparison is a call.
    private func position(of key: String) -> Int? {
        let length = key.utf8.count
        guard keyLengths & 1 << UInt64(min(length, 63)) != 0 else { return nil }
        return pairs.firstIndex { $0.key.text.utf8.count == length && $0.key.text == key }
    }

    /// The value of `key` when present, noting the key as asked for and its pair as found.
    private func lookUp(_ key: String) -> YAMLValue? {
        asked.append(key)
        guard let index = position(of: key) else { return nil }
        if index < 64 { found |= 1 << UInt64(index) }
        return pairs[index].value
    }

    /// The raw value of a key (marking it known); nil when absent or null.
    public func value(_ key: String) -> YAMLValue? {
        guard let value = lookUp(key) else { return nil }
        if case .scalar(let scalar) = value, scalar.isNull { return nil }
        return value
    }

    public func keyLocation(_ key: String) -> ModelLocation {
        position(of: key).map { pairs[$0].key.location } ?? location
    }

    /// Reports a missing required key.
    public func missing(_ key: String, expected: String) {
        diagnostics.error(location, "\(context) is missing '\(key)' (\(expected))")
    }

    /// A scalar's text, reporting lists, mappings, tags and nulls where a value is expected.
    /// (`expected` is only built for a message.)
    public func scalar(_ key: String, required: Bool = false, expected: @autoclosure () -> String = "a value") -> YAMLScalar? {
        guard let present = lookUp(key) else {
            if required { missing(key, expected: expected()) }
            return nil
        }
        guard case .scalar(let scalar) = present else {
            diagnostics.error(present.location, "'\(key)' of \(context) must be \(expected()), found \(present.kindDescription)")
            return nil
        }
        if scalar.isNull {
            diagnostics.error(scalar.location, "'\(key)' of \(context) must be \(expected()), found nothing (null)")
            return nil
        }
        if let tag = scalar.explicitTag {
            diagnostics.error(scalar.location, "'\(key)' of \(context) has a YAML tag '\(tag)'; tags are not supported, write the plain value")
            return nil
        }
        return scalar
    }

    public func string(_ key: String, required: Bool = false) -> String? {
        scalar(key, required: required, expected: "text")?.text
    }

    /// Parses a scalar with `parse`; on failure reports "'key' must be <expected>, found '<text>'".
    public func parsed<T>(_ key: String, required: Bool = false, expected: @autoclosure () -> String,
                          _ parse: (String) -> Result<T, QuantityParser.Failure>) -> T? {
        guard let scalar = scalar(key, required: required, expected: expected()) else { return nil }
        switch parse(scalar.text) {
        case .success(let value): return value
        case .failure(let failure):
            diagnostics.error(scalar.location, "'\(key)' of \(context) must be \(failure.expected), found '\(scalar.clipped)'",
                              length: scalar.text.count)
            return nil
        }
    }

    public func availability(_ key: String, required: Bool = false) -> Probability? {
        parsed(key, required: required, expected: "an availability", QuantityParser.availability)
    }

    public func fraction(_ key: String) -> Probability? {
        parsed(key, expected: "a fraction", QuantityParser.fraction)
    }

    public func duration(_ key: String, positive: Bool, required: Bool = false) -> Double? {
        parsed(key, required: required, expected: "a duration", { QuantityParser.duration($0, positive: positive) })
    }

    public func rate(_ key: String) -> Double? {
        parsed(key, expected: "a rate", QuantityParser.rate)
    }

    public func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        let expected = { "a whole number from \(range.lowerBound) to \(range.upperBound)" }
        return parsed(key, required: required, expected: expected()) { text in
            guard let value = QuantityParser.integer(text), range.contains(value) else { return .failure(.init(expected())) }
            return .success(value)
        }
    }

    /// `true` or `false`; anything else is reported at the value.
    public func flag(_ key: String) -> Bool? {
        guard let scalar = scalar(key, expected: "true or false") else { return nil }
        switch scalar.text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error(scalar.location, "'\(key)' of \(context) must be true or false, found '\(scalar.clipped)'",
                              length: scalar.text.count)
            return nil
        }
    }

    /// One of a fixed set of words.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T? where T.RawValue == String {
        let names = { T.allCases.map(\.rawValue) }
        let expected = { "one of " + names().map { "'\($0)'" }.joined(separator: ", ") }
        guard let scalar = scalar(key, expected: expected()) else { return nil }
        if let value = T(rawValue: scalar.text) { return value }
        diagnostics.error(scalar.location, "'\(key)' of \(context) must be \(expected()), found '\(scalar.clipped)'"
                          + Suggestion.hint(for: scalar.text, in: names()), length: scalar.text.count)
        return nil
    }

    /// A list of names (a YAML sequence of scalars) with each name's location.
    public func nameList(_ key: String, required: Bool = false) -> [(name: String, location: ModelLocation)]? {
        guard let present = lookUp(key) else {
            if required { missing(key, expected: "a list of component names") }
            return nil
        }
        guard case .sequence(let items, _) = present else {
            diagnostics.error(present.location, "'\(key)' of \(context) must be a list of component names, found \(present.kindDescription)")
            return nil
        }
        var names: [(name: String, location: ModelLocation)] = []
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.isNull else {
                diagnostics.error(item.location, "'\(key)' of \(context) must list component names, found \(item.kindDescription)")
                continue
            }
            names.append((scalar.text, scalar.location))
        }
        return names
    }

    /// Whether a key of this mapping that is not in `known` is a near miss of `key`: the report of
    /// unknown keys will then name it with "did you mean '`key`'?", so a "missing" error would only
    /// repeat the same typo.
    public func misspells(_ key: String, known: [String]) -> Bool {
        pairs.contains { !known.contains($0.key.text) && Suggestion.nearest(to: $0.key.text, in: known) == key }
    }

    /// Reports every key that no getter asked for, suggesting the nearest known key.
    public func rejectUnknownKeys(known: [String]) {
        for index in pairs.indices where index >= 64 || found & (1 << UInt64(index)) == 0 {
            let key = pairs[index].key
            guard !asked.contains(key.text) && !known.contains(key.text) else { continue }
            diagnostics.error(key.location, "unknown field '\(key.clipped)' in \(context)"
                              + Suggestion.hint(for: key.text, in: known + asked), length: key.text.count)
        }
    }
}
