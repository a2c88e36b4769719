/// The diagnostics that stopped `nines check` before it judged anything (an invalid model or
/// worksheet, a file that does not read), as plain data for the CI formats: a pipeline shows them
/// where it shows results (an annotation, a failing test case, a SARIF error, a PR comment), not
/// only on stderr, which CI pages hide.
package struct InputErrorReport: Hashable, Sendable {
    /// The files the command was given, in order.
    package var sources: [String]
    package var diagnostics: [Diagnostic]

    package init(sources: [String], diagnostics: [Diagnostic]) {
        self.sources = sources
        self.diagnostics = diagnostics
    }

    /// The diagnostics of each file, files in order of first appearance; diagnostics about no file
    /// (an option that matches nothing) come last under `nil`.
    package var byFile: [(file: String?, diagnostics: [Diagnostic])] {
        var groups: [(file: String?, diagnostics: [Diagnostic])] = []
        for diagnostic in diagnostics {
            let file = diagnostic.location?.file
            if let index = groups.firstIndex(where: { $0.file == file }) {
                groups[index].diagnostics.append(diagnostic)
            } else {
                groups.append((file, [diagnostic]))
            }
        }
        return groups.filter { $0.file != nil } + groups.filter { $0.file == nil }
    }

    /// "3 errors in the input: nothing was checked".
    package var summary: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return "\(errors) error\(errors == 1 ? "" : "s") in the input: nothing was checked"
    }
}
