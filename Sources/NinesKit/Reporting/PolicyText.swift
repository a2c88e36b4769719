/// The sentences the text and HTML reports use for a resiliency policy and the scenarios it
/// judges, so both read the same. Formats data; computes nothing.
package enum PolicyText {
    /// "rto 15 min, rpo 0 s"
    static func limits(_ policy: PolicyReport) -> String {
        [policy.rto.map { "rto \(Format.duration(hours: $0))" }, policy.rpo.map { "rpo \(Format.duration(hours: $0))" }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// "✓ zone-a-lost (down: az-a): recovery 2 min (persist, failover); data at risk 0 s"
    static func scenario(_ scenario: PolicyScenarioReport) -> String {
        let verdicts = [scenario.rtoHolds, scenario.rpoHolds].compactMap { $0 }
        let mark = verdicts.contains(false) ? "✗" : "✓"
        return "\(mark) \(scenario.scenario) (down: \(scenario.down.joined(separator: ", "))): "
            + "recovery \(recovery(scenario)); data at risk \(dataAtRisk(scenario))"
    }

    /// "2 min (persist, failover)", "unknown (persist)", "0 s"
    static func recovery(_ scenario: PolicyScenarioReport) -> String {
        let amount = scenario.recoveryHours.map { Format.duration(hours: $0) } ?? "unknown"
        guard let objective = scenario.recoveryObjective, let basis = scenario.recoveryBasis else { return amount }
        return "\(amount) (\(objective), \(basis))"
    }

    /// "5 min (persist)", "everything kept by cache (front)", "none"
    static func dataAtRisk(_ scenario: PolicyScenarioReport) -> String {
        let objective = scenario.dataAtRiskObjective.map { " (\($0))" } ?? ""
        if !scenario.unprotected.isEmpty { return "everything kept by \(scenario.unprotected.joined(separator: ", "))" + objective }
        guard let hours = scenario.dataAtRiskHours else { return "none" }
        return Format.duration(hours: hours) + objective
    }
}
