import ArgumentParser
import Foundation
import NinesKit

/// Runs a command and turns whatever it throws into words on stderr and an exit code: the one place
/// where errors meet the user (swift-format's `DiagnosticsEngine` plays this part there).
///
/// - `DiagnosticConvertible` errors (invalid models and worksheets, unreadable or unwritable files,
///   options that match nothing): every diagnostic with its source line and caret, exit 2.
/// - argument-parser's errors: usage errors as it words them, exit 2; `--help` and `--version` on
///   stdout, exit 0; an `ExitCode` (1 when a check falls short) as is.
func withDiagnostics(_ body: () throws -> Void) -> Int32 {
    do {
        try body()
        return ExitStatus.ok
    } catch let error as any DiagnosticConvertible {
        DiagnosticPrinter.print(error.diagnostics, sources: error.sources, closing: (error as? NothingWritten)?.closing)
        return ExitStatus.invalidInput
    } catch {
        let code = NinesCommand.exitCode(for: error)
        let message = NinesCommand.fullMessage(for: error)
        if code == .validationFailure {
            Terminal.error(message)
            return ExitStatus.invalidInput
        }
        if code == .success {
            if !message.isEmpty { Terminal.write(message + "\n") }   // --help, --version and completion scripts
            return ExitStatus.ok
        }
        // An ExitCode thrown after the outcome was printed has no message of its own.
        if !message.isEmpty { Terminal.error(message) }
        return code.rawValue
    }
}

/// Exit codes shared by every command.
enum ExitStatus {
    static let ok: Int32 = 0
    static let fallsShort: Int32 = 1
    static let invalidInput: Int32 = 2
}

/// A failure after which a command leaves its output file as it was, and says so last
/// (`fmea import`: "nothing written to 'x.fmea.yaml'").
struct NothingWritten: DiagnosticConvertible {
    let diagnostics: [Diagnostic]
    let sources: [String: SourceText]
    let path: String

    init(_ cause: any DiagnosticConvertible, path: String) {
        diagnostics = cause.diagnostics
        sources = cause.sources
        self.path = path
    }

    var closing: String { "nothing written to '\(path)'" }
}

/// Prints diagnostics on stderr in the compiler style.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], sources: [String: SourceText] = [:], closing: String? = nil) {
        Terminal.error(text(diagnostics, sources: sources, closing: closing))
    }

    /// Each diagnostic, with its line from `sources` (the files as the loaders read them; no file is
    /// read again) and a caret when it is located; at most a hundred per file (`DiagnosticFlood`),
    /// then "and N more"; then the count when any is located (it closes a list of a file's errors;
    /// a lone unlocated message needs none); then `closing`, if any.
    static func text(_ diagnostics: [Diagnostic], sources: [String: SourceText] = [:], closing: String? = nil) -> String {
        var text = ""
        let (shown, hidden) = DiagnosticFlood.limit(diagnostics)
        let more = Dictionary(hidden.map { ($0.file, $0.count) }, uniquingKeysWith: +)
        for (index, diagnostic) in shown.enumerated() {
            text += diagnostic.rendered(in: diagnostic.location.flatMap { sources[$0.file] }) + "\n"
            // Sorted by file, so a file's run ends where the next diagnostic is about another.
            if let file = diagnostic.location?.file, let count = more[file],
               index + 1 == shown.count || shown[index + 1].location?.file != file {
                text += DiagnosticFlood.note(file: file, count: count) + "\n"
            }
        }
        if diagnostics.contains(where: { $0.location != nil }) {
            let count = diagnostics.count
            text += "\(count) error\(count == 1 ? "" : "s")\n"
        }
        if let closing { text += OutputSanitizer.escaped(closing) + "\n" }
        return text
    }
}
