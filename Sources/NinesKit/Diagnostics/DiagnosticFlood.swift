/// At most a hundred diagnostics per file reach the user: a hostile file can hold tens of
/// thousands of errors (32,000 bad values in 1 MB), and the first hundred say what is wrong while
/// the rest would only flood a CI log. The stderr printer and the CI formats of `check` cut alike.
package enum DiagnosticFlood {
    public static let perFile = 100

    /// The first `perFile` diagnostics of each file, in their order, and for each file past it how
    /// many are left out (files in order of first appearance). Diagnostics about no file all stay.
    public static func limit(_ diagnostics: [Diagnostic], perFile: Int = perFile) -> (shown: [Diagnostic], hidden: [(file: String, count: Int)]) {
        var counts: [String: Int] = [:]
        var hidden: [(file: String, count: Int)] = []
        var shown: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard let file = diagnostic.location?.file else {
                shown.append(diagnostic)
                continue
            }
            let count = counts[file, default: 0] + 1
            counts[file] = count
            if count <= perFile { shown.append(diagnostic) } else if count == perFile + 1 { hidden.append((file, 0)) }
        }
        hidden = hidden.map { ($0.file, counts[$0.file]! - perFile) }
        return (shown, hidden)
    }

    /// "models/x.yaml: and 31900 more errors not shown".
    public static func note(file: String, count: Int) -> String {
        "\(OutputSanitizer.escaped(file)): and \(count) more error\(count == 1 ? "" : "s") not shown"
    }

    /// `diagnostics` cut to `perFile` per file, each cut file closed by one unlocated note saying how
    /// many more it has (for formats that list diagnostics as records).
    public static func limited(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let (shown, hidden) = limit(diagnostics)
        return shown + hidden.map { Diagnostic(note(file: $0.file, count: $0.count)) }
    }
}
