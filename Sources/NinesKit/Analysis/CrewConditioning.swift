/// A figure that reads two or more members of one repair crew is not a figure of independent
/// components: their repairs wait for each other, so their outages overlap more often than their
/// own figures say (a redundant pair with one repairer is down far more than q²). Such a figure is
/// conditioned on the crews' joint distributions (CrewQueueFigures.joint):
///
///     Q = Σ_s π(s) · Q(s)
///
/// over the joint states s of the members it reads (each fixed up or down; everything else at its
/// own figure, independent of the crew). Members of different crews, and one member of a crew,
/// are independent of the rest, so only crews with two members or more in the figure's closure
/// are enumerated. Past `maximumStates` the likeliest states are kept and the mass left out
/// counts as down (a pessimistic bound, reported in docs). The outage frequency and the
/// importance stay the members' own figures' (independent) ones.
struct CrewConditioning {
    /// Most joint states enumerated for one figure (the product over the crews it reads).
    static let maximumStates = 4_096

    let model: SystemModel
    let structure: CompiledStructure
    let effective: [EffectiveAvailability]
    /// Components treated as never failing in this analysis: their state is not enumerated.
    let perfect: Set<String>

    /// `flow` conditioned on the crews with two members or more among `components`' closure.
    func conditioned(_ flow: FlowFigures, form: StructureForm, targets: [Int], view: FigureView, components: [String]) -> FlowFigures {
        guard !model.crewQueues.isEmpty else { return flow }
        let closure = Set(DependencyClosure.of(components, in: model))
        var states: [(forced: [(component: Int, down: Bool)], probability: Double)] = [([], 1)]
        var leftOut = 0.0
        for queue in model.crewQueues {
            let read = queue.members.enumerated().filter { closure.contains($0.element) && !perfect.contains($0.element) }
                .compactMap { position, name in structure.indexOf[name].map { (position, $0) } }
            guard read.count >= 2 else { continue }
            // The crew's joint distribution on the members this figure reads.
            var projected: [UInt32: Double] = [:]
            let bits = read.reduce(UInt32(0)) { $0 | 1 << UInt32($1.0) }
            for state in queue.joint { projected[state.down & bits, default: 0] += state.probability }
            var product: [(forced: [(component: Int, down: Bool)], probability: Double)] = []
            for (mask, p) in projected {
                let forced = read.map { (component: $0.1, down: mask & (1 << UInt32($0.0)) != 0) }
                for state in states { product.append((state.forced + forced, state.probability * p)) }
            }
            product.sort { $0.probability > $1.probability }
            if product.count > Self.maximumStates {
                leftOut += product[Self.maximumStates...].reduce(0) { $0 + $1.probability }
                product.removeLast(product.count - Self.maximumStates)
            }
            states = product
        }
        guard states.count > 1 || !(states.first?.forced.isEmpty ?? true) else { return flow }
        var up = CompensatedSum(), down = CompensatedSum()
        for state in states {
            var figures = effective
            for (component, isDown) in state.forced { figures[component] = isDown ? .failed : .perfect }
            let given = CompiledFigures(structure, effective: figures).figure(named: flow.name, form: form, targets: targets, view: view)
            up.add(state.probability * given.probability.up)
            down.add(state.probability * given.probability.down)
        }
        down.add(leftOut)
        return flow.replacingProbability(Probability(up: max(0, up.value - leftOut), down: min(1, down.value)))
    }
}
