/// Turns an `Advice` into its report: the one place its figures are put per period.
package enum AdviceReportBuilder {
    public static func report(_ advice: Advice) -> AdviceReport {
        let model = advice.model, hours = advice.periodHours
        let currentDown = advice.current.probability.down
        let suggestions = advice.suggestions.enumerated().map { rank, item in
            AdviceSuggestionReport(rank: rank + 1, change: item.change.change, kind: item.change.kind.rawValue,
                                   component: item.change.component, set: item.change.set,
                                   availability: item.probability.up, unavailability: item.probability.down,
                                   downtimeHours: item.probability.down * hours, downtimeSavedHours: item.downtimeSavedHours,
                                   budgetShare: item.budgetShare, costPerPeriod: item.costPerPeriod,
                                   downtimeSavedHoursPerCost: item.savedPerCost.flatMap { $0.isFinite ? $0 : nil })
        }
        func set(_ set: AdviceSet?) -> AdviceSetReport? {
            set.map { AdviceSetReport(changes: $0.changes.map(\.change), set: $0.changes.flatMap(\.set),
                                      availability: $0.probability.up, unavailability: $0.probability.down,
                                      downtimeHours: $0.probability.down * hours,
                                      downtimeSavedHours: (currentDown - $0.probability.down) * hours, costPerPeriod: $0.costPerPeriod) }
        }
        func outcome(_ found: AdviceSet?, searched: Bool) -> AdviceReport.SetOutcome {
            if found != nil { return .reaches }
            if advice.meetsTarget == true { return .alreadyMet }
            return advice.target == nil || !searched ? .notSearched : .noneReaches
        }
        let priced = advice.suggestions.filter { $0.costPerPeriod != nil }.count
        let costRanking = suggestions.filter { $0.costPerPeriod != nil }
            .sorted { ($0.downtimeSavedHoursPerCost ?? .infinity, -$0.rank) > ($1.downtimeSavedHoursPerCost ?? .infinity, -$1.rank) }
            .map(\.rank)
        let ceiling = advice.ceiling.probability
        return AdviceReport(system: model.name, sources: model.sources, overrides: model.overrides.isEmpty ? nil : model.overrides,
                            objective: advice.objective.name, measure: advice.objective.measure.rawValue,
                            period: (advice.objective.period ?? model.period).name, periodHours: hours,
                            target: advice.target?.up, errorBudgetHours: advice.target.map { $0.down * hours },
                            availability: advice.current.probability.up, unavailability: currentDown,
                            downtimeHours: currentDown * hours, meetsTarget: advice.meetsTarget, suggestions: suggestions,
                            costRanking: costRanking.isEmpty ? nil : costRanking,
                            ceiling: AdviceFigureReport(availability: ceiling.up, unavailability: ceiling.down,
                                                        downtimeHours: ceiling.down * hours, reachesTarget: advice.ceilingReachesTarget),
                            smallestSet: set(advice.smallestSet),
                            smallestSetOutcome: outcome(advice.smallestSet, searched: !advice.suggestions.isEmpty),
                            smallestSetSearched: min(Advice.smallestSetPool, advice.suggestions.count),
                            cheapestSet: set(advice.cheapestSet),
                            cheapestSetOutcome: outcome(advice.cheapestSet, searched: priced > 0),
                            cheapestSetSearched: min(Advice.cheapestSetPool, priced),
                            candidatesEvaluated: advice.candidatesEvaluated, setsEvaluated: advice.setsEvaluated)
    }
}
