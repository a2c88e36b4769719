extension ReportBuilder {
    /// Cut sets listed per figure in the report (the rest are counted), and their highest order.
    public static let reportCutSets = 5
    public static let reportCutSetOrder = 2
    /// Models up to this size get cut sets in the report by default: on the 10,000-component
    /// generated platform they added a third to the report's time (benchmarks/cuts.sh).
    public static let reportCutSetComponents = 2_000

    /// Contributors listed per figure by default on models larger than
    /// `allContributorsComponents`: every figure of the generated 100,000-component pool listed all
    /// 100,000 (120 MB of JSON, a third of the report's time), which no reader reads; the rest are
    /// counted and summed (`FigureReport.contributorsNotListed`).
    package static let reportContributors = 100
    /// Models up to this size list every contributor of every figure by default.
    package static let allContributorsComponents = 2_000

    /// Contributors listed per figure: `requested` when given (`report --contributors N`), else
    /// every one on models up to `allContributorsComponents` components (nil) and
    /// `reportContributors` (or the text report's `top`, if more) on larger ones.
    package static func contributorLimit(components: Int, requested: Int?, top: Int) -> Int? {
        if let requested { return requested }
        return components <= allContributorsComponents ? nil : max(reportContributors, top)
    }

    /// Adds each figure's most probable minimal cut sets (objectives, then the system, in the
    /// order of `report.figures`).
    package static func addCutSets(_ cutSets: MinimalCutSets, to report: inout AvailabilityReport, top: Int = reportCutSets) {
        let lists = cutSets.objectives + [cutSets.system]
        for index in report.figures.indices where index < lists.count {
            report.figures[index].cutSets = lists[index].top(top)
        }
    }
}

extension ReportBuilder {
    /// The per-pattern savings as the report carries them; nothing when the model uses no pattern.
    package static func addPatternSavings(_ savings: PatternSavings, model: SystemModel, to report: inout AvailabilityReport) {
        guard !savings.isEmpty else { return }
        report.patternSavings = zip(savings.objectives, model.objectives).map { item, objective in
            PatternSavingsReport(objective: item.objective, period: (objective.period ?? model.period).name,
                                 savings: item.savings.map {
                                     PatternSavingsReport.Saving(pattern: $0.pattern.rawValue, savedHours: $0.savedHours,
                                                                 savedUnavailability: $0.savedUnavailability)
                                 })
        }
    }
}
