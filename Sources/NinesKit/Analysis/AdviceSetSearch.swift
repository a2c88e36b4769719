/// Searches sets of suggested changes, each set evaluated exactly with its changes made together.
/// A set with structural changes (patterns the loader builds) is evaluated on the model loaded
/// again with those alone, compiled once per distinct structural part and then shared by every set
/// with the same part, its figure changes one variable each; when a figure change touches a
/// component a structural one changes too, the whole set is loaded again.
struct AdviceSetSearch {
    let evaluator: AdviceEvaluator
    let target: Probability?
    let current: FlowFigures
    /// Sets evaluated so far.
    private(set) var evaluated = 0
    /// The model loaded again with each structural part met so far (by its overrides).
    private var reloaded: [[String]: AdviceEvaluator?] = [:]
    /// Sets evaluated at most per search: past it the search says it stopped.
    static let limit = 20_000

    init(evaluator: AdviceEvaluator, target: Probability?, current: FlowFigures) {
        self.evaluator = evaluator
        self.target = target
        self.current = current
    }

    private mutating func evaluate(_ set: [AdviceSuggestion]) -> Probability {
        evaluated += 1
        let changes = set.map(\.change)
        let structural = changes.filter(\.isStructural)
        let touched = Set(structural.map(\.component))
        let figures = changes.filter { !$0.isStructural }
        guard !structural.isEmpty, !figures.contains(where: { touched.contains($0.component) }) else {
            return evaluator.figure(with: changes).probability
        }
        let key = structural.flatMap(\.set)
        if reloaded[key] == nil { reloaded[key] = .some(evaluator.reloaded(applying: structural)) }
        guard let base = reloaded[key] ?? nil else { return evaluator.figure(with: changes).probability }
        return base.figure(with: figures).probability
    }

    /// The set's figure evaluated once more in full, as `report --set` with its overrides would:
    /// the answer given is this check, never the search's shortcut.
    private func checked(_ set: [AdviceSuggestion], cost: Double?) -> AdviceSet {
        let changes = set.map(\.change)
        return AdviceSet(changes: changes, probability: evaluator.figure(with: changes).probability, costPerPeriod: cost)
    }

    private func reaches(_ probability: Probability) -> Bool { target.map { probability.down <= $0.down } ?? false }

    /// The fewest of `pool` that reach the target together; among sets of that size, the one with
    /// the most availability (earlier in `pool` on a tie).
    mutating func smallest(_ pool: [AdviceSuggestion]) -> AdviceSet? {
        guard target != nil, !reaches(current.probability), !pool.isEmpty else { return nil }
        // Adding a change never lowers the figure: when all of them fall short, every subset does.
        guard reaches(evaluate(pool)) else { return nil }
        for size in 1...pool.count {
            var best: (set: [AdviceSuggestion], probability: Probability)?
            for members in Combinations(count: pool.count, size: size) {
                let set = members.map { pool[$0] }
                let probability = evaluate(set)
                if reaches(probability), best.map({ probability.down < $0.probability.down }) ?? true { best = (set, probability) }
            }
            if let best { return checked(best.set, cost: Self.cost(best.set)) }
        }
        return nil
    }

    /// The cheapest subset of `pool` (every member priced) that reaches the target: subsets in
    /// order of cost (then fewer changes), each checked exactly, the first that reaches.
    mutating func cheapest(_ pool: [AdviceSuggestion]) -> AdviceSet? {
        guard target != nil, !reaches(current.probability), !pool.isEmpty, reaches(evaluate(pool)) else { return nil }
        let subsets = (1..<(1 << pool.count)).map { mask in (0..<pool.count).filter { mask & (1 << $0) != 0 } }
            .map { members in (members: members, cost: Self.cost(members.map { pool[$0] }) ?? 0) }
            .sorted { lhs, rhs in
                if lhs.cost != rhs.cost { return lhs.cost < rhs.cost }
                if lhs.members.count != rhs.members.count { return lhs.members.count < rhs.members.count }
                return lhs.members.lexicographicallyPrecedes(rhs.members)
            }
        for subset in subsets.prefix(Self.limit) {
            let set = subset.members.map { pool[$0] }
            let probability = evaluate(set)
            if reaches(probability) { return checked(set, cost: subset.cost) }
        }
        return nil
    }

    static func cost(_ set: [AdviceSuggestion]) -> Double? {
        let costs = set.compactMap(\.costPerPeriod)
        return costs.count == set.count ? costs.reduce(0, +) : nil
    }
}

/// Every `size`-element subset of 0..<count as sorted indices, in lexicographic order.
struct Combinations: Sequence, IteratorProtocol {
    let count: Int
    private var current: [Int]?

    init(count: Int, size: Int) {
        self.count = count
        current = size <= count && size > 0 ? Array(0..<size) : nil
    }

    mutating func next() -> [Int]? {
        guard let result = current else { return nil }
        var indices = result
        var position = indices.count - 1
        while position >= 0 && indices[position] == count - indices.count + position { position -= 1 }
        if position < 0 {
            current = nil
        } else {
            indices[position] += 1
            for later in (position + 1)..<indices.count { indices[later] = indices[later - 1] + 1 }
            current = indices
        }
        return result
    }
}
