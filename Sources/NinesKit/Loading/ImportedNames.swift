/// Component names for the objects an importer finds: lower-case letters, digits, '-' and '.'
/// (anything else becomes '-'), each name given once: a repeat is qualified (by namespace or
/// resource type), then numbered.
struct ImportedNames {
    private var taken = Set<String>()

    static func sanitized(_ raw: String) -> String {
        let mapped = raw.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == ".") ? character : "-"
        }
        let name = String(mapped.prefix(100))
        return name.isEmpty ? "unnamed" : name
    }

    /// A name for `raw` not given before: `raw`, else `qualifier-raw`, else numbered.
    mutating func take(_ raw: String, qualifier: String) -> String {
        let base = Self.sanitized(raw)
        var name = taken.contains(base) ? Self.sanitized(qualifier + "-" + raw) : base
        var counter = 2
        let qualified = name
        while taken.contains(name) { name = "\(qualified)-\(counter)"; counter += 1 }
        taken.insert(name)
        return name
    }
}
