import Foundation
import Yams

/// Turns YAML text into a `YAMLValue` tree, or diagnostics that point into the file.
///
/// Uses `Yams.compose` with the basic resolver (every scalar stays text) and never `Yams.load`,
/// which traps on non-scalar mapping keys.
public enum YAMLParser {
    public static func parse(_ text: String, file: String) -> Result<YAMLValue, DiagnosticError> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(DiagnosticError([Diagnostic(at: start, "the file is empty; expected a mapping with 'version', 'system' and 'components'")]))
        }
        let node: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(DiagnosticError([diagnostic(for: error, file: file)]))
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

    static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func convert(_ node: Node, file: String, depth: Int, diagnostics: inout [Diagnostic]) -> YAMLValue {
        let here = location(node.mark, file: file)
        switch node {
        case .scalar(let scalar):
            // Yams leaves a scalar's tag unresolved ("" or "!") unless the file wrote one.
            let tagName = scalar.tag.rawValue
            let explicit = tagName.isEmpty || tagName == "!" ? nil : tagName
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
                pairs.append((keyValue, convert(value, file: file, depth: depth + 1, diagnostics: &diagnostics)))
            }
            return .mapping(pairs, here)
        case .alias(let alias):
            diagnostics.append(Diagnostic(at: location(alias.mark, file: file),
                                          "aliases ('*name') are not supported in model files; write the value out"))
            return .scalar(YAMLScalar(text: "", isQuoted: false, location: here))
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(at: location(mark, file: file), "malformed YAML: \(problem)\(detail)")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                              "the file cannot be read as UTF-8 text: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(at: location(context.mark, file: file), "duplicate key \(names) in the same mapping")
        default:
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "could not parse the file as YAML")
        }
    }
}

private extension Node {
    var isMapping: Bool { if case .mapping = self { return true } else { return false } }
}
