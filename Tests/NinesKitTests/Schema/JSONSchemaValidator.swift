import Foundation

/// A validator for the subset of JSON Schema draft 2020-12 that `schema/` uses, so tests check
/// models against the schema without a new dependency. A keyword outside the subset is an error,
/// so the schema cannot grow past what is checked here without this file growing too.
struct JSONSchemaValidator {
    /// Schema documents by file name (`nines-model.schema.json`), for `$ref`s across files.
    let documents: [String: JSONValue]

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let keywords: Set<String> = ["type", "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum", "minItems",
                                        "uniqueItems", "minProperties", "required", "properties", "additionalProperties",
                                        "propertyNames", "items", "anyOf", "oneOf", "$ref"]

    init(directory: URL) throws {
        var documents: [String: JSONValue] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".schema.json") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            documents[file] = try JSONValue(yamlText: text, file: file)   // JSON is YAML
        }
        self.documents = documents
    }

    /// Every violation of `file`'s schema by `instance`, as "path: message".
    func errors(_ instance: JSONValue, against file: String) -> [String] {
        guard let schema = documents[file] else { return ["no schema \(file)"] }
        var errors: [String] = []
        check(instance, schema, file: file, path: "", errors: &errors)
        return errors
    }

    func check(_ instance: JSONValue, _ schema: JSONValue, file: String, path: String, errors: inout [String]) {
        guard case .object(let keywords) = schema else { errors.append("\(path): schema is not an object"); return }
        func fail(_ message: String) { errors.append("\(path.isEmpty ? "/" : path): \(message)") }
        for (keyword, value) in keywords {
            switch keyword {
            case _ where Self.annotations.contains(keyword): continue
            case "$ref":
                guard case .string(let reference) = value, let (target, targetFile) = resolve(reference, from: file) else {
                    fail("cannot resolve \(value)"); continue
                }
                check(instance, target, file: targetFile, path: path, errors: &errors)
            case "type":
                let types: [String] = switch value {
                case .string(let one): [one]
                case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
                default: []
                }
                if !types.contains(where: { Self.has(instance, type: $0) }) { fail("expected \(types.joined(separator: " or "))") }
            case "enum":
                if case .array(let options) = value, !options.contains(instance) { fail("not one of the allowed values") }
            case "const":
                if instance != value { fail("must be \(value)") }
            case "pattern":
                if case .string(let text) = instance, case .string(let pattern) = value, !Self.matches(text, pattern) { fail("'\(text)' does not match \(pattern)") }
            case "minimum", "maximum", "exclusiveMinimum":
                guard case .number(let number) = instance, case .number(let limit) = value else { continue }
                let holds = keyword == "minimum" ? number >= limit : keyword == "maximum" ? number <= limit : number > limit
                if !holds { fail("\(number) violates \(keyword) \(limit)") }
            case "minItems":
                if case .array(let items) = instance, case .number(let limit) = value, Double(items.count) < limit { fail("fewer than \(Int(limit)) items") }
            case "uniqueItems":
                if case .array(let items) = instance, value == .bool(true),
                   items.indices.contains(where: { index in items[..<index].contains(items[index]) }) { fail("items repeat") }
            case "minProperties":
                if case .object(let entries) = instance, case .number(let limit) = value, Double(entries.count) < limit { fail("fewer than \(Int(limit)) properties") }
            case "required":
                if case .object = instance, case .array(let names) = value {
                    for case .string(let name) in names where instance[name] == nil { fail("'\(name)' is required") }
                }
            case "properties", "additionalProperties", "propertyNames":
                guard case .object(let entries) = instance else { continue }
                let declared = keywords.first { $0.0 == "properties" }?.1
                for (key, member) in entries {
                    if keyword == "propertyNames" { check(.string(key), value, file: file, path: path + "/" + key, errors: &errors); continue }
                    let own = declared?[key]
                    if keyword == "properties", let own { check(member, own, file: file, path: path + "/" + key, errors: &errors) }
                    if keyword == "additionalProperties", own == nil {
                        if value == .bool(false) { fail("unknown property '\(key)'") } else if case .object = value {
                            check(member, value, file: file, path: path + "/" + key, errors: &errors)
                        }
                    }
                }
            case "items":
                if case .array(let items) = instance {
                    for (index, item) in items.enumerated() { check(item, value, file: file, path: path + "/\(index)", errors: &errors) }
                }
            case "anyOf", "oneOf":
                guard case .array(let options) = value else { continue }
                let passing = options.filter { option in
                    var inner: [String] = []
                    check(instance, option, file: file, path: path, errors: &inner)
                    return inner.isEmpty
                }.count
                if keyword == "anyOf" ? passing == 0 : passing != 1 { fail("\(passing) of the \(keyword) options hold") }
            default:
                fail("unsupported keyword '\(keyword)'")
            }
        }
    }

    /// `#/$defs/x` in `file`, or `other.schema.json#/$defs/x`.
    func resolve(_ reference: String, from file: String) -> (JSONValue, String)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let target = parts[0].isEmpty ? file : parts[0]
        guard var node = documents[target] else { return nil }
        for component in (parts.count > 1 ? parts[1] : "").split(separator: "/") {
            guard let next = node[String(component)] else { return nil }
            node = next
        }
        return (node, target)
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let number)): number.isFinite && number == number.rounded()
        default: false
        }
    }

    /// ECMA-262 `pattern` (unanchored search) with ICU, which reads the same `\uXXXX` and classes the schema uses.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
