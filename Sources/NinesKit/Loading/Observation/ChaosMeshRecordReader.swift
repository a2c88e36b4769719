/// A Chaos Mesh experiment with its status (`kubectl get podchaos NAME -o yaml`; fields as
/// chaos-mesh/chaos-mesh's api/v1alpha1/common_types.go gives them): each target's record in
/// `status.experiment.containerRecords`, with `Apply` and `Recover` events, `Succeeded` or `Failed`,
/// each with its timestamp.
///
/// Chaos Mesh knows when the fault was in place, not what the objectives did: the record gives the
/// fault's window (first successful Apply, last successful Recover), and makes the run inconclusive
/// when a target was never hit (no successful Apply). What the objectives did comes from a nines
/// observation or a Litmus result of the same scenario.
extension ObservationDocument {
    func chaosMeshExperiment() -> ScenarioObservation? {
        guard let scenario = toolScenario(object: root["metadata"]?["name"]?.text, what: "name") else { return nil }
        var observation = ScenarioObservation(scenario: scenario, source: title("Chaos Mesh"), location: root.location)
        let records = root["status"]?["experiment"]?["containerRecords"]?.items ?? []
        var applied: [ObservedTime] = [], recovered: [ObservedTime] = []
        var missed: [String] = []
        for record in records {
            var hit = false
            for event in record["events"]?.items ?? [] where event["type"]?.text == "Succeeded" {
                guard let stamp = event["timestamp"], let text = stamp.text else { continue }
                guard case .success(let seconds) = IncidentTimestamp.parse(text) else {
                    diagnostics.error(stamp.location, "timestamp '\(Format.oneLine(text))' of \(title("Chaos Mesh")) is not an ISO 8601 time "
                                      + "such as '2026-03-01T14:05:00Z'", length: text.count)
                    continue
                }
                switch event["operation"]?.text {
                case "Apply": applied.append(ObservedTime(text: text, seconds: seconds)); hit = true
                case "Recover": recovered.append(ObservedTime(text: text, seconds: seconds))
                default: continue
                }
            }
            if !hit { missed.append(record["id"]?.text ?? "?") }
        }
        observation.faultStart = applied.min { $0.seconds < $1.seconds }
        observation.faultEnd = recovered.max { $0.seconds < $1.seconds }
        if records.isEmpty {
            observation.inconclusive = "no status.experiment.containerRecords: the fault was not injected"
        } else if !missed.isEmpty {
            let failure = records.flatMap { $0["events"]?.items ?? [] }.last { $0["type"]?.text == "Failed" }?["message"]?.text
            observation.inconclusive = "not injected into \(Format.names(missed.map(Format.oneLine)))" + (failure.map { ": \(Format.oneLine($0))" } ?? "")
        }
        return observation
    }
}
