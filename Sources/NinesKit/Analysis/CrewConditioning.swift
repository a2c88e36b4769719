/// A figure that reads two or more members of one repair crew is not a figure of independent
/// components: their repairs wait for each other, so their outages overlap more often than their
/// own figures say (a redundant pair with one repairer is down far more than q²). Such a figure is
/// conditioned on the crews' joint distributions (CrewQueueFigures.joint):
///
///     Q = Σ_s π(s) · Q(s)
///
/// over the joint states s of the members it reads (each fixed up or down; everything else at its
/// own figure, independent of the crew). Its outage frequency is the others' failures in each
/// state plus the crew's own: every failure from s to a larger set s' takes the figure down when
/// it was up in s and is not in s' (the structure is coherent), with probability A(s) − A(s'):
///
///     w = Σ_s π(s) · w(s) + Σ_{s→s'} F(s→s') · (A(s) − A(s')).
///
/// Members of different crews, and one member of a crew, are independent of the rest, so only
/// crews with two members or more in the figure's closure are enumerated. Past `maximumStates`
/// the likeliest states are kept and the mass left out counts as down (a pessimistic bound).
/// The importance stays the members' own figures' (independent) one.
struct CrewConditioning {
    /// Most joint states enumerated for one figure (the product over the crews it reads).
    static let maximumStates = 4_096

    let model: SystemModel
    let structure: CompiledStructure
    let effective: [EffectiveAvailability]
    /// Components treated as never failing in this analysis: their state is not enumerated.
    let perfect: Set<String>

    /// One crew as a figure reads it: its members there, their joint states and failures.
    private struct ReadCrew {
        var components: [Int]
        var states: [UInt32: Double]
        var failures: [CrewChain.Pair: Double]
    }

    /// `flow` conditioned on the crews with two members or more among `components`' closure.
    func conditioned(_ flow: FlowFigures, form: StructureForm, targets: [Int], view: FigureView, components: [String]) -> FlowFigures {
        guard !model.crewQueues.isEmpty else { return flow }
        let closure = Set(DependencyClosure.of(components, in: model))
        let crews = model.crewQueues.compactMap { read($0, closure: closure) }
        guard !crews.isEmpty else { return flow }
        // The product of the crews' states, likeliest first; a state is one set per crew.
        var states: [(sets: [UInt32], probability: Double)] = [([], 1)]
        var leftOut = 0.0
        for crew in crews {
            states = crew.states.flatMap { set, p in states.map { ($0.sets + [set], $0.probability * p) } }
                .sorted { $0.probability > $1.probability }
            if states.count > Self.maximumStates {
                leftOut += states[Self.maximumStates...].reduce(0) { $0 + $1.probability }
                states.removeLast(states.count - Self.maximumStates)
            }
        }
        var given: [[UInt32]: FlowFigures] = [:]
        for state in states {
            var figures = effective
            for (crew, set) in zip(crews, state.sets) {
                for (bit, component) in crew.components.enumerated() { figures[component] = set & (1 << UInt32(bit)) != 0 ? .failed : .perfect }
            }
            given[state.sets] = CompiledFigures(structure, effective: figures).figure(named: flow.name, form: form, targets: targets, view: view)
        }
        var up = CompensatedSum(), down = CompensatedSum(), frequency = CompensatedSum()
        var frequencyKnown = true
        for state in states {
            let figure = given[state.sets]!
            up.add(state.probability * figure.probability.up)
            down.add(state.probability * figure.probability.down)
            if let w = figure.frequency { frequency.add(state.probability * w) } else { frequencyKnown = false }
            // The crews' own failures out of this state.
            for (index, crew) in crews.enumerated() {
                let p = crew.states[state.sets[index]] ?? 0
                guard p > 0 else { continue }
                for (pair, flow) in crew.failures where pair.from == state.sets[index] {
                    var sets = state.sets
                    sets[index] = pair.to
                    guard let after = given[sets] else { continue }   // left out: far less likely
                    frequency.add(state.probability / p * flow * max(0, figure.probability.up - after.probability.up))
                }
            }
        }
        down.add(leftOut)
        return flow.replacing(probability: Probability(up: max(0, up.value - leftOut), down: min(1, down.value)),
                              frequency: frequencyKnown ? frequency.value : nil)
    }

    /// The crew's joint distribution on the members in `closure`, nil when fewer than two are.
    private func read(_ queue: CrewQueueFigures, closure: Set<String>) -> ReadCrew? {
        let read = queue.members.enumerated().filter { closure.contains($0.element) && !perfect.contains($0.element) }
            .compactMap { position, name in structure.indexOf[name].map { (position, $0) } }
        guard read.count >= 2 else { return nil }
        // Bit i of a projected set is read[i].
        func project(_ set: UInt32) -> UInt32 {
            read.enumerated().reduce(UInt32(0)) { $0 | (set & (1 << UInt32($1.element.0)) != 0 ? 1 << UInt32($1.offset) : 0) }
        }
        var states: [UInt32: Double] = [:], failures: [CrewChain.Pair: Double] = [:]
        for state in queue.joint { states[project(state.down), default: 0] += state.probability }
        for failure in queue.failures {
            let pair = CrewChain.Pair(from: project(failure.from), to: project(failure.to))
            if pair.from != pair.to { failures[pair, default: 0] += failure.flow }
        }
        return ReadCrew(components: read.map(\.1), states: states, failures: failures)
    }
}
