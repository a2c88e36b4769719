/// Assembles an `AvailabilityReport` from the analysis: the one place figures are put per period.
public enum ReportBuilder {
    /// - Parameters:
    ///   - explain: carry each figure's plan (`report --explain`).
    ///   - prediction: the SLA prediction of `analysis`, when the caller has one already (its
    ///     promise view is a second evaluation of every objective, not to be made twice).
    ///   - contributors: contributors listed per figure, the largest first (the rest counted in
    ///     `contributorsNotListed`); nil for every one (`contributorLimit(components:)`).
    public static func availabilityReport(_ analysis: AvailabilityAnalysis, explain: Bool = false,
                                          prediction given: SLAPrediction? = nil, contributors limit: Int? = nil) -> AvailabilityReport {
        let model = analysis.model
        let calendar = model.calendar
        let periodHours = calendar.hours(in: model.period)
        // One prediction serves the objectives' figures and the SLA section: both show the
        // promise view and its one verdict.
        let prediction = model.objectives.isEmpty ? nil : given ?? SLAPrediction(model, full: analysis)
        let sla = prediction.map { slaReports($0) } ?? []
        let hiddenParts = HiddenPart.all(in: model)
        var figures: [FigureReport] = []
        for (index, item) in (prediction?.objectives ?? []).enumerated() {
            let objective = item.objective
            var report = figure(item.figure, kind: .objective, measure: objective.measure.rawValue,
                                components: objective.statedComponents, target: objective.target, period: item.period, calendar: calendar,
                                hiddenParts: hiddenParts, contributors: limit)
            report.verdict = sla[index].verdict
            report.meetsTarget = sla[index].verdict?.met
            report.asUsersExperienceIt = sla[index].asUsersExperienceIt
            if explain { report.plan = item.figure.plan }
            figures.append(report)
        }
        var system = figure(analysis.system(), kind: .system, measure: "availability",
                            components: analysis.structure.roots.map { model.components[$0].name }, target: nil, period: model.period, calendar: calendar,
                            hiddenParts: hiddenParts, contributors: limit)
        if explain { system.plan = analysis.system().plan }
        figures.append(system)
        // By index: iterating the components copies each (large) one.
        let components = model.components.indices.map { index in
            let component = model.components[index]
            let own = analysis.effective[index].delivered   // replicas, common cause and failover
            let closure = analysis.closures[index]
            return ComponentReport(name: component.name, layer: component.layer, responsibility: component.responsibility.rawValue,
                                   replicas: component.replicas, needs: component.needs,
                                   ownAvailability: own.probability.up, ownUnavailability: own.probability.down,
                                   availability: closure.probability.up, unavailability: closure.probability.down,
                                   outagesPerYear: own.frequency.map { $0 * calendar.yearHours },
                                   dependsOn: component.dependencyNames, method: closure.method.rawValue)
        }
        var report = AvailabilityReport(system: model.name, description: model.description, sources: model.sources,
                                        period: model.period.name, periodHours: periodHours, calendar: calendar.summary,
                                        figures: figures, components: components,
                                        sla: prediction == nil ? nil : sla)
        report.overrides = model.overrides.isEmpty ? nil : model.overrides
        report.drills = drillReports(DrillSuggestion.all(model), prediction: prediction)
        report.crews = CrewReport.reports(model)
        if let prediction, !model.policies.isEmpty {
            // The same base as `nines check`: the promise view.
            report.policies = PolicyReport.reports(PolicyEvaluation(model, base: prediction.inScope), policies: model.policies)
        }
        return report
    }

    /// Each drilled part with its saving per objective: Birnbaum importance × the part's saving
    /// (the objective is affine in the part's unavailability, `DrillSuggestion`).
    static func drillReports(_ suggestions: [DrillSuggestion], prediction: SLAPrediction?) -> [DrillReport]? {
        guard !suggestions.isEmpty else { return nil }
        return suggestions.map { drill in
            let objectives = (prediction?.objectives ?? []).compactMap { item -> DrillObjectiveReport? in
                guard let birnbaum = item.figure.importance.first(where: { $0.component == drill.component })?.birnbaum else { return nil }
                let downtime = item.figure.probability.down * item.periodHours
                return DrillObjectiveReport(
                    objective: item.objective.name, period: item.period.name, downtimeHours: downtime,
                    suggestedDowntimeHours: drill.suggestedUnavailability.map {
                        max(0, downtime - birnbaum * (drill.unavailability - $0) * item.periodHours)
                    })
            }
            return DrillReport(component: drill.component, testEveryHours: drill.every, testDurationHours: drill.duration,
                               coverage: drill.demandEvery == nil ? nil : drill.coverage, demandEveryHours: drill.demandEvery,
                               unavailability: drill.unavailability, suggestedEveryHours: drill.suggestedEvery,
                               suggestedUnavailability: drill.suggestedUnavailability, objectives: objectives)
        }
    }

