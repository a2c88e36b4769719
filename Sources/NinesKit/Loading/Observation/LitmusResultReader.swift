/// A Litmus ChaosResult (`kubectl get chaosresult -o yaml`; fields as litmuschaos/chaos-operator's
/// api/litmuschaos/v1alpha1/chaosresult_types.go gives them): `status.experimentStatus.phase`,
/// `.verdict` and `.probeSuccessPercentage`, and `status.probeStatuses`.
///
/// A run counts when its phase is a completed one and its verdict `Pass` or `Fail`; anything else
/// (Running, Stopped, Error, Awaited) says nothing of the objectives. The probes are the steady-state
/// checks: a probe named after an objective gives that objective's survival (`Passed` up, `Failed`
/// down); when no probe is named after one, the verdict stands for every objective of the scenario.
/// A `Fail` with every probe passed (`probeSuccessPercentage` 100) is the experiment failing, not the
/// steady state: inconclusive too. A ChaosResult carries no recovery time or data loss: give those
/// in a nines observation.
extension ObservationDocument {
    static let completedPhases = ["Completed", "Completed_With_Probe_Failure", "Completed_With_Error"]

    func litmusResult() -> ScenarioObservation? {
        let engine = root["spec"]?["engine"]?.text
        guard let scenario = toolScenario(object: engine, what: "engine") else { return nil }
        var observation = ScenarioObservation(scenario: scenario, source: title("Litmus"), location: root.location)
        let status = root["status"]?["experimentStatus"]
        let phase = status?["phase"]?.text ?? "", verdict = status?["verdict"]?.text ?? ""
        let reason = status?["errorOutput"]?["reason"]?.text.map { ": \(Format.oneLine($0))" } ?? ""
        guard Self.completedPhases.contains(phase), verdict == "Pass" || verdict == "Fail" else {
            observation.inconclusive = status == nil ? "no status.experimentStatus (the experiment has not run)"
                : "phase '\(Format.oneLine(phase))', verdict '\(Format.oneLine(verdict))'\(reason)"
            return observation
        }
        let score = status?["probeSuccessPercentage"]?.text
        observation.probeSuccess = score
        if verdict == "Fail", score == "100" {
            // Every steady-state probe passed: the experiment itself failed (no target, a chaos step error).
            observation.inconclusive = "verdict 'Fail' with every probe passed, so the experiment itself failed\(reason)"
            return observation
        }
        let probes = root["status"]?["probeStatuses"]?.items ?? []
        let named = probes.filter { probe in probe["name"]?.text.map(names.objectives.contains) ?? false }
        if named.isEmpty {
            observation.objectives = [.init(objective: nil, stayedUp: verdict == "Pass", location: (status?["verdict"] ?? root).location)]
        } else {
            observation.objectives = named.compactMap { probe in
                let stayedUp: Bool? = switch probe["status"]?["verdict"]?.text {
                case "Passed": true
                case "Failed": false
                default: nil   // N/A, Awaited: the probe says nothing
                }
                return stayedUp.map { .init(objective: probe["name"]?.text, stayedUp: $0, location: probe.location) }
            }
        }
        return observation
    }
}
