import Testing
@testable import NinesKit

/// The compiler-style rendering: location, message, the source line and a caret under the value.
struct DiagnosticRenderingTests {
    static let location = ModelLocation(file: "m.yaml", line: 2, column: 23)

    @Test func caretUnderlinesTheValue() {
        let diagnostic = Diagnostic(at: Self.location, "bad value", length: 4)
        let source = "version: 1\n  a: { availability: 120% }\n"
        let caret = String(repeating: " ", count: 4 + 22) + "^~~~"
        #expect(diagnostic.rendered(source: source) == "m.yaml:2:23: error: bad value\n      a: { availability: 120% }\n" + caret)
    }

    /// Long lines are clipped around the column; the caret still points at the same character.
    @Test func longLinesAreClippedAroundTheColumn() throws {
        let line = String(repeating: "x", count: 150) + "HERE" + String(repeating: "y", count: 150)
        let diagnostic = Diagnostic(at: ModelLocation(file: "m.yaml", line: 1, column: 151), "here", length: 4)
        let lines = diagnostic.rendered(source: line).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        let text = Array(lines[1].dropFirst(4)), caret = Array(lines[2].dropFirst(4))
        let column = try #require(caret.firstIndex(of: "^"))
        #expect(String(text[column..<(column + 4)]) == "HERE")
        #expect(text.first == "…" && text.last == "…" && text.count <= 102)
        #expect(String(caret[column...]) == "^~~~")
    }

    /// Without the source (or past its end) only the location line is printed.
    @Test func withoutSourceOnlyTheLine() {
        let diagnostic = Diagnostic(at: Self.location, "bad value")
        #expect(diagnostic.rendered(source: nil) == "m.yaml:2:23: error: bad value")
        #expect(diagnostic.rendered(source: "one line") == "m.yaml:2:23: error: bad value")
    }

    /// Diagnostics of several files come out sorted by file, line and column.
    @Test func errorsAreSortedByPosition() {
        let error = DiagnosticError([
            Diagnostic(at: ModelLocation(file: "b.yaml", line: 1, column: 1), "third"),
            Diagnostic(at: ModelLocation(file: "a.yaml", line: 3, column: 2), "second"),
            Diagnostic(at: ModelLocation(file: "a.yaml", line: 3, column: 1), "first"),
        ])
        #expect(error.diagnostics.map(\.message) == ["first", "second", "third"])
    }

    /// A problem about no place in a file reads "error: …"; it sorts before the located ones.
    @Test func unlocatedDiagnosticsHaveNoPosition() {
        let unlocated = Diagnostic("cannot write 'out.txt': it is a directory")
        #expect(unlocated.rendered(source: "version: 1") == "error: cannot write 'out.txt': it is a directory")
        let error = DiagnosticError([Diagnostic(at: Self.location, "located"), unlocated])
        #expect(error.diagnostics.map(\.message) == ["cannot write 'out.txt': it is a directory", "located"])
    }

    /// A file that cannot be read as a whole (here: missing) is named at 1:1 without quoting a line.
    @Test func wholeFileProblemsQuoteNoLine() {
        guard case .failure(let error) = SourceFile.read("no-such-file.yaml", options: LoadOptions()) else {
            Issue.record("a missing file was read")
            return
        }
        #expect(error.diagnostics.map { $0.rendered(source: "a line") } == ["no-such-file.yaml:1:1: error: no such file"])
    }
}
