import Foundation
import Testing
@testable import nines
import NinesKit

/// What `withDiagnostics` prints on stderr: compiler-style lines, a caret under located ones whose
/// file reads, the count after located ones, and a closing line.
struct DiagnosticPrinterTests {
    @Test func locatedDiagnosticsQuoteTheirLineAndEndWithTheCount() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/m.yaml"
        try "version: 1\nsystem: s\n".write(toFile: file, atomically: true, encoding: .utf8)
        let diagnostics = [Diagnostic(at: ModelLocation(file: file, line: 2, column: 9), "bad name", length: 1),
                           Diagnostic(at: ModelLocation(file: directory + "/gone.yaml", line: 1, column: 1), "no such file")]
        #expect(DiagnosticPrinter.text(diagnostics) == """
            \(file):2:9: error: bad name
                system: s
                        ^
            \(directory)/gone.yaml:1:1: error: no such file
            2 errors

            """)
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
