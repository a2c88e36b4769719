/// Builds a `ScenarioReport` from scenario analyses (no arithmetic beyond copying figures).
package enum ScenarioReportBuilder {
    /// - Parameter adHocFrom: the position from which the scenarios come from the command line (no location).
    public static func report(_ analyses: [ScenarioAnalysis], system: String, adHocFrom: Int? = nil) -> ScenarioReport {
        ScenarioReport(system: system, scenarios: analyses.enumerated().map { position, analysis in
            let scenario = analysis.scenario
            let adHoc = position >= (adHocFrom ?? analyses.count)
            return ScenarioReport.Entry(
                name: scenario.name, description: scenario.description, disruptionClass: analysis.disruptionClass.rawValue,
                classStated: scenario.disruptionClass != nil, down: scenario.down, objectives: analysis.outcomes.map(outcome),
                file: adHoc ? nil : scenario.location.file, line: adHoc ? nil : scenario.location.line,
                column: adHoc ? nil : scenario.location.column)
        })
    }

    static func outcome(_ outcome: ScenarioOutcome) -> ScenarioReport.Outcome {
        let recovery = outcome.recovery
        return ScenarioReport.Outcome(
            objective: outcome.objective, measure: outcome.measure.rawValue, availability: outcome.figure.probability.up,
            unavailability: outcome.figure.probability.down, method: outcome.figure.method.rawValue,
            lowerAvailability: outcome.figure.interval?.upper.up, upperAvailability: outcome.figure.interval?.lower.up,
            minUnavailability: outcome.figure.interval?.lower.down, maxUnavailability: outcome.figure.interval?.upper.down,
            survives: outcome.survives, recoveryHours: recovery.hours, recoveryBasis: recovery.basis.rawValue,
            dataAtRiskHours: recovery.worstDataAtRisk, unprotected: recovery.unprotected, unknownRecovery: recovery.unknown,
            steps: recovery.steps, singlePointsOfFailure: outcome.singlePointsOfFailure,
            exposedSinglePoints: outcome.exposedSinglePoints)
    }
}
