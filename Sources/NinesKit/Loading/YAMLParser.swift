/// Turns YAML text into a `YAMLValue` tree, or diagnostics that point into the file.
///
/// `YAMLPreflight` runs first, so libyaml never sees anchors, aliases, tags or deep nesting
/// (docs/hardening.md has the policy); the tree is built from the system libyaml's events
/// (`YAMLEventBuilder`), every scalar kept as text and held to `YAMLTextPolicy` as it is read.
package enum YAMLParser {
    public static func parse(_ text: String, file: String) -> Result<YAMLValue, DiagnosticError> {
        let start = ModelLocation(file: file, line: 1, column: 1)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(DiagnosticError([Diagnostic(at: start, "the file is empty; expected a mapping with 'version', 'system' and 'components'")]))
        }
        let policy = YAMLPreflight.check(text, file: file)
        if !policy.isEmpty { return .failure(DiagnosticError(policy)) }
        return YAMLEventBuilder.build(text, file: file, checkingText: .proseOnly)
    }

    /// Every document of a multi-document stream under the same policy as a model file, except that
    /// any text may span lines (manifests carry scripts and configuration files in their values).
    public static func parseStream(_ text: String, file: String) -> Result<[YAMLValue], DiagnosticError> {
        let policy = YAMLPreflight.check(text, file: file)
        if !policy.isEmpty { return .failure(DiagnosticError(policy)) }
        return YAMLEventBuilder.buildStream(text, file: file, checkingText: .anywhere)
    }
}
