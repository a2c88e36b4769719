/// A scenario's prediction held against what experiments observed (`nines scenario --observed`).
/// Hours. Pure: computed in `init` from the scenario analysis, the policy of its class and the
/// observations that name it.
///
/// What was observed of an objective is the worst any conclusive observation says: down when one
/// saw it down, the longest recovery, the most data lost. Each objective then gets one verdict:
/// - worse than predicted: it went down although predicted to survive, took longer to come back
///   than the predicted recovery, or lost more data than the predicted data at risk;
/// - better than predicted: none of that, and it stayed up although predicted down, came back
///   sooner, or lost less;
/// - as predicted: what was observed matches; not observed: no observation says anything of it.
/// An observed recovery longer than the class policy's `rto`, or data lost beyond its `rpo`,
/// breaks the policy whatever the prediction.
package struct ObservedScenario: Sendable {
    package enum Verdict: String, Hashable, Sendable, Codable {
        case asPredicted = "as-predicted", worse = "worse-than-predicted", better = "better-than-predicted"
        case notObserved = "not-observed"
    }

    /// One objective: the prediction, the observation and the verdict.
    package struct Comparison: Sendable {
        package let predicted: ScenarioOutcome
        package let stayedUp: Bool?
        package let recoveryHours: Double?
        package let dataLostHours: Double?
        package let verdict: Verdict
        /// Why the verdict is worse or better, one phrase per reason ("went down", "recovery").
        package let worse: [Aspect]
        package let better: [Aspect]
        /// Nil when there is no policy limit or nothing observed to hold against it.
        package let rtoHolds: Bool?
        package let rpoHolds: Bool?

        /// The observed recovery when the objective went down and nobody measured when it came back.
        package var recoveryUnmeasured: Bool { stayedUp == false && recoveryHours == nil }
    }

    /// What a verdict is about.
    package enum Aspect: String, Hashable, Sendable, Codable { case survival, recovery, data }

    package let analysis: ScenarioAnalysis
    package let policy: ResiliencyPolicy?
    package let observations: [ScenarioObservation]
    package let objectives: [Comparison]
    /// The fault's window over every conclusive observation: the first injection, the last removal.
    package let faultStart: ObservedTime?
    package let faultEnd: ObservedTime?

    /// Whether an objective did worse than predicted or a policy was broken.
    package var fails: Bool { objectives.contains { $0.verdict == .worse || $0.rtoHolds == false || $0.rpoHolds == false } }

    package init(_ analysis: ScenarioAnalysis, policy: ResiliencyPolicy?, observations: [ScenarioObservation]) {
        self.analysis = analysis
        self.policy = policy
        self.observations = observations
        let conclusive = observations.filter { $0.inconclusive == nil }
        faultStart = conclusive.compactMap(\.faultStart).min { $0.seconds < $1.seconds }
        faultEnd = conclusive.compactMap(\.faultEnd).max { $0.seconds < $1.seconds }
        objectives = analysis.outcomes.map { outcome in
            let seen = conclusive.flatMap(\.objectives).filter { $0.objective == nil || $0.objective == outcome.objective }
            let ups = seen.compactMap(\.stayedUp)
            let stayedUp: Bool? = ups.isEmpty ? nil : ups.allSatisfy { $0 }
            let recovery = seen.compactMap(\.recoveryHours).max()
            let dataLost = seen.compactMap(\.dataLostHours).max()
            return Self.compare(outcome, stayedUp: stayedUp, recovery: recovery, dataLost: dataLost, policy: policy)
        }
    }

    private static func compare(_ outcome: ScenarioOutcome, stayedUp: Bool?, recovery: Double?, dataLost: Double?,
                                policy: ResiliencyPolicy?) -> Comparison {
        var worse: [Aspect] = [], better: [Aspect] = []
        if let stayedUp, stayedUp != outcome.survives {
            if stayedUp { better.append(.survival) } else { worse.append(.survival) }
        }
        if let recovery, let predicted = outcome.recovery.hours {
            if recovery > predicted { worse.append(.recovery) } else if recovery < predicted { better.append(.recovery) }
        }
        if let dataLost {
            // Unprotected data: the prediction is "everything", which no finite loss exceeds.
            let predicted = outcome.recovery.unprotected.isEmpty ? outcome.recovery.worstDataAtRisk ?? 0 : Double.infinity
            if dataLost > predicted { worse.append(.data) } else if dataLost < predicted { better.append(.data) }
        }
        let observed = stayedUp != nil || recovery != nil || dataLost != nil
        let verdict: Verdict = !observed ? .notObserved : !worse.isEmpty ? .worse : !better.isEmpty ? .better : .asPredicted
        let rtoHolds = policy?.rto.flatMap { limit in recovery.map { $0 <= limit } }
        let rpoHolds = policy?.rpo.flatMap { limit in dataLost.map { $0 <= limit } }
        return Comparison(predicted: outcome, stayedUp: stayedUp, recoveryHours: recovery, dataLostHours: dataLost, verdict: verdict,
                          worse: worse, better: better, rtoHolds: rtoHolds, rpoHolds: rpoHolds)
    }
}

extension ObservedScenario {
    /// Every scenario some observation names, in model order, each with the policy of its class
    /// and its observations in the order given.
    package static func all(_ observations: [ScenarioObservation], model: SystemModel, base: AvailabilityAnalysis) -> [ObservedScenario] {
        model.scenarios.compactMap { scenario in
            let own = observations.filter { $0.scenario == scenario.name }
            guard !own.isEmpty else { return nil }
            let analysis = ScenarioAnalysis(scenario, base: base)
            return ObservedScenario(analysis, policy: model.policies.first { $0.disruptionClass == analysis.disruptionClass }, observations: own)
        }
    }
}
