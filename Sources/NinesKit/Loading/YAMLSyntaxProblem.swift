import CYAML
import Foundation

/// libyaml's own account of why it stopped (its `problem`, `context` and marks), as a diagnostic
/// that points into the file.
enum YAMLSyntaxProblem {
    static func diagnostic(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // The input is UTF-8, so libyaml's offset counts bytes; it has no line or column.
            let at = min(parser.problem_offset, bytes.count)
            let character = parser.problem_value >= 0 ? String(format: " (U+%04X)", parser.problem_value) : ""
            return SourceFile.located(Array(bytes), offset: at, file: file,
                                      "the file cannot be read as YAML text: \(problem)\(character) at byte offset \(at)")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let mark = parser.problem_mark
            let here = ModelLocation(file: file, line: mark.line + 1, column: mark.column + 1)
            let context = parser.context.map { " (\(String(cString: $0)))" } ?? ""
            let hint = startsWithTab(bytes, line: here.line, column: here.column) ? "; YAML cannot indent with tabs, use spaces" : ""
            return Diagnostic(at: here, "malformed YAML: \(problem)\(context)\(hint)")
        default:
            return Diagnostic(at: ModelLocation(file: file, line: 1, column: 1), "could not parse the file as YAML (\(problem))")
        }
    }

    /// Whether the character at `line`:`column` (1-based, columns in characters) is a tab.
    private static func startsWithTab(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Bool {
        guard let text = SourceText(bytes: Array(bytes), file: "").line(line) else { return false }
        return String(decoding: text, as: UTF8.self).unicodeScalars.dropFirst(column - 1).first == "\t"
    }
}
