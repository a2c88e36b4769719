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

    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }

    /// The diagnostic with the offending source line and a caret underline, when the line is known.
    public func rendered(source: String?) -> String {
        guard let location, quotesSource, let source, let line = Self.line(location.line, of: source) else { return description }
        let clipped = Self.clip(line, around: location.column)
        let pad = String(repeating: " ", count: max(0, clipped.caretColumn - 1))
        let width = max(1, min(length, clipped.text.count - clipped.caretColumn + 1))
        let marks = "^" + String(repeating: "~", count: max(0, width - 1))
        return "\(description)\n    \(clipped.text)\n    \(pad)\(marks)"
    }

    static func line(_ number: Int, of source: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = source.unicodeScalars.startIndex
        var index = start
        let scalars = source.unicodeScalars
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                if current == number { return String(scalars[start..<index]) }
                current += 1
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        return current == number ? String(scalars[start..<index]) : nil
    }

    /// Keeps long lines readable: at most 100 characters around the column.
    static func clip(_ line: String, around column: Int) -> (text: String, caretColumn: Int) {
        let scalars = Array(line.unicodeScalars).map { $0 == "\t" ? " " : $0 }
        let limit = 100
        if scalars.count <= limit { return (String(String.UnicodeScalarView(scalars)), column) }
        let start = max(0, min(column - 1 - limit / 2, scalars.count - limit))
        let end = min(scalars.count, start + limit)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < scalars.count ? "…" : ""
        let body = String(String.UnicodeScalarView(scalars[start..<end]))
        return (prefix + body + suffix, column - start + prefix.count)
    }
}

/// An error that can say what went wrong as diagnostics: the one shape in which every failure
/// reaches the user (the executable prints them and exits 2).
public protocol DiagnosticConvertible: Error {
    var diagnostics: [Diagnostic] { get }
}

/// All the problems of one or more files; thrown by the loaders so a user sees every error at once.
public struct DiagnosticError: DiagnosticConvertible, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// Sorted by position; diagnostics without one come first.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { lhs, rhs in
            guard let right = rhs.location else { return false }
            guard let left = lhs.location else { return true }
            return left < right
        }
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Diagnostic: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [self] }
}
