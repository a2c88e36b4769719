/// Turns a simulation's merged tallies into the figures of a `SimulationReport` (means, intervals,
/// percentiles), beside the exact figures of the analysis the caller compiled: the simulation
/// compiles nothing itself, so a command compiles its model once.
extension ReportBuilder {
    /// - Parameter analysis: the exact figures of the same model (any scope); the SLA view reuses
    ///   its compiled structure with the excluded components treated as perfect.
    public static func simulationReport(_ outcome: SimulationOutcome, analysis exact: AvailabilityAnalysis) -> SimulationReport {
        let model = outcome.model, plan = outcome.plan, settings = outcome.settings, tallies = outcome.tallies
        let views = plan.graph.viewCount
        let exactSLA = views > 1
            ? AvailabilityAnalysis(model, structure: exact.structure, treatingAsPerfect: Set(plan.excluded), scope: .objectivesOnly)
            : exact
        let count = model.objectives.count
        func view(_ view: Int, _ analysis: AvailabilityAnalysis) -> [SimulatedObjective] {
            model.objectives.enumerated().map { index, objective in
                // An objective with nothing excluded is not followed in the SLA view: its figures are the full ones.
                let track = plan.graph.excludedInClosure[index].isEmpty ? index : view * count + index
                let exact = analysis.objective(index)
                var result = SimulationSummary.summarize(objective, tally: tallies[track], periodHours: plan.objectivePeriodHours[index],
                                                         periodsPerYear: Int(plan.objectivePeriodsPerYear[index]),
                                                         yearHours: model.calendar.yearHours,
                                                         exact: exact.probability.up, exactFrequency: exact.frequency,
                                                         periodName: (objective.period ?? model.period).name)
                result.excluded = plan.graph.excludedInClosure[index]
                result.view = (view == 0 ? CountingView.allComponents : .promise).rawValue
                return result
            }
        }
        let allComponents = view(0, exact)
        let promise = views > 1 ? view(1, exactSLA) : allComponents.map { objective in
            // Nothing excluded anywhere: the promise is the same figures, named for what they are.
            var promise = objective
            promise.view = CountingView.promise.rawValue
            return promise
        }
        return SimulationReport(system: model.name, period: model.period.name, periodHours: plan.modelPeriodHours,
                                calendar: model.calendar.summary, overrides: model.overrides.isEmpty ? nil : model.overrides, seed: settings.seed, periodsRequested: settings.periods,
                                periodsSimulated: outcome.periods, stoppedEarly: outcome.stoppedEarly, precision: settings.precision,
                                events: outcome.events, assumedRepairHours: settings.assumedRepairHours,
                                componentsWithAssumedRepair: plan.assumedRepair,
                                failoverNotModelled: plan.failoverNotModelled, objectives: promise,
                                allComponents: allComponents, sla: promise)
    }
}

/// One objective's simulated figures from its tally.
enum SimulationSummary {
    /// - Parameter exactFrequency: the exact engine's outages per hour in the same view, when it has one.
    static func summarize(_ objective: Objective, tally: ObjectiveTally, periodHours: Double, periodsPerYear: Int,
                          yearHours: Double, exact: Double, exactFrequency: Double?, periodName: String) -> SimulatedObjective {
        let n = Double(max(1, tally.periods))
        let mean = tally.downtimeSum / n
        let variance = tally.periods > 1 ? max(0, (tally.downtimeSquares - n * mean * mean) / (n - 1)) : 0
        let half = 1.959964 * (variance / n).squareRoot() / periodHours
        let unavailability = mean / periodHours
        // The count per period spreads like the downtime does; periods are treated as independent.
        let outagesPerPeriod = Double(tally.outages) / n
        let outageVariance = tally.periods > 1 ? max(0, (tally.outageSquares - n * outagesPerPeriod * outagesPerPeriod) / (n - 1)) : 0
        let perYear = yearHours / periodHours
        let outagesHalf = 1.959964 * (outageVariance / n).squareRoot() * perYear
        let maximum = tally.downtimeMax
        let quantile = { (q: Double) in tally.histogram.quantile(q, total: tally.periods, maximum: maximum) }
        let buckets = DowntimeBuckets.labels.indices.map { index in
            DowntimeBucket(label: DowntimeBuckets.labels[index],
                           upToHours: DowntimeBuckets.edges[index].isFinite ? DowntimeBuckets.edges[index] : nil,
                           periods: tally.buckets.counts[index])
        }
        var result = SimulatedObjective(
            name: objective.name, measure: objective.measure.rawValue, components: objective.statedComponents,
            period: periodName, periodHours: periodHours, periods: tally.periods,
            target: objective.target?.up, targetUnavailability: objective.target?.down,
            budgetHours: objective.target.map { $0.down * periodHours }, exactAvailability: exact,
            availability: 1 - unavailability, unavailability: unavailability,
            availabilityLow: max(0, 1 - unavailability - half), availabilityHigh: min(1, 1 - unavailability + half),
            meanDowntimeHours: mean, downtimeP50Hours: quantile(0.5), downtimeP90Hours: quantile(0.9),
            downtimeP99Hours: quantile(0.99), downtimeMaxHours: maximum, histogram: buckets,
            periodsPerYear: periodsPerYear, years: tally.years,
            outages: tally.outages, outagesPerPeriod: outagesPerPeriod,
            outagesPerYear: outagesPerPeriod * perYear, outagesPerYearLow: max(0, outagesPerPeriod * perYear - outagesHalf),
            outagesPerYearHigh: outagesPerPeriod * perYear + outagesHalf, exactOutagesPerYear: exactFrequency.map { $0 * yearHours },
            meanOutageHours: tally.outages > 0 ? tally.outageHours / Double(tally.outages) : nil,
            longestOutageHours: tally.longestOutage)
        if objective.target != nil {
            let one = ProportionInterval(successes: tally.met, trials: tally.periods)
            result.meetProbability = one.estimate
            result.meetLow = one.low
            result.meetHigh = one.high
            if tally.years > 0 {
                let year = ProportionInterval(successes: tally.yearsMet, trials: tally.years)
                result.meetEveryPeriodOfYear = year.estimate
                result.meetEveryPeriodOfYearLow = year.low
                result.meetEveryPeriodOfYearHigh = year.high
            }
            if tally.firstBreaches > 0 {
                result.timeToFirstBreachHours = Double(tally.periodsToFirstBreach) / Double(tally.firstBreaches) * periodHours
            }
        }
        return result
    }
}
