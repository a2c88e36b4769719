import Foundation
import NinesTestSupport
@testable import NinesKit

/// Checks a parsed manifest against the CRD subset in Fixtures/chaos/crd-schemas.json: types,
/// required fields, enums, patterns, lengths, and no field the fixture does not list. A YAML
/// scalar is a string when quoted or when it cannot be read as anything else, as the API server
/// reads it.
struct CRDSubsetSchema {
    let definitions: [String: Any]
    let kinds: [String: Any]

    static func bundled() throws -> CRDSubsetSchema {
        let url = GoldenFiles.root.appendingPathComponent("Tests/NinesKitTests/Fixtures/chaos/crd-schemas.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        return CRDSubsetSchema(definitions: json["definitions"] as? [String: Any] ?? [:], kinds: json["kinds"] as? [String: Any] ?? [:])
    }

    /// The problems of one document, each with its path; empty when it conforms.
    func problems(_ document: YAMLValue) -> [String] {
        guard case .mapping(let pairs, _) = document else { return ["the document is not a mapping"] }
        let text = { (key: String) in pairs.first { $0.key.text == key }.flatMap { pair -> String? in
            if case .scalar(let scalar) = pair.value { return scalar.text } else { return nil } } ?? "" }
        let kind = text("apiVersion") + "/" + text("kind")
        guard let schema = kinds[kind] as? [String: Any] else { return ["no CRD for \(kind)"] }
        var found: [String] = []
        check(document, against: schema, at: kind, into: &found)
        return found
    }

    private func check(_ value: YAMLValue, against given: [String: Any], at path: String, into found: inout [String]) {
        var schema = given
        if let name = given["$ref"] as? String, let target = definitions[name] as? [String: Any] { schema = target }
        switch schema["type"] as? String {
        case "object":
            guard case .mapping(let pairs, _) = value else { return found.append("\(path): not an object") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for required in schema["required"] as? [String] ?? [] where !pairs.contains(where: { $0.key.text == required }) {
                found.append("\(path): missing required '\(required)'")
            }
            for (key, item) in pairs {
                if let property = properties[key.text] as? [String: Any] {
                    check(item, against: property, at: "\(path).\(key.text)", into: &found)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(item, against: additional, at: "\(path).\(key.text)", into: &found)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unknown field '\(key.text)'")
                }
            }
        case "array":
            guard case .sequence(let items, _) = value else { return found.append("\(path): not an array") }
            let itemSchema = schema["items"] as? [String: Any] ?? [:]
            for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(index)]", into: &found) }
        case "string":
            guard case .scalar(let scalar) = value, scalar.isQuoted || Self.plainIsString(scalar.text) else {
                return found.append("\(path): not a string")
            }
            if let allowed = schema["enum"] as? [String], !allowed.contains(scalar.text) { found.append("\(path): '\(scalar.text)' not in \(allowed)") }
            if let pattern = schema["pattern"] as? String, scalar.text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): '\(scalar.text)' does not match \(pattern)")
            }
            if let limit = schema["maxLength"] as? Int, scalar.text.count > limit { found.append("\(path): longer than \(limit)") }
        default:
            found.append("\(path): the fixture has no type here")
        }
    }

    /// A plain scalar YAML 1.1 reads as a string: not null, a boolean or a number.
    static func plainIsString(_ text: String) -> Bool {
        let other: Set<String> = ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                                  "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "n"]
        return !other.contains(text) && Double(text) == nil && Int(text) == nil
    }
}
