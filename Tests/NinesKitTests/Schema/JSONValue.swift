import Foundation
@testable import NinesKit

/// A YAML document as the JSON data model an editor's YAML language server validates: plain
/// scalars resolved by the YAML 1.2 core schema (null, booleans, integers, floats), everything
/// quoted or tagged `!!str` a string.
indirect enum JSONValue: Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([(String, JSONValue)])

    static func == (left: JSONValue, right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    init(yaml value: YAMLValue) {
        switch value {
        case .scalar(let scalar): self = Self.resolve(scalar)
        case .sequence(let items, _): self = .array(items.map(JSONValue.init(yaml:)))
        case .mapping(let entries, _): self = .object(entries.map { ($0.key.text, JSONValue(yaml: $0.value)) })
        }
    }

    /// Reads a whole file; an empty document is `null`.
    init(yamlText text: String, file: String) throws {
        self = JSONValue(yaml: try YAMLParser.parse(text, file: file).get())
    }

    /// YAML 1.2 core schema tag resolution of a scalar.
    static func resolve(_ scalar: YAMLScalar) -> JSONValue {
        if scalar.isQuoted || scalar.explicitTag == "tag:yaml.org,2002:str" { return .string(scalar.text) }
        let text = scalar.text
        if scalar.isNull { return .null }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        if text.wholeMatch(of: /[-+]?[0-9]+/) != nil, let value = Double(text) { return .number(value) }
        if text.wholeMatch(of: /0o[0-7]+/) != nil, let value = Int(text.dropFirst(2), radix: 8) { return .number(Double(value)) }
        if text.wholeMatch(of: /0x[0-9a-fA-F]+/) != nil, let value = Int(text.dropFirst(2), radix: 16) { return .number(Double(value)) }
        if text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil, let value = Double(text) { return .number(value) }
        return .string(text)
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let entries) = self else { return nil }
        return entries.first { $0.0 == key }?.1
    }
}
