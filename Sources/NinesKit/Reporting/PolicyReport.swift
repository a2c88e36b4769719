/// One resiliency policy as the SLA prediction shows it (`AvailabilityReport.policies`): the
/// scenarios of its class with their slowest recovery and most data at risk, each judged by the
/// policy. The same judgement as `nines check` (`PolicyEvaluation`). Hours throughout.
package struct PolicyReport: Hashable, Sendable, Codable {
    /// `component`, `zone`, `region` or `provider`.
    public var disruptionClass: String
    public var rto: Double?
    public var rpo: Double?
    /// Every judged scenario holds; nil when no scenario of the model falls under the policy.
    public var holds: Bool?
    /// The model's scenarios of this class, in model order.
    public var scenarios: [PolicyScenarioReport]
    /// Where the policy is defined.
    public var file: String
    public var line: Int
    public var column: Int

    enum CodingKeys: String, CodingKey {
        case disruptionClass = "class", rto, rpo, holds, scenarios, file, line, column
    }
}

/// One scenario judged by its class's policy.
package struct PolicyScenarioReport: Hashable, Sendable, Codable {
    public var scenario: String
    public var down: [String]
    /// The slowest recovery over every objective; nil when unknown (a breach of any `rto`).
    public var recoveryHours: Double?
    /// The objective that recovers last, and what its recovery comes from (`ScenarioRecovery.Basis`).
    public var recoveryObjective: String?
    public var recoveryBasis: String?
    /// The most data at risk over every objective (hours of writes); nil when none is at risk.
    public var dataAtRiskHours: Double?
    /// The objective that may lose the most data.
    public var dataAtRiskObjective: String?
    /// Components whose data has neither replication nor backups (a breach of any `rpo`).
    public var unprotected: [String]
    /// Nil when the policy sets no `rto` (or no `rpo`).
    public var rtoHolds: Bool?
    public var rpoHolds: Bool?
}

extension PolicyReport {
    /// The policies of `evaluation`, in model order, including those no scenario falls under.
    static func reports(_ evaluation: PolicyEvaluation, policies: [ResiliencyPolicy]) -> [PolicyReport] {
        policies.map { policy in
            let scenarios = evaluation.findings.filter { $0.policy.disruptionClass == policy.disruptionClass }.map { finding in
                PolicyScenarioReport(scenario: finding.scenario.scenario.name, down: finding.scenario.scenario.down,
                                     recoveryHours: finding.slowest?.recovery.hours,
                                     recoveryObjective: finding.slowest?.objective,
                                     recoveryBasis: finding.slowest?.recovery.basis.rawValue,
                                     dataAtRiskHours: finding.mostDataLost?.recovery.worstDataAtRisk,
                                     dataAtRiskObjective: finding.mostDataLost?.objective,
                                     unprotected: finding.mostDataLost?.recovery.unprotected ?? [],
                                     rtoHolds: finding.rtoHolds, rpoHolds: finding.rpoHolds)
            }
            let verdicts = scenarios.flatMap { [$0.rtoHolds, $0.rpoHolds].compactMap { $0 } }
            return PolicyReport(disruptionClass: policy.disruptionClass.rawValue, rto: policy.rto, rpo: policy.rpo,
                                holds: scenarios.isEmpty ? nil : !verdicts.contains(false), scenarios: scenarios,
                                file: policy.location.file, line: policy.location.line, column: policy.location.column)
        }
    }
}
