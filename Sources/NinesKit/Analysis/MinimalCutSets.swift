/// The minimal cut sets of every objective and of the whole system, up to an order, with exact
/// Fussell–Vesely importance from them. See docs/cut-sets.md for what a cut set means with
/// replicas, `k_of` groups, common cause, failover and masking.
///
/// Found on the compiled structure (one variable per component, `MinimalCutSetSearch`), then each
/// replicated component is expanded into its own events: replica i of `web` is `web[i]`, and a
/// beta-factor common cause is the event `web (common cause)`. Orders count events.
package struct MinimalCutSets: Sendable {
    /// Each objective's cut sets, in model order.
    public let objectives: [CutSetList]
    /// The whole system's (every root component up, as callers see it).
    public let system: CutSetList

    /// Cut sets listed at most per figure, whatever the order allows; past it they are counted.
    public static let listLimit = 200_000
    /// Most nodes the diagram of a union of cut sets may take (for the unlisted bound).
    static let unionNodes = 250_000

    /// Objectives and the system from one analysis.
    public init(_ analysis: AvailabilityAnalysis, maxOrder: Int) {
        let lists = Self.lists(analysis, maxOrder: maxOrder, objectives: true)
        (objectives, system) = (lists.objectives, lists.system)
    }

    /// As the report shows them: each objective in its promise view (customer-responsible and
    /// out-of-scope components never fail, so they are in no cut set), the system with every
    /// component counted.
    public init(_ prediction: SLAPrediction, maxOrder: Int) {
        let promise = Self.lists(prediction.inScope, maxOrder: maxOrder, objectives: true)
        objectives = promise.objectives
        system = prediction.excluded.isEmpty ? promise.system : Self.lists(prediction.full, maxOrder: maxOrder, objectives: false).system
    }

    private static func lists(_ analysis: AvailabilityAnalysis, maxOrder: Int, objectives includeObjectives: Bool)
        -> (objectives: [CutSetList], system: CutSetList) {
        let structure = analysis.structure
        let events = CutSetEvents(analysis)
        let weight = ModuleCutSets.weights(structure.componentAtLevel.map { index in
            analysis.effective[index].effective.probability.down == 0 ? MinimalCutSetSearch.never : events.cheapestOrder(index)
        }, bdd: structure.bdd)
        var search = MinimalCutSetSearch(bdd: structure.bdd, weight: weight, maxOrder: maxOrder)
        let targets = analysis.model.objectives.map { $0.components.compactMap { structure.indexOf[$0] } }
        // An objective at the only front door has the system's structure: listed once.
        var listed: [FormKey: CutSetList] = [:]
        func list(_ figure: FlowFigures, _ form: StructureForm, _ targets: [Int], _ view: FigureView) -> CutSetList {
            let key = FormKey(form: form, callers: view == .callers)
            if let known = listed[key], known.unavailability == figure.probability.down { return known.renamed(figure.name) }
            let result = Self.list(figure, form: form, targets: targets, view: view, maxOrder: maxOrder, search: &search,
                                   events: events, analysis: analysis)
            listed[key] = result
            return result
        }
        let objectives: [CutSetList] = !includeObjectives ? [] : analysis.model.objectives.indices.map { index in
            let view: FigureView = analysis.model.objectives[index].measure == .availability ? .callers : .path
            return list(analysis.objectives[index], structure.objectives[index], targets[index], view)
        }
        return (objectives, list(analysis.system(), structure.system, structure.roots, .callers))
    }

    private struct FormKey: Hashable {
        let form: StructureForm
        let callers: Bool
    }

    private static func list(_ figure: FlowFigures, form: StructureForm, targets: [Int], view: FigureView, maxOrder: Int,
                             search: inout MinimalCutSetSearch, events: CutSetEvents, analysis: AvailabilityAnalysis) -> CutSetList {
        let structure = analysis.structure
        let found = componentCutSets(form, targets: targets, structure: structure, search: &search)
        let variables = analysis.compiled.variables(view)
        let q = figure.probability.down
        // Component level: exact Fussell–Vesely and what the listed sets leave unexplained.
        let union = CutSetUnion(levels: structure.componentAtLevel.count, variables: variables)
        let fussellVesely = union.fussellVesely(found.cuts, unavailability: q).map { level, value in
            FussellVesely(component: structure.names[structure.componentAtLevel[Int(level)]], value: value)
        }
        // With nothing beyond the order, the listed sets are all of them: their union is the failure.
        let covered = found.truncated ? union.probability(of: found.cuts, nodeLimit: unionNodes) : q
        // Event level, ranked.
        var expanded = events.expand(found.cuts.map { $0.map { structure.componentAtLevel[Int($0)] } },
                                     view: view, maxOrder: maxOrder, limit: listLimit, variables: variables,
                                     levelOf: structure.levelOf)
        expanded.sets.sort { a, b in
            if a.probability != b.probability { return a.probability > b.probability }
            if a.order != b.order { return a.order < b.order }
            return a.events.lexicographicallyPrecedes(b.events)
        }
        let cutSets = expanded.sets.map { set in
            CutSet(events: set.events, components: set.components, order: set.order, probability: set.probability,
                   share: q > 0 ? set.probability / q : 0)
        }
        return CutSetList(name: figure.name, unavailability: q, method: figure.method, maxOrder: maxOrder, cutSets: cutSets,
                          omitted: expanded.omitted, omittedProbability: expanded.omittedProbability,
                          beyondOrder: found.truncated || expanded.beyondOrder,
                          unexplained: covered.map { max(0, q - $0) }, fussellVesely: fussellVesely,
                          singleFailuresOnly: found.singleFailuresOnly)
    }

    /// Component-level cut sets (sorted levels) of `form`: from its diagram, or, for a conjunction,
    /// the minimal ones among its factors' and its groups'; a structure held for sampling gives its
    /// single failures only.
    static func componentCutSets(_ form: StructureForm, targets: [Int], structure: CompiledStructure,
                                 search: inout MinimalCutSetSearch) -> (cuts: [[Int32]], truncated: Bool, singleFailuresOnly: Bool) {
        switch form {
        case .diagram(let root):
            let found = search.cutSets(of: root)
            let expanded = ModuleCutSets.expanded(found.cuts, search: &search)
            return (expanded.cuts, found.truncated || expanded.truncated, false)
        case .conjunction:
            var truncated = false
            // A conjunction fails when a factor or a group fails; a group (members themselves terms,
            // at any depth) when n - k + 1 of its members do.
            func cutSets(_ terms: ConjunctionTerms) -> [[Int32]] {
                var sets: [[Int32]] = []
                for factor in terms.factors {
                    let found = search.cutSets(of: factor)
                    sets.append(contentsOf: found.cuts)
                    truncated = truncated || found.truncated
                }
                for group in terms.groups {
                    let members = group.members.map { CutSetMinimizer.minimal(cutSets($0)) }
                    let combined = groupCutSets(members, failing: members.count - group.k + 1, search: search)
                    truncated = truncated || combined.truncated
                    sets.append(contentsOf: combined.cuts)
                }
                return sets
            }
            let all = cutSets(structure.terms(of: form))
            return (CutSetMinimizer.minimal(all), truncated, false)
        case .sampled:
            let singles = structure.singleFailures(targets: targets).map { [structure.levelOf[$0]] }
                .filter { search.weight[Int($0[0])] != MinimalCutSetSearch.never }
            return (singles, true, true)
        }
    }

    /// Cut sets of a group that fails when `failing` of its members do: sets that fail that many
    /// members, built by adding one cut set of a member not yet failed at a time (so each step adds
    /// a component and the depth is bounded by the order, even when members share components).
    static func groupCutSets(_ members: [[[Int32]]], failing: Int, search: MinimalCutSetSearch) -> (cuts: [[Int32]], truncated: Bool) {
        let families = members.map { Set($0) }
        var result: [[Int32]] = []
        var truncated = false
        func isFailed(_ member: Int, by set: [Int32]) -> Bool {
            families[member].contains([]) || set.count <= 12 && (1..<(1 << set.count)).contains { mask in
                families[member].contains(set.indices.filter { mask & (1 << $0) != 0 }.map { set[$0] })
            } || set.count > 12 && members[member].contains { Set($0).isSubset(of: Set(set)) }
        }
        func extend(from start: Int, current: [Int32]) {
            let failed = members.indices.filter { isFailed($0, by: current) }
            if failed.count >= failing { result.append(current); return }
            guard members.count - failed.count >= failing else { return }
            for member in start..<members.count where !failed.contains(member) {
                for cut in members[member] {
                    let union = Array(Set(current).union(cut)).sorted()
                    if search.order(union) > search.maxOrder { truncated = true; continue }
                    extend(from: member + 1, current: union)
                }
            }
        }
        extend(from: 0, current: [])
        return (result, truncated)
    }
}

