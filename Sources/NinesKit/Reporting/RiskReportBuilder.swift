/// Assembles a `RiskReport` from a worksheet, its model's analysis and the ranking options.
package enum RiskReportBuilder {
    public static func report(_ worksheet: FMEAWorksheet, analysis: AvailabilityAnalysis, order: RiskRanking.Order = .priority,
                              filter: RiskRanking.Filter = .init(), limit: Int? = nil) -> RiskReport {
        let model = analysis.model
        let periodHours = model.calendar.hours(in: model.period)
        let impacts = FailureModeImpact.compute(worksheet, analysis: analysis)
        let scoring = worksheet.effectiveScoring
        let ranked = RiskRanking(scoring: scoring).rank(worksheet.failureModes, impacts: impacts, by: order, filter: filter)
        let kept = limit.map { Array(ranked.prefix(max(0, $0))) } ?? ranked
        let entries = kept.enumerated().map { entry(rank: $0 + 1, $1) }
        var components: [ComponentRiskReport] = []
        let shown = Set(kept.flatMap(\.mode.components))
        // Counted in one pass: a filter of every row per component was quadratic (10 s at 10,000 components).
        var quantified: [String: Int] = [:]
        for mode in worksheet.failureModes where impacts[mode.id] != nil {
            for name in mode.components { quantified[name, default: 0] += 1 }
        }
        for (name, probability) in FailureModeImpact.componentUnavailability(worksheet, impacts: impacts) where shown.contains(name) {
            guard let index = analysis.structure.indexOf[name] else { continue }
            components.append(ComponentRiskReport(component: name, quantifiedFailureModes: quantified[name] ?? 0, unavailability: probability.down,
                                                  downtimeHours: probability.down * periodHours,
                                                  modelUnavailability: analysis.own[index].probability.down))
        }
        components.sort { ($0.unavailability, $1.component) > ($1.unavailability, $0.component) }
        return RiskReport(system: model.name, period: model.period.name, periodHours: periodHours, scoring: scoring.summary,
                          order: order.rawValue, totalFailureModes: worksheet.failureModes.count, risks: entries, components: components)
    }

    static func entry(rank: Int, _ ranked: RiskRanking.Entry) -> RiskEntry {
        let mode = ranked.mode
        let before = mode.scores
        let after = mode.scoresAfter
        let impact = ranked.impact
        return RiskEntry(
            rank: rank, id: mode.id, component: mode.componentList, layer: mode.layer, failureMode: mode.mode,
            function: mode.function, effectLocal: mode.effectLocal, effectEndUser: mode.effectEndUser, cause: mode.cause,
            prevention: mode.prevention, detectionControls: mode.detectionControls,
            severity: mode.severity, occurrence: mode.occurrence, detection: mode.detection, rpn: before?.rpn,
            priority: ranked.priority?.rawValue, recommendedAction: mode.recommendedAction, treatment: mode.treatment?.rawValue,
            owner: mode.owner, due: mode.due, status: mode.effectiveStatus.rawValue,
            severityAfter: mode.severityAfter, occurrenceAfter: mode.occurrenceAfter, detectionAfter: mode.detectionAfter,
            rpnAfter: after?.rpn, priorityAfter: ranked.priorityAfter?.rawValue,
            rpnReduction: before.flatMap { b in after.map { b.rpn - $0.rpn } },
            rate: mode.rate?.text, outage: mode.outage?.text, outageHours: impact?.outageHours,
            occurrencesPerPeriod: impact?.occurrencesPerPeriod, unavailability: impact?.unavailability.down,
            componentDowntimeHours: impact?.componentDowntimeHours, downtimeHours: impact?.visibleDowntimeHours, criticality: impact?.criticality,
            effectProbability: mode.effectProbability?.value, objectives: impact?.objectives ?? [], notes: mode.notes)
    }
}
