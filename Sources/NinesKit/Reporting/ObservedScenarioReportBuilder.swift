/// Builds an `ObservedScenarioReport` (no arithmetic beyond copying figures).
package enum ObservedScenarioReportBuilder {
    package static func report(_ scenarios: [ObservedScenario], system: String) -> ObservedScenarioReport {
        ObservedScenarioReport(system: system, scenarios: scenarios.map(entry), holds: !scenarios.contains { $0.fails })
    }

    static func entry(_ observed: ObservedScenario) -> ObservedScenarioReport.Entry {
        let observations = observed.observations
        return ObservedScenarioReport.Entry(
            name: observed.analysis.scenario.name, disruptionClass: observed.analysis.disruptionClass.rawValue,
            policyRTOHours: observed.policy?.rto, policyRPOHours: observed.policy?.rpo,
            sources: observations.map { .init(source: $0.source, file: $0.location.file, line: $0.location.line,
                                              inconclusive: $0.inconclusive, probeSuccess: $0.probeSuccess) },
            faultStart: observed.faultStart?.text, faultEnd: observed.faultEnd?.text,
            objectives: observed.objectives.map { comparison in
                let predicted = comparison.predicted
                return .init(objective: predicted.objective, predictedSurvives: predicted.survives,
                             predictedRecoveryHours: predicted.recovery.hours, predictedRecoveryBasis: predicted.recovery.basis.rawValue,
                             predictedDataAtRiskHours: predicted.recovery.worstDataAtRisk,
                             predictedUnprotected: !predicted.recovery.unprotected.isEmpty,
                             observedStayedUp: comparison.stayedUp, observedRecoveryHours: comparison.recoveryHours,
                             observedDataLostHours: comparison.dataLostHours, verdict: comparison.verdict.rawValue,
                             worse: comparison.worse.map(\.rawValue), better: comparison.better.map(\.rawValue),
                             rtoHolds: comparison.rtoHolds, rpoHolds: comparison.rpoHolds)
            })
    }
}
