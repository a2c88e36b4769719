/// One problem, located in an input file precisely enough for an editor to jump to it when it is
/// about a place in one (most are), unlocated otherwise (a file that cannot be written, a git
/// revision that does not exist, a filter that matches nothing).
///
/// Rendered in the compiler style:
///
///     models/shop.yaml:14:12: error: 'availability' must be in (0, 1] or a percentage, found '120%'
///         availability: 120%
///                       ^~~~
///
/// or, without a location, `error: cannot write 'out.txt': it is a directory`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var location: ModelLocation?
    public var message: String
    /// Number of characters to underline at `location` (at least 1).
    public var length: Int
    /// False for a problem with a whole file (missing, too large, not UTF-8): `rendered(source:)`
    /// then quotes no line, and a printer need not read the file again.
    public var quotesSource = true

    public init(_ severity: Severity = .error, at location: ModelLocation, _ message: String, length: Int = 1) {
        self.severity = severity
        self.location = location
        self.message = message
        self.length = max(1, length)
    }

    /// A problem that is about no place in an input file.
    public init(_ message: String, severity: Severity = .error) {
        self.severity = severity
        location = nil
        self.message = message
        length = 1
    }

    /// The message with any control character or line break escaped: a value quoted in it cannot
    /// start a line of its own in a terminal or a CI log.
    public var description: String {
        (location.map { "\(OutputSanitizer.escaped($0.description)): " } ?? "") + "\(severity.rawValue): \(OutputSanitizer.escaped(message))"
    }

    /// The diagnostic with the offending source line and a caret underline, when the line is known.
    public func rendered(source: String?) -> String {
        rendered(in: source.map { SourceText($0, file: location?.file ?? "") })
    }

    /// The diagnostic with its line from `source` (the file as it was read) and a caret underline;
    /// a long line is clipped to 100 characters around the column without being copied whole.
    public func rendered(in source: SourceText?) -> String {
        guard let location, quotesSource, let source,
              let clipped = source.window(line: location.line, around: location.column) else { return description }
        // A quoted line that begins with `::` must not read as a workflow command in a CI log.
        let text = OutputSanitizer.commandSafe(clipped.text)
        let firstColon = clipped.text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count + 1
        let caretColumn = clipped.caretColumn + (clipped.caretColumn > firstColon ? text.unicodeScalars.count - clipped.text.unicodeScalars.count : 0)
        let pad = String(repeating: " ", count: max(0, caretColumn - 1))
        let width = max(1, min(length, text.unicodeScalars.count - caretColumn + 1))
        let marks = "^" + String(repeating: "~", count: max(0, width - 1))
        return "\(description)\n    \(text)\n    \(pad)\(marks)"
    }
}

/// An error that can say what went wrong as diagnostics: the one shape in which every failure
/// reaches the user (the executable prints them and exits 2).
public protocol DiagnosticConvertible: Error {
    var diagnostics: [Diagnostic] { get }
    /// The input files the diagnostics are about, as they were read, by name: a printer quotes
    /// lines from these and never reads a file again.
    var sources: [String: SourceText] { get }
}

extension DiagnosticConvertible {
    public var sources: [String: SourceText] { [:] }
}

/// All the problems of one or more files; thrown by the loaders so a user sees every error at once.
public struct DiagnosticError: DiagnosticConvertible, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceText]
    /// Sorted by position; diagnostics without one come first.
    public init(_ diagnostics: [Diagnostic], sources: [String: SourceText] = [:]) {
        self.diagnostics = diagnostics.sorted { lhs, rhs in
            guard let right = rhs.location else { return false }
            guard let left = lhs.location else { return true }
            return left < right
        }
        self.sources = sources
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The same error, also carrying the text of each of `documents` a diagnostic is about (the
    /// texts it already carries stay).
    public func quoting(_ documents: [(file: String, text: String)]) -> DiagnosticError {
        let files = Set(diagnostics.compactMap { $0.quotesSource ? $0.location?.file : nil })
        var copy = self
        for document in documents where files.contains(document.file) && copy.sources[document.file] == nil {
            copy.sources[document.file] = SourceText(document.text, file: document.file)
        }
        return copy
    }

    /// Diagnostics put before this error's, with the texts of both.
    public func adding(_ other: any DiagnosticConvertible) -> DiagnosticError {
        DiagnosticError(other.diagnostics + diagnostics, sources: sources.merging(other.sources) { mine, _ in mine })
    }
}

extension Diagnostic: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [self] }
}
