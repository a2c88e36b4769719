/// The naive way to evaluate candidate changes, kept only so `benchmarks/advise.sh` can measure
/// what evaluating on the compiled structure saves: each candidate's model analysed from scratch
/// (compiled again), as `nines report --set` would.
package enum AdviceRecompiled {
    /// Evaluates up to `limit` of the objective's candidates by recompiling the model for each;
    /// returns how many it evaluated and how many candidates there are.
    package static func evaluate(_ model: SystemModel, objective name: String, limit: Int) -> (evaluated: Int, candidates: Int) {
        guard let index = model.objectives.firstIndex(where: { $0.name == name }) else { return (0, 0) }
        let closure = DependencyClosure.of(model.objectives[index].components, in: model)
        let positions = Dictionary(uniqueKeysWithValues: model.components.enumerated().map { ($1.name, $0) })
        let candidates = AdviceCandidates.candidates(in: model, closure: closure.compactMap { positions[$0] })
        for change in candidates.prefix(limit) {
            _ = SLAPrediction(change.applied(to: model)).objectives[index].figure
        }
        return (min(limit, candidates.count), candidates.count)
    }
}
