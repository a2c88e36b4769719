/// What each resilience pattern in a model buys (issue 22 item 9, the talk's "do as much as you
/// need and no more"): for every objective and every pattern the model uses, the downtime per
/// the objective's period of the same model without that pattern minus the model's own. Negative
/// for what costs downtime rather than saving it (the time to notice of `detect`, transient
/// blips). Computed here, rendered by the report.
package struct PatternSavings: Hashable, Sendable {
    /// One objective's savings, patterns in `PatternKind` order.
    package struct Objective: Hashable, Sendable {
        public let objective: String
        public let savings: [Saving]
    }

    package struct Saving: Hashable, Sendable {
        public let pattern: PatternKind
        /// Downtime per the objective's period without the pattern minus with it, hours.
        public let savedHours: Double
        /// Unavailability without the pattern minus with it.
        public let savedUnavailability: Double
    }

    public let objectives: [Objective]

    /// In the promise view of the report's objectives (`SLAPrediction.inScope`: components not
    /// counted against the SLA treated as perfect, in both models). A pattern that only changes
    /// figures (`detect`, `transient`, `retry`, `failover`: the model without it has the same
    /// structure) costs one evaluation on the structure already compiled; one that changes what
    /// depends on what (`placement`, `write-ahead`, ...) is compiled again.
    /// - Parameter without: the same model loaded without one pattern (nil when it cannot be
    ///   loaded so, which leaves the pattern out).
    public init(_ prediction: SLAPrediction, without: (PatternKind) -> SystemModel?) {
        let analysis = prediction.inScope
        let model = analysis.model
        var withouts: [(PatternKind, AvailabilityAnalysis)] = []
        for kind in PatternKind.used(in: model) {
            guard let other = without(kind), other.objectives.map(\.name) == model.objectives.map(\.name) else { continue }
            let excluded = Set(other.components.filter { !$0.responsibility.countsAgainstSLA }.map(\.name))
            let structure = CompiledStructure.compilesAlike(model, other) ? analysis.structure : nil
            withouts.append((kind, AvailabilityAnalysis(other, structure: structure, treatingAsPerfect: excluded, scope: .objectivesOnly)))
        }
        objectives = model.objectives.indices.map { index in
            let objective = model.objectives[index]
            let hours = model.calendar.hours(in: objective.period ?? model.period)
            let q = analysis.objective(index).probability.down
            return Objective(objective: objective.name, savings: withouts.map { kind, other in
                let saved = other.objective(index).probability.down - q
                return Saving(pattern: kind, savedHours: saved * hours, savedUnavailability: saved)
            })
        }
    }

    /// Whether the model uses any pattern at all.
    public var isEmpty: Bool { objectives.allSatisfy { $0.savings.isEmpty } }
}
