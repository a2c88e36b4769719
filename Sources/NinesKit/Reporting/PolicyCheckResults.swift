/// `nines check` results of the resiliency policies (`PolicyEvaluation`): per judged scenario, one
/// for the policy's `rto` and one for its `rpo`, located at the policy's line; a warning for a
/// policy no scenario falls under.
enum PolicyCheckResults {
    static func results(_ evaluation: PolicyEvaluation) -> [CheckResult] {
        var results: [CheckResult] = []
        for finding in evaluation.findings {
            let policy = finding.policy, scenario = finding.scenario.scenario.name
            let label = "scenario \(scenario) (\(policy.disruptionClass.rawValue))"
            if let holds = finding.rtoHolds, let limit = policy.rto, let slowest = finding.slowest {
                let recovery = slowest.recovery.hours.map { Format.duration(hours: $0) } ?? "unknown"
                let verb = holds ? "within" : slowest.recovery.hours == nil ? "cannot be checked against" : "exceeds"
                results.append(CheckResult(
                    id: "\(scenario)/policy-rto", rule: "policy-rto", category: .recovery, status: holds ? .pass : .fail,
                    message: "\(label): recovery \(recovery) (\(slowest.objective), \(slowest.recovery.basis.rawValue)) "
                        + "\(verb) the \(policy.disruptionClass.rawValue) policy's rto \(Format.duration(hours: limit))",
                    details: ["down: " + finding.scenario.scenario.down.joined(separator: ", ")], location: policy.location))
            }
            if let holds = finding.rpoHolds, let limit = policy.rpo {
                let lost = finding.mostDataLost
                let amount = lost.map { loss in
                    loss.recovery.unprotected.isEmpty ? Format.duration(hours: loss.recovery.worstDataAtRisk ?? 0)
                        : "everything kept by " + loss.recovery.unprotected.joined(separator: ", ")
                } ?? "0 s"
                results.append(CheckResult(
                    id: "\(scenario)/policy-rpo", rule: "policy-rpo", category: .recovery, status: holds ? .pass : .fail,
                    message: "\(label): data at risk \(amount)\(lost.map { " (\($0.objective))" } ?? "") "
                        + "\(holds ? "within" : "exceeds") the \(policy.disruptionClass.rawValue) policy's rpo \(Format.duration(hours: limit))",
                    details: ["down: " + finding.scenario.scenario.down.joined(separator: ", ")], location: policy.location))
            }
        }
        for policy in evaluation.unused {
            results.append(CheckResult(
                id: "\(policy.disruptionClass.rawValue)/policy", rule: "policy-scenarios", category: .recovery, status: .warning,
                message: "the \(policy.disruptionClass.rawValue) policy has no scenario of its class to check; "
                    + "add one under 'scenarios' (or give a scenario 'class: \(policy.disruptionClass.rawValue)')",
                location: policy.location))
        }
        return results
    }
}
