/// Writes `--set` overrides into the parsed model files, before the model is read, so a value set
/// on the command line goes through exactly the validation a value in the file does.
///
/// `COMPONENT.FIELD[.FIELD…]` sets a field of the component in whichever file defines it;
/// `objectives.NAME.FIELD…` a field of an objective; `FIELD[.FIELD…]` (`period`, `calendar.month`)
/// a top-level field of the first file. A field that is not written yet is added; setting one of
/// alternative figures drops the others (`availability` replaces `mtbf`, `rate` or `failure`;
/// `mttr` replaces `repair`; an objective's `at` replaces `path`), so the result is a valid model.
enum ModelOverrideApplier {
    typealias Parsed = (file: String, tree: Result<YAMLValue, DiagnosticError>)

    /// Top-level fields an override may set directly (the sections are addressed by their entries).
    static let topLevelFields = ["system", "description", "period", "calendar"]

    /// Fields of which a component or objective gives one: setting one drops the others.
    static let alternatives: [[String]] = [["availability", "mtbf", "rate", "failure"], ["mttr", "repair"], ["at", "path"]]

    /// The files with every override written in, and the overrides whose path names nothing.
    static func apply(_ overrides: [ModelOverride], to parsed: [Parsed]) -> (parsed: [Parsed], diagnostics: [Diagnostic]) {
        var files = parsed
        var diagnostics: [Diagnostic] = []
        for override in overrides {
            if let problem = apply(override, to: &files) { diagnostics.append(problem) }
        }
        return (files, diagnostics)
    }

    private static func apply(_ override: ModelOverride, to files: inout [Parsed]) -> Diagnostic? {
        let path = override.path
        let roots = files.map { try? $0.tree.get() }
        if path[0] == "objectives" {
            guard path.count >= 3 else {
                return Diagnostic(at: override.location(ofName: 0), "'--set objectives…' needs an objective and a field, "
                                  + "e.g. 'objectives.submit-job.target=99.95%'", length: override.path[0].count)
            }
            return setEntry(override, section: "objectives", what: "objective", in: &files, roots: roots)
        }
        if topLevelFields.contains(path[0]) {
            guard let index = roots.firstIndex(where: { $0 != nil }), let root = roots[index] else { return nil }
            return write(override, at: path[...], into: root, fileIndex: index, in: &files)
        }
        guard path.count >= 2 else {
            let known = componentNames(roots)
            let hint = known.contains(path[0]) ? "; '\(path[0])' is a component"
                : Suggestion.hint(for: path[0], in: known + topLevelFields)
            return Diagnostic(at: override.location(ofName: 0), "'--set \(path[0])=…' names no field\(hint); write COMPONENT.FIELD "
                              + "(e.g. 'job-store.mttr=15m'), objectives.NAME.FIELD or one of "
                              + topLevelFields.map { "'\($0)'" }.joined(separator: ", "), length: path[0].count)
        }
        return setEntry(override, section: "components", what: "component", in: &files, roots: roots)
    }

    /// Sets a field of a named entry of `components` or `objectives` in the file that defines it.
    private static func setEntry(_ override: ModelOverride, section: String, what: String, in files: inout [Parsed],
                                 roots: [YAMLValue?]) -> Diagnostic? {
        let nameIndex = section == "objectives" ? 1 : 0
        let name = override.path[nameIndex]
        for (index, root) in roots.enumerated() {
            guard let root, case .mapping(let entries, _)? = value(section, in: root),
                  entries.contains(where: { $0.key.text == name }) else { continue }
            return write(override, at: [section] + override.path[nameIndex...], into: root, fileIndex: index, in: &files)
        }
        let names = roots.compactMap { $0 }.flatMap { root -> [String] in
            guard case .mapping(let entries, _)? = value(section, in: root) else { return [] }
            return entries.map(\.key.text)
        }
        let hint = Suggestion.hint(for: name, in: section == "components" ? names + ["objectives"] + topLevelFields : names)
        return Diagnostic(at: override.location(ofName: nameIndex), "'--set \(override.argument)' names unknown \(what) '\(name)'\(hint)",
                          length: name.count)
    }

    private static func write(_ override: ModelOverride, at path: ArraySlice<String>, into root: YAMLValue, fileIndex: Int,
                              in files: inout [Parsed]) -> Diagnostic? {
        switch setting(path, to: override.value, in: root, override: override, depth: 0) {
        case .success(let tree):
            files[fileIndex].tree = .success(tree)
            return nil
        case .failure(let problem):
            return problem
        }
    }

    /// `node` with the field at `path` set to `value`; fields missing on the way are added as mappings.
    private static func setting(_ path: ArraySlice<String>, to value: YAMLValue, in node: YAMLValue, override: ModelOverride,
                                depth: Int) -> Result<YAMLValue, Diagnostic> {
        guard let name = path.first else { return .success(value) }
        guard case .mapping(var pairs, let location) = node else {
            let written = override.path.prefix(override.path.count - path.count).joined(separator: ".")
            return .failure(Diagnostic(at: override.keyLocation, "'--set \(override.argument)': '\(written)' is \(node.kindDescription) "
                                       + "in the model, not a mapping of fields", length: path.last?.count ?? 1))
        }
        let rest = path.dropFirst()
        if let index = pairs.firstIndex(where: { $0.key.text == name }) {
            switch setting(rest, to: value, in: pairs[index].value, override: override, depth: depth + 1) {
            case .success(let changed): pairs[index].value = changed
            case .failure(let problem): return .failure(problem)
            }
            // The field set is located at the argument, so a cross-check on it points there.
            if rest.isEmpty { pairs[index].key.location = override.keyLocation }
        } else {
            // A new key is located at its name in the argument, so "unknown field" points there.
            let key = YAMLScalar(text: name, isQuoted: false, location: override.location(ofName: override.path.count - path.count))
            let fresh = rest.reversed().reduce(value) { inner, field in
                .mapping([(key: YAMLScalar(text: field, isQuoted: false, location: override.keyLocation), value: inner)], inner.location)
            }
            pairs.append((key: key, value: fresh))
        }
        // Entries of a section sit at depth 2 (section, entry name, field).
        if rest.isEmpty, depth == 2, let group = alternatives.first(where: { $0.contains(name) }) {
            pairs.removeAll { $0.key.text != name && group.contains($0.key.text) }
        }
        return .success(.mapping(pairs, location))
    }

    private static func value(_ key: String, in root: YAMLValue) -> YAMLValue? {
        guard case .mapping(let pairs, _) = root else { return nil }
        return pairs.first { $0.key.text == key }?.value
    }

    private static func componentNames(_ roots: [YAMLValue?]) -> [String] {
        roots.compactMap { $0 }.flatMap { root -> [String] in
            guard case .mapping(let entries, _)? = value("components", in: root) else { return [] }
            return entries.map(\.key.text)
        }
    }
}