/// One minimal cut set: events whose failure together (everything else up) takes the figure
/// down, while no smaller part of them does.
package struct CutSet: Hashable, Sendable, Codable {
    /// Event names: a component, `name[i]` for replica i, `name (common cause)`.
    public let events: [String]
    /// The components the events belong to, each once, in model order.
    public let components: [String]
    /// Number of events.
    public let order: Int
    /// Product of the events' unavailabilities (independent events).
    public let probability: Double
    /// probability / Q of the figure: the rare-event share of its unavailability.
    public let share: Double
}

/// Fussell–Vesely importance: the probability that a failed cut set contains the component, given
/// the figure is down, P(∪ cut sets containing i) / Q, computed exactly over the listed cut sets.
package struct FussellVesely: Hashable, Sendable, Codable {
    public let component: String
    public let value: Double
}

/// The minimal cut sets of one figure.
package struct CutSetList: Hashable, Sendable, Codable {
    public let name: String
    /// Q of the figure (its best value) and how it was obtained.
    public let unavailability: Double
    public let method: FigureMethod
    public let maxOrder: Int
    /// Ranked: most probable first, then lower order, then by event names.
    public let cutSets: [CutSet]
    /// Cut sets within the order that are not listed (the list limit or `--top`), and the sum of
    /// their probabilities (an upper bound on what they add to Q).
    public let omitted: Int
    public let omittedProbability: Double
    /// Whether cut sets of a higher order than `maxOrder` exist (they are not counted).
    public let beyondOrder: Bool
    /// Q − P(any listed component-level cut set down): exactly what the cut sets beyond the order
    /// add to Q; nil when the union's diagram was too large to build.
    public let unexplained: Double?
    /// By component, largest first (ties by name).
    public let fussellVesely: [FussellVesely]
    /// The structure was too large for a diagram: only single failures are listed.
    public let singleFailuresOnly: Bool

    /// The same list under another name (one structure serving several figures).
    func renamed(_ name: String) -> CutSetList {
        CutSetList(name: name, unavailability: unavailability, method: method, maxOrder: maxOrder, cutSets: cutSets,
                   omitted: omitted, omittedProbability: omittedProbability, beyondOrder: beyondOrder, unexplained: unexplained,
                   fussellVesely: fussellVesely, singleFailuresOnly: singleFailuresOnly)
    }

    /// The first `k` cut sets; the rest are added to `omitted`.
    public func top(_ k: Int?) -> CutSetList {
        guard let k, k < cutSets.count else { return self }
        let rest = cutSets[k...]
        return CutSetList(name: name, unavailability: unavailability, method: method, maxOrder: maxOrder, cutSets: Array(cutSets[..<k]),
                          omitted: omitted + rest.count, omittedProbability: omittedProbability + rest.reduce(0) { $0 + $1.probability },
                          beyondOrder: beyondOrder, unexplained: unexplained, fussellVesely: fussellVesely,
                          singleFailuresOnly: singleFailuresOnly)
    }
}