    /// The report with a "ranked risks" section: the `top` failure modes of `worksheet` by AP, then RPN.
    public static func availabilityReport(_ analysis: AvailabilityAnalysis, worksheet: FMEAWorksheet?, topRisks: Int,
                                          explain: Bool = false, prediction: SLAPrediction? = nil,
                                          contributors: Int? = nil) -> AvailabilityReport {
        var report = availabilityReport(analysis, explain: explain, prediction: prediction, contributors: contributors)
        report.risks = worksheet.map { RiskReportBuilder.report($0, analysis: analysis, limit: topRisks) }
        return report
    }

    /// - Parameters:
    ///   - hiddenParts: what the loader's hidden components stand for (`HiddenPart.all`).
    ///   - limit: contributors listed, the largest first; nil for every one.
    static func figure(_ flow: FlowFigures, kind: FigureReport.Kind, measure: String, components: [String],
                       target: Probability?, period: Period, calendar: CalendarConvention,
                       hiddenParts: [String: HiddenPart] = [:], contributors limit: Int? = nil) -> FigureReport {
        let periodHours = calendar.hours(in: period)
        let q = flow.probability.down
        let nines = Nines.count(unavailability: q)
        let listed = flow.importance.prefix(limit ?? flow.importance.count)
        let rest = flow.importance.dropFirst(listed.count)
        let contributors = listed.map { item in
            var contributor = ContributorReport(component: item.component, layer: item.layer, downtimeHours: item.criticality * periodHours,
                                                criticalityImportance: item.criticalityImportance, share: item.criticalityImportance,
                                                birnbaum: item.birnbaum,
                                                riskAchievementWorth: item.achievementWorth.isFinite ? item.achievementWorth : nil,
                                                riskReductionWorth: item.reductionWorth.isFinite ? item.reductionWorth : nil)
            if let hidden = hiddenParts[item.component] { (contributor.partOf, contributor.part) = (hidden.component, hidden.part) }
            return contributor
        }
        var report = FigureReport(name: flow.name, kind: kind, measure: measure, components: components,
                            availability: flow.probability.up, unavailability: q, nines: nines.isFinite ? nines : nil,
                            target: target?.up, targetUnavailability: target?.down,
                            meetsTarget: nil, period: period.name, periodHours: periodHours,
                            downtimeHours: q * periodHours, errorBudgetHours: target.map { $0.down * periodHours },
                            downtime: DowntimeTable(unavailability: q, calendar: calendar).entries,
                            outagesPerYear: flow.frequency.map { $0 * calendar.yearHours },
                            mtbfHours: flow.mtbf, meanDownTimeHours: flow.meanDownTime,
                            componentsWithoutRates: flow.componentsWithoutRates, contributors: contributors,
                            diagramNodes: flow.diagramSize, method: flow.method.rawValue,
                            interval: flow.interval.map(BoundsReport.init),
                            estimate: flow.estimate, conditioning: flow.conditioning,
                            view: (kind == .system ? CountingView.allComponents : .promise).rawValue)
        if !rest.isEmpty {
            let criticality = rest.reduce(0) { $0 + $1.criticality }
            report.contributorsNotListed = ContributorsNotListed(count: rest.count, downtimeHours: criticality * periodHours,
                                                                 criticalityImportance: q > 0 ? criticality / q : 0)
        }
        return report
    }
}

