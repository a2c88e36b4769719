import Foundation
import Yams

/// Turns YAML text into a `YAMLValue` tree, or diagnostics that point into the file.
///
/// Uses `Yams.compose` with the basic resolver (every scalar stays text) and never `Yams.load`,
/// which traps on non-scalar mapping keys. `YAMLPreflight` runs first, so libyaml never sees
/// anchors, aliases, tags or deep nesting (docs/hardening.md has the policy). Ordinary files are
/// built straight from libyaml's events (`YAMLEventBuilder`); Yams composes the rest.
package enum YAMLParser {
    public static func parse(_ text: String, file: String) -> Result<YAMLValue, DiagnosticError> {
        let start = ModelLocation(file: file, line: 1, column: 1)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(DiagnosticError([Diagnostic(at: start, "the file is empty; expected a mapping with 'version', 'system' and 'components'")]))
        }
        let policy = YAMLPreflight.check(text, file: file)
        if !policy.isEmpty { return .failure(DiagnosticError(policy)) }
        let tree = YAMLEventBuilder.build(text, file: file) ?? compose(text, file: file)
        if case .success(let root) = tree {
            let refused = YAMLTextPolicy.check(root)
            if !refused.isEmpty { return .failure(DiagnosticError(refused)) }
        }
        return tree
    }

    /// The tree through `Yams.compose`, with a diagnostic for everything the model files may not
    /// hold; `YAMLEventBuilder` gives the same tree faster when there is nothing to report.
    static func compose(_ text: String, file: String) -> Result<YAMLValue, DiagnosticError> {
        let start = ModelLocation(file: file, line: 1, column: 1)
        let node: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(DiagnosticError([diagnostic(for: error, text: text, file: file)]))
        } catch {
            return .failure(DiagnosticError([Diagnostic(at: start, "could not parse the file as YAML: \(error)")]))
        }
        guard let node else {
            return .failure(DiagnosticError([Diagnostic(at: start, "the file holds no YAML document")]))
        }
        var diagnostics: [Diagnostic] = []
        let value = convert(node, file: file, depth: 0, diagnostics: &diagnostics)
        return diagnostics.isEmpty ? .success(value) : .failure(DiagnosticError(diagnostics))
    }

    static func location(_ mark: Mark?, file: String) -> ModelLocation {
        ModelLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func convert(_ node: Node, file: String, depth: Int, diagnostics: inout [Diagnostic]) -> YAMLValue {
        let here = location(node.mark, file: file)
        switch node {
        case .scalar(let scalar):
            // Yams leaves a scalar's tag unresolved ("" or "!") unless the file wrote one.
            let tagName = scalar.tag.rawValue
            // Yams tags quoted and block scalars 'str' by itself; only a plain scalar's tag was written.
            // (YAMLPreflight already refuses every written tag; this keeps the tree honest on its own.)
            let explicit = tagName.isEmpty || tagName == "!" || scalar.style != .plain ? nil : tagName
            return .scalar(YAMLScalar(text: scalar.string, isQuoted: scalar.style != .plain && scalar.style != .any,
                                      explicitTag: explicit, location: here))
        case .sequence(let sequence):
            return .sequence(sequence.map { convert($0, file: file, depth: depth + 1, diagnostics: &diagnostics) }, here)
        case .mapping(let mapping):
            var pairs: [(key: YAMLScalar, value: YAMLValue)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    diagnostics.append(Diagnostic(at: location(key.mark, file: file),
                                                  "a mapping key must be a plain name, found \(key.isMapping ? "a mapping" : "a list")"))
                    continue
                }
                let keyValue = YAMLScalar(text: keyScalar.string, isQuoted: keyScalar.style != .plain,
                                          location: location(key.mark, file: file))
                if keyValue.isNull {
                    diagnostics.append(Diagnostic(at: keyValue.location, "a mapping key is null ('\(keyValue.text)'); write a name, or quote it"))
                    continue
                }
                if keyValue.text == "<<" && !keyValue.isQuoted {
                    diagnostics.append(Diagnostic(at: keyValue.location, "merge keys ('<<') are not allowed in model files; write the fields out",
                                                  length: 2))
                    continue
                }
                pairs.append((keyValue, convert(value, file: file, depth: depth + 1, diagnostics: &diagnostics)))
            }
            return .mapping(pairs, here)
        case .alias(let alias):
            diagnostics.append(Diagnostic(at: location(alias.mark, file: file),
                                          "aliases ('*name') are not supported in model files; write the value out"))
            return .scalar(YAMLScalar(text: "", isQuoted: false, location: here))
        }
    }

    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        let start = ModelLocation(file: file, line: 1, column: 1)
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            let here = location(mark, file: file)
            let offending = SourceText(text, file: file).line(here.line).flatMap { line in
                String(decoding: line, as: UTF8.self).unicodeScalars.dropFirst(here.column - 1).first
            }
            let hint = offending == "\t" ? "; YAML cannot indent with tabs, use spaces" : ""
            return Diagnostic(at: here, "malformed YAML: \(problem)\(detail)\(hint)")
        case .reader(let problem, let offset, let value, _):
            // Yams gives the offset in Characters; the first occurrence of the refused scalar is exact.
            let bytes = Array(text.utf8)
            let scalarIndex = value >= 0 ? text.unicodeScalars.firstIndex { $0.value == UInt32(value) } : nil
            let characterIndex = offset.flatMap { text.index(text.startIndex, offsetBy: $0, limitedBy: text.endIndex) }
            let at = (scalarIndex ?? characterIndex).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? 0
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return SourceFile.located(bytes, offset: at, file: file,
                                      "the file cannot be read as YAML text: \(problem)\(character) at byte offset \(at)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.prefix(5).map { "'\(YAMLScalar(text: $0, isQuoted: true, location: start).clipped)'" }
            let more = duplicates.count > 5 ? " and \(duplicates.count - 5) more" : ""
            return Diagnostic(at: location(context.mark, file: file),
                              "duplicate key \(names.joined(separator: ", "))\(more) in the same mapping")
        default:
            return Diagnostic(at: start, "could not parse the file as YAML")
        }
    }
}

private extension Node {
    var isMapping: Bool { if case .mapping = self { return true } else { return false } }
}
