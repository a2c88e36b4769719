/// Gathers every problem of a load so the user sees them all at once.
package final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ location: ModelLocation, _ message: String, length: Int = 1) {
        diagnostics.append(Diagnostic(.error, at: location, message, length: length))
    }

    public func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
