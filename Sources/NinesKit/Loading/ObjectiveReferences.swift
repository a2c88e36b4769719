import Foundation

/// Follows each component's `from: PATH#OBJECTIVE` once every file is read: loads that model
/// (confined to the repository, `RepositoryPath`), takes the named objective's target as the
/// component's promised availability, and reports at the `from:` line whatever stops it: a path
/// refused, a model that does not load, an unknown objective or one without a target, a cycle.
struct ObjectiveReferences {
    let diagnostics: DiagnosticCollector
    /// Real paths of the models that led here, outermost first.
    let chain: [String]
    /// Models naming models naming models…: deeper than this is refused rather than followed.
    static let maximumDepth = 16

    func resolve(_ drafts: inout [ModelDraft]) {
        for d in drafts.indices {
            for c in drafts[d].components.indices {
                guard let promise = drafts[d].components[c].promise, case .objective(let path, let name) = promise.source else { continue }
                let owner = drafts[d].components[c].name
                switch target(path: path, objective: name, from: drafts[d].file) {
                case .success(let target):
                    drafts[d].components[c].promise?.target = target
                    if case .availability(_, let mttr) = drafts[d].components[c].figures {
                        drafts[d].components[c].figures = .availability(target, mttr: mttr)
                    }
                case .failure(let refusal):
                    diagnostics.error(promise.location, "'from' of component '\(owner)': \(refusal.reason)")
                }
            }
        }
    }

    private func target(path: String, objective name: String, from file: String) -> Result<Probability, RepositoryPath.Refusal> {
        if file == SourceFile.standardInputName { return .failure(.init("a model read from standard input cannot name another model's file")) }
        let real: String
        switch RepositoryPath.confined(path, from: file) {
        case .success(let found): real = found
        case .failure(let refusal): return .failure(.init("'\(path)' \(refusal.reason)"))
        }
        let here = ModelReferencePath.realPath(file).map { [$0] } ?? []
        if (chain + here).contains(real) { return .failure(.init("'\(path)' leads back to a model that names it: a cycle")) }
        if chain.count >= Self.maximumDepth { return .failure(.init("'\(path)' is more than \(Self.maximumDepth) models deep")) }
        let display = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
        let model: SystemModel
        do throws(DiagnosticError) {
            let text = try SourceFile.read(real, options: LoadOptions()).get()
            if let foreign = InputSignature.refuseForeign(text, file: display) { throw DiagnosticError([foreign]) }
            model = try ModelLoader.load(parsed: [(file: display, tree: YAMLParser.parse(text, file: display))], chain: chain + here).model
        } catch {
            let first = error.diagnostics.first.map { ": \($0.description)" } ?? ""
            return .failure(.init("'\(path)' is not a model nines can read (\(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s"))\(first)"))
        }
        guard let objective = model.objectives.first(where: { $0.name == name }) else {
            return .failure(.init("'\(path)' has no objective '\(name)'" + Suggestion.hint(for: name, in: model.objectives.map(\.name))))
        }
        guard let target = objective.target else { return .failure(.init("objective '\(name)' of '\(path)' has no 'target' to depend on")) }
        return .success(target)
    }
}
