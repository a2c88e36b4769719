/// Ranked design changes for one objective, each evaluated exactly as `nines report --set` with its
/// overrides would evaluate it (the SLA figure: customer-responsible and out-of-scope components
/// perfect), the ceiling the objective can reach, the smallest set of listed changes that reaches
/// the target and, with `costs:` in the model, the cheapest. Pure; computed in `init`.
package struct Advice: Sendable {
    public let model: SystemModel
    public let objective: Objective
    /// The target advised for: `--target`, else the objective's own; nil when neither is given.
    public let target: Probability?
    public let periodHours: Double
    /// The SLA figure as the model stands.
    public let current: FlowFigures
    /// Changes that save downtime, most saved first.
    public let suggestions: [AdviceSuggestion]
    /// Every component we own (`responsibility: ours`) perfect: what the rest alone allows.
    public let ceiling: FlowFigures
    /// The fewest listed changes that reach the target together (the best such set); nil without
    /// a target, when the objective meets it already, or when none does (see `searched`).
    public let smallestSet: AdviceSet?
    /// The cheapest set of priced changes that reaches the target; nil without costs or when none does.
    public let cheapestSet: AdviceSet?
    /// How many candidate changes and change sets were evaluated.
    public let candidatesEvaluated: Int
    public let setsEvaluated: Int

    /// Suggestions combined when searching for the smallest set (the best-ranked ones).
    static let smallestSetPool = 10
    /// Priced suggestions combined when searching for the cheapest set.
    static let cheapestSetPool = 14
    /// Structural candidates (patterns the loader builds) evaluated at most: each is a reload of
    /// the model, so they are taken from the components that matter most (Birnbaum importance),
    /// and fewer on a large model (`structuralLoadBudget` components loaded in all).
    static let structuralLimit = 16
    static let structuralLoadBudget = 10_000
    /// Structural suggestions (the most saving first) combined in the set searches: up to 2³ − 1
    /// reloads of the model, one per distinct structural part of a set.
    static let structuralInSets = 3

    static func structuralLimit(components: Int) -> Int {
        min(structuralLimit, max(1, structuralLoadBudget / max(components, 1)))
    }

    /// - Parameters:
    ///   - analysis: the model's analysis (its compiled structure is reused).
    ///   - objectiveName: the objective to advise on; default: the one with the least margin.
    ///   - target: replaces the objective's target.
    ///   - reload: loads the model again with more overrides; without it, no structural change
    ///     (retry, bulkhead, placement, detection time) is proposed.
    public init(_ analysis: AvailabilityAnalysis, objective objectiveName: String? = nil, target: Probability? = nil,
                reload: AdviceReload? = nil) {
        let model = analysis.model
        self.model = model
        let index = objectiveName.flatMap { name in model.objectives.firstIndex { $0.name == name } }
            ?? Self.leastMargin(SLAPrediction(model, full: analysis))
        let objective = model.objectives[index]
        self.objective = objective
        self.target = target ?? objective.target
        let hours = model.calendar.hours(in: objective.period ?? model.period)
        periodHours = hours
        let evaluator = AdviceEvaluator(model: model, structure: analysis.structure, objectiveIndex: index, reload: reload)
        let current = evaluator.figure(with: [])
        self.current = current
        let closure = DependencyClosure.of(objective.components, in: model, index: analysis.structure.indexOf)
            .compactMap { analysis.structure.indexOf[$0] }
        let birnbaum = Dictionary(current.importance.map { ($0.component, $0.birnbaum) }, uniquingKeysWith: max)
        let structural = reload == nil ? [] : AdviceCandidates.structuralCandidates(in: model, closure: closure)
            .enumerated().sorted { (birnbaum[$0.element.component] ?? 0, $1.offset) > (birnbaum[$1.element.component] ?? 0, $0.offset) }
            .prefix(Self.structuralLimit(components: model.components.count)).map(\.element)
        let candidates = AdviceCandidates.candidates(in: model, closure: closure) + structural
        candidatesEvaluated = candidates.count
        let costs = model.costs
        let budget = (target ?? objective.target).map { $0.down * hours }
        suggestions = candidates.compactMap { change -> AdviceSuggestion? in
            let share = evaluator.saving(of: change, from: current, birnbaum: birnbaum)
            let saved = share * hours
            // Below a 10⁻¹² share of the unavailability a saving is the arithmetic's rounding (a
            // change behind a write-ahead door with a day's retention), not a suggestion.
            guard saved > 0, share > current.probability.down * 1e-12 else { return nil }
            let probability = Probability(up: current.probability.up + share, down: current.probability.down - share)
            return AdviceSuggestion(change: change, probability: probability, downtimeSavedHours: saved,
                                    budgetShare: budget.flatMap { $0 > 0 ? saved / $0 : nil },
                                    costPerPeriod: costs?.cost(of: change, perHours: hours, calendar: model.calendar))
        }.sorted { ($0.downtimeSavedHours, $1.change.component, $1.change.kind.rawValue) > ($1.downtimeSavedHours, $0.change.component, $0.change.kind.rawValue) }
        ceiling = evaluator.figure(perfect: Set(closure.filter { model.components[$0].responsibility == .ours }))
        var search = AdviceSetSearch(evaluator: evaluator, target: self.target, current: current)
        // Sets are evaluated on the compiled structure; the best few structural changes take part
        // too, each distinct structural part of a set costing one reload (AdviceSetSearch).
        let structuralInSets = Set(suggestions.filter(\.change.isStructural).prefix(Self.structuralInSets).map(\.change))
        let combinable = suggestions.filter { !$0.change.isStructural || structuralInSets.contains($0.change) }
        smallestSet = search.smallest(Array(combinable.prefix(Self.smallestSetPool)))
        let priced = combinable.filter { $0.costPerPeriod != nil }
            .sorted { ($0.savedPerCost ?? 0, $1.change.component) > ($1.savedPerCost ?? 0, $0.change.component) }
        cheapestSet = search.cheapest(Array(priced.prefix(Self.cheapestSetPool)))
        setsEvaluated = search.evaluated
    }

    /// The objective with the least margin (share of its budget left); without targets, the first.
    static func leastMargin(_ prediction: SLAPrediction) -> Int {
        let margins = prediction.objectives.enumerated().compactMap { index, item in item.marginShare.map { (index, $0) } }
        return margins.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0 ?? 0
    }

    /// Whether the objective meets the target as the model stands.
    public var meetsTarget: Bool? { target.map { current.probability.down <= $0.down } }
    /// Whether the ceiling reaches the target: if not, no change to our own components can.
    public var ceilingReachesTarget: Bool? { target.map { ceiling.probability.down <= $0.down } }
}

/// One suggested change with its exact effect.
package struct AdviceSuggestion: Sendable {
    public let change: DesignChange
    /// The objective's SLA figure with the change made.
    public let probability: Probability
    /// Downtime per period the change saves (hours).
    public let downtimeSavedHours: Double
    /// `downtimeSavedHours` as a share of the target's error budget.
    public let budgetShare: Double?
    /// What the change costs per period, from the model's `costs:`.
    public let costPerPeriod: Double?

    /// Hours of downtime saved per unit of cost.
    public var savedPerCost: Double? {
        costPerPeriod.map { $0 > 0 ? downtimeSavedHours / $0 : .infinity }
    }
}

/// A set of changes evaluated together (never a sum of separate savings).
package struct AdviceSet: Sendable {
    public let changes: [DesignChange]
    public let probability: Probability
    public let costPerPeriod: Double?
}