extension ReportBuilder {
    /// The SLA/SLO prediction of every objective, in model order, each with its one verdict.
    /// - Parameter minMargin: share of each error budget that must stay unspent (`check --min-margin`).
    public static func slaReports(_ prediction: SLAPrediction, minMargin: Double = 0) -> [SLAReport] {
        let calendar = prediction.model.calendar.summary, yearHours = prediction.model.calendar.yearHours
        let usesDetection = prediction.model.usesDetection
        return prediction.objectives.map { item in
            var report = slaReport(item, calendar: calendar, yearHours: yearHours, usesDetection: usesDetection, minMargin: minMargin)
            report.acceptedRequests = item.recovery.acceptedRequests.isEmpty ? nil : item.recovery.acceptedRequests
            report.degraded = item.degraded.map { DegradedReport(hours: $0.share * item.periodHours, share: $0.share,
                                                                 countsAs: $0.accounting.rawValue, causes: $0.causes) }
            if let maintenance = item.announcedMaintenanceHours {
                report.announcedMaintenanceHours = maintenance
                report.countsMaintenance = item.objective.countsMaintenance
            }
            report.ceiling = item.ceiling?.ceiling.up
            report.ceilingUnavailability = item.ceiling?.ceiling.down
            report.ceilingFrom = item.ceiling?.promised.map { "\($0.component) \(Format.target($0.promise.target)) from \($0.promise.origin)" }
            report.exceedsCeiling = item.ceiling.flatMap { ceiling in item.target.map(ceiling.exceeded(by:)) }
            return report
        }
    }

    static func slaReport(_ item: ObjectivePrediction, calendar: String, yearHours: Double, usesDetection: Bool,
                          minMargin: Double) -> SLAReport {
        let objective = item.objective
        let q = item.figure.probability.down
        let nines = Nines.count(unavailability: q)
        let withExcluded = item.withExcluded?.probability
        let verdict = item.verdict(minMargin: minMargin)
        let excluded = item.excluded.map { ExcludedReport(component: $0.component, responsibility: $0.responsibility.rawValue,
                                                          downtimeHours: $0.downtimeHours) }
        let usersExperience = item.withExcluded.map { flow in
            let figure = flow.probability
            let nines = Nines.count(unavailability: figure.down)
            return UsersExperienceReport(availability: figure.up, unavailability: figure.down, nines: nines.isFinite ? nines : nil,
                                         downtimeHours: figure.down * item.periodHours,
                                         outagesPerYear: flow.frequency.map { $0 * yearHours }, meanDownTimeHours: flow.meanDownTime,
                                         excluded: excluded)
        }
        return SLAReport(
            objective: objective.name, kind: objective.kind.rawValue, measure: objective.measure.rawValue,
            period: item.period.name, periodHours: item.periodHours, calendar: calendar,
            target: item.target?.up, targetUnavailability: item.target?.down,
            availability: item.figure.probability.up, unavailability: q, nines: nines.isFinite ? nines : nil,
            errorBudgetHours: item.budgetHours, downtimeHours: item.downtimeHours, marginHours: item.marginHours,
            marginShare: item.marginShare, holds: verdict?.met, method: item.figure.method.rawValue,
            judgedUnavailability: item.judgedUnavailability, excluded: excluded,
            availabilityWithExcluded: withExcluded?.up, unavailabilityWithExcluded: withExcluded?.down,
            downtimeWithExcludedHours: withExcluded.map { $0.down * item.periodHours },
            outagesPerPeriod: item.outagesPerPeriod, meanRecoveryHours: item.meanRecoveryHours,
            allowedRecoveryHours: item.allowedRecoveryHours, rto: objective.rto, rpo: objective.rpo,
            worstRTO: item.recovery.worstRTO.flatMap { figures in
                figures.rto.map { RecoveryReport(component: figures.component, hours: $0, meanHours: nil,
                                                 basis: figures.rtoBasis?.rawValue ?? "",
                                                 detectionHours: figures.rtoBasis == .repair || figures.rtoBasis == .failedSwitch
                                                     ? figures.detection : nil) }
            },
            worstRPO: item.recovery.worstRPO.flatMap { figures in
                figures.rpo.map { RecoveryReport(component: figures.component, hours: $0, meanHours: figures.meanRPO,
                                                 basis: figures.rpoBasis?.rawValue ?? "") }
            },
            rtoHolds: item.rtoHolds, rpoHolds: item.rpoHolds,
            unknownRTO: item.recovery.unknownRTO, unprotected: item.recovery.unprotected,
            verdict: verdict, asUsersExperienceIt: usersExperience,
            file: objective.location.file, line: objective.location.line, column: objective.location.column,
            unmonitored: usesDetection ? item.recovery.unmonitored : nil)
    }
}
