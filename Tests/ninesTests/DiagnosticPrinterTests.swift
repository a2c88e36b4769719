import Foundation
import Testing
@testable import nines
import NinesKit

/// What `withDiagnostics` prints on stderr: compiler-style lines, a caret under located ones whose
/// file reads, the count after located ones, and a closing line.
struct DiagnosticPrinterTests {
    /// The line comes from the text the loader read (`sources`), not from the file: here the file
    /// on disk has changed since, and the printer still shows what was parsed.
    @Test func locatedDiagnosticsQuoteTheirLineAndEndWithTheCount() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/m.yaml"
        try "version: 1\nchanged: since\n".write(toFile: file, atomically: true, encoding: .utf8)
        let diagnostics = [Diagnostic(at: ModelLocation(file: file, line: 2, column: 9), "bad name", length: 1),
                           Diagnostic(at: ModelLocation(file: directory + "/gone.yaml", line: 1, column: 1), "no such file")]
        let sources = [file: SourceText("version: 1\nsystem: s\n", file: file)]
        #expect(DiagnosticPrinter.text(diagnostics, sources: sources) == """
            \(file):2:9: error: bad name
                system: s
                        ^
            \(directory)/gone.yaml:1:1: error: no such file
            2 errors

            """)
    }

    /// A flood of errors in one file: the first hundred, then one line with how many more.
    @Test func atMostAHundredErrorsPerFile() {
        let diagnostics = (1...32_000).map { Diagnostic(at: ModelLocation(file: "m.yaml", line: $0, column: 1), "bad \($0)") }
            + [Diagnostic(at: ModelLocation(file: "n.yaml", line: 1, column: 1), "other file")]
        let lines = DiagnosticPrinter.text(diagnostics).split(separator: "\n").map(String.init)
        #expect(lines.count == 100 + 1 + 1 + 1)
        #expect(lines[99] == "m.yaml:100:1: error: bad 100")
        #expect(lines[100] == "m.yaml: and 31900 more errors not shown")
        #expect(lines[101] == "n.yaml:1:1: error: other file")
        #expect(lines[102] == "32001 errors")
    }

    /// Control characters and line breaks in a message (a value quoted from a hostile file) are
    /// shown escaped: nothing can start a line of its own (`::error …`) or drive the terminal.
    @Test func messagesCannotStartALineOrDriveTheTerminal() {
        let diagnostic = Diagnostic(at: ModelLocation(file: "w.csv", line: 2, column: 3), "found 'x\n::error ::pwned\u{1B}[2J\u{9B}'")
        let text = DiagnosticPrinter.text([diagnostic], sources: ["w.csv": SourceText("id\na,\u{1B}]0;title\u{7},b\n", file: "w.csv")])
        #expect(text == "w.csv:2:3: error: found 'x\\n::error ::pwned\\u{1B}[2J\\u{9B}'\n    a,\\u{1B}]0;title\\u{7},b\n      ^\n1 error\n")
    }

    /// "cannot write 'x'", "--layer 'x' matches nothing": one line, no count.
    @Test func anUnlocatedDiagnosticIsOneLine() {
        #expect(DiagnosticPrinter.text([Diagnostic("cannot write 'out.txt': it is a directory")])
                == "error: cannot write 'out.txt': it is a directory\n")
    }

    @Test func theClosingLineComesLast() {
        let diagnostics = [Diagnostic(at: ModelLocation(file: "w.fmea.yaml", line: 1, column: 1), "no such worksheet")]
        #expect(DiagnosticPrinter.text(diagnostics, closing: NothingWritten(DiagnosticError(diagnostics), path: "w.fmea.yaml").closing)
                == "w.fmea.yaml:1:1: error: no such worksheet\n1 error\nnothing written to 'w.fmea.yaml'\n")
    }
}
