/// Two versions of a model compared objective by objective (SLA figures, exclusions applied), with
/// each changed component's own share of the difference. Pure.
///
/// Attribution is one change at a time: the old model with only that component replaced by its new
/// definition, re-evaluated on the old model's compiled structure (the graph is the same; only
/// figures differ). It is exact when a single component changed; with several, the shares
/// need not add up to the total (changes interact, e.g. two replicas of one group). Components whose
/// dependencies changed are not attributed on their own (mixing graphs could make an invalid model).
package struct ModelComparison {
    public let old: SLAPrediction
    public let new: SLAPrediction
    /// Component names in the old model's order, then those only in the new one.
    public let changed: [ComponentChange]
    /// Objective names in the new model's order, then those only in the old one.
    public let objectives: [String]

    package enum ChangeKind: String, Hashable, Sendable, Codable { case added, removed, changed }

    package struct ComponentChange {
        public let name: String
        public let kind: ChangeKind
        public let before: Component?
        public let after: Component?
        /// Old model with only this change applied, when that is a valid model on its own.
        public let attribution: SLAPrediction?
    }

    /// Above this many changed components nothing is priced one by one (each costs a full analysis).
    public static let maxAttributed = 50

    /// False when more than `maxAttributed` components changed, so no change was priced alone.
    public let attributed: Bool

    /// - Parameters: `oldAnalysis`, `newAnalysis`: the models' analyses when the caller has them
    ///   (the CLI compiles them under a node budget); computed here otherwise.
    public init(old oldModel: SystemModel, new newModel: SystemModel,
                oldAnalysis: AvailabilityAnalysis? = nil, newAnalysis: AvailabilityAnalysis? = nil) {
        old = SLAPrediction(oldModel, full: oldAnalysis)
        new = SLAPrediction(newModel, full: newAnalysis)
        var changes: [ComponentChange] = []
        let oldIndex = DependencyClosure.index(oldModel), newIndex = DependencyClosure.index(newModel)
        let counterpart = { (before: Component) in newIndex[before.name].map { newModel.components[$0] } }
        let changedCount = oldModel.components.filter { before in
            counterpart(before).map { !Self.sameDefinition(before, $0) } ?? true
        }.count
        attributed = changedCount <= Self.maxAttributed
        for before in oldModel.components {
            guard let after = counterpart(before) else {
                changes.append(ComponentChange(name: before.name, kind: .removed, before: before, after: nil, attribution: nil))
                continue
            }
            guard !Self.sameDefinition(before, after) else { continue }
            var variant: SLAPrediction?
            if attributed && before.dependencies.map(Self.names) == after.dependencies.map(Self.names) {
                var model = oldModel
                model.components = oldModel.components.map { $0.name == before.name ? after : $0 }
                // Same graph, other figures: the old structure serves; only the objectives are needed.
                variant = SLAPrediction(model, full: AvailabilityAnalysis(model, structure: old.full.structure, scope: .objectivesOnly))
            }
            changes.append(ComponentChange(name: before.name, kind: .changed, before: before, after: after, attribution: variant))
        }
        for after in newModel.components where oldIndex[after.name] == nil {
            changes.append(ComponentChange(name: after.name, kind: .added, before: nil, after: after, attribution: nil))
        }
        changed = changes
        let newNames = newModel.objectives.map(\.name)
        objectives = newNames + oldModel.objectives.map(\.name).filter { !newNames.contains($0) }
    }

    /// Equal apart from where it is written and how it is described.
    static func sameDefinition(_ a: Component, _ b: Component) -> Bool {
        var a = a, b = b
        a.location = b.location
        a.description = b.description
        let nowhere = ModelLocation(file: "", line: 0, column: 0)
        a.failover?.location = nowhere
        b.failover?.location = nowhere
        a.data?.location = nowhere
        b.data?.location = nowhere
        return a.layer == b.layer && a.figures == b.figures && a.replicas == b.replicas && a.needs == b.needs
            && a.commonCause == b.commonCause && a.dependencies.map(names) == b.dependencies.map(names)
            && a.responsibility == b.responsibility && a.failover == b.failover && a.data == b.data && a.maskedFor == b.maskedFor
    }

    /// A dependency without its location, for comparison.
    static func names(_ dependency: Dependency) -> String {
        switch dependency {
        case .component(let name, _): return name
        case .group(let k, let members, _): return "\(k) of [\(members.joined(separator: ","))]"
        }
    }

    /// Prediction of objective `name` in a prediction, if it has one.
    public static func objective(_ name: String, in prediction: SLAPrediction) -> ObjectivePrediction? {
        prediction.objectives.first { $0.objective.name == name }
    }
}
