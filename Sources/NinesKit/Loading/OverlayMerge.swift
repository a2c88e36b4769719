/// Overlay files: a later file on the command line that changes the figures of components an
/// earlier file defines, without editing it (`nines incidents --update` writes one).
///
/// An overlay is a file whose top level has `overlay:` (a note saying where its figures come
/// from), `version:` and `components:`, each entry giving only figures: `availability`, `mtbf`,
/// `rate`, `mttr`. Each figure replaces the one the component's defining file gives, and setting
/// one of the alternative failure figures drops the others (`mtbf` replaces `availability`, `rate`
/// or `failure`; `mttr` replaces `repair`), as `--set` does; several overlays apply in order, so
/// the last file to give a figure wins. The replaced values are read and validated as if written
/// in the model, located in the overlay, so a bad figure is reported at its line there.
enum OverlayMerge {
    typealias Parsed = (file: String, tree: Result<YAMLValue, DiagnosticError>)

    static let topLevelKeys = ["version", "overlay", "components"]
    static let figureKeys = ["availability", "mtbf", "rate", "mttr"]
    static let alternatives: [[String]] = [["availability", "mtbf", "rate", "failure"], ["mttr", "repair"]]

    /// Whether `root` is an overlay (has a top-level `overlay:`).
    static func isOverlay(_ root: YAMLValue) -> Bool {
        guard case .mapping(let pairs, _) = root else { return false }
        return pairs.contains { $0.key.text == "overlay" }
    }

    /// The model files with every overlay's figures written into them, the overlays removed, and
    /// the problems found in the overlays.
    static func apply(to parsed: [Parsed]) -> (parsed: [Parsed], diagnostics: [Diagnostic]) {
        var files: [Parsed] = []
        var diagnostics: [Diagnostic] = []
        for (file, tree) in parsed {
            guard case .success(let root) = tree, isOverlay(root), case .mapping(let top, _) = root else {
                files.append((file, tree))
                continue
            }
            guard !files.isEmpty else {
                diagnostics.append(Diagnostic(at: root.location, "an overlay changes figures of a model given before it; "
                                              + "put the model file first, e.g. 'nines report model.yaml \(file)'"))
                continue
            }
            for pair in top where !topLevelKeys.contains(pair.key.text) {
                diagnostics.append(Diagnostic(at: pair.key.location, "an overlay holds only "
                                              + topLevelKeys.map { "'\($0)'" }.joined(separator: ", ") + "; found '\(pair.key.text)'"
                                              + Suggestion.hint(for: pair.key.text, in: topLevelKeys), length: pair.key.text.count))
            }
            guard let components = top.first(where: { $0.key.text == "components" })?.value else { continue }
            guard case .mapping(let entries, _) = components else {
                diagnostics.append(Diagnostic(at: components.location, "an overlay's 'components' is a mapping from component name to figures"))
                continue
            }
            for entry in entries {
                if let problem = write(entry, into: &files) { diagnostics.append(problem) }
            }
        }
        return (files, diagnostics)
    }

    private static func write(_ entry: (key: YAMLScalar, value: YAMLValue), into files: inout [Parsed]) -> Diagnostic? {
        let name = entry.key.text
        guard case .mapping(let figures, _) = entry.value else {
            return Diagnostic(at: entry.value.location, "overlay entry '\(name)' is a mapping of figures, e.g. '{mtbf: 900h, mttr: 1.5h}'")
        }
        for figure in figures where !figureKeys.contains(figure.key.text) {
            return Diagnostic(at: figure.key.location, "an overlay sets only figures (" + figureKeys.joined(separator: ", ")
                              + "); found '\(figure.key.text)'" + Suggestion.hint(for: figure.key.text, in: figureKeys),
                              length: figure.key.text.count)
        }
        var known: [String] = []
        for index in files.indices.reversed() {
            guard case .success(.mapping(var top, let location)) = files[index].tree,
                  let section = top.firstIndex(where: { $0.key.text == "components" }),
                  case .mapping(var components, let sectionLocation) = top[section].value else { continue }
            known += components.map(\.key.text)
            guard let position = components.firstIndex(where: { $0.key.text == name }),
                  case .mapping(var fields, let fieldsLocation) = components[position].value else { continue }
            for figure in figures {
                let group = alternatives.first { $0.contains(figure.key.text) } ?? [figure.key.text]
                fields.removeAll { group.contains($0.key.text) }
                fields.append(figure)
            }
            components[position].value = .mapping(fields, fieldsLocation)
            top[section].value = .mapping(components, sectionLocation)
            files[index].tree = .success(.mapping(top, location))
            return nil
        }
        return Diagnostic(at: entry.key.location, "overlay names unknown component '\(name)'" + Suggestion.hint(for: name, in: known),
                          length: name.count)
    }
}
