/// The model's scenarios judged against its resiliency policies: for each scenario whose class has
/// a policy, the worst recovery and the worst data at risk over every objective, against the
/// policy's `rto` and `rpo`. Hours. Pure; `nines check` turns it into results.
package struct PolicyEvaluation: Sendable {
    /// One judged scenario (in model order) with its policy.
    package struct Finding: Sendable {
        public let policy: ResiliencyPolicy
        public let scenario: ScenarioAnalysis
        /// The objective that recovers last and its recovery (nil hours: unknown).
        public let slowest: (objective: String, recovery: ScenarioRecovery)?
        /// The objective that may lose the most data and how much; unprotected data counts as more than any.
        public let mostDataLost: (objective: String, recovery: ScenarioRecovery)?

        /// Nil when the policy has no `rto` or nothing recovers; false when a recovery is longer
        /// than the policy allows or unknown.
        public var rtoHolds: Bool? {
            guard let limit = policy.rto, let slowest else { return nil }
            guard let hours = slowest.recovery.hours else { return false }
            return hours <= limit
        }

        /// Nil when the policy has no `rpo`; false when data beyond it, or unprotected data, is at risk.
        public var rpoHolds: Bool? {
            guard let limit = policy.rpo else { return nil }
            guard let mostDataLost else { return true }
            if !mostDataLost.recovery.unprotected.isEmpty { return false }
            return (mostDataLost.recovery.worstDataAtRisk ?? 0) <= limit
        }
    }

    public let findings: [Finding]
    /// Policies no scenario of the model falls under (nothing checks them).
    public let unused: [ResiliencyPolicy]

    public init(_ model: SystemModel, base: AvailabilityAnalysis) {
        var findings: [Finding] = []
        var used = Set<DisruptionClass>()
        if !model.policies.isEmpty {
            for scenario in model.scenarios {
                let analysis = ScenarioAnalysis(scenario, base: base)
                guard let policy = model.policies.first(where: { $0.disruptionClass == analysis.disruptionClass }) else { continue }
                used.insert(policy.disruptionClass)
                let pairs = analysis.outcomes.map { ($0.objective, $0.recovery) }
                // Unknown recovery is the worst; ties go to the first objective in model order.
                let slowest = pairs.reduce(nil) { (worst: (String, ScenarioRecovery)?, next) in
                    guard let worst else { return next }
                    guard let a = worst.1.hours else { return worst }
                    guard let b = next.1.hours else { return next }
                    return b > a ? next : worst
                }
                let mostDataLost = pairs.reduce(nil) { (worst: (String, ScenarioRecovery)?, next) in
                    guard let worst else { return next }
                    if !worst.1.unprotected.isEmpty { return worst }
                    if !next.1.unprotected.isEmpty { return next }
                    return (next.1.worstDataAtRisk ?? 0) > (worst.1.worstDataAtRisk ?? 0) ? next : worst
                }
                findings.append(Finding(policy: policy, scenario: analysis, slowest: slowest.map { ($0.0, $0.1) },
                                        mostDataLost: mostDataLost.map { ($0.0, $0.1) }))
            }
        }
        self.findings = findings
        unused = model.policies.filter { !used.contains($0.disruptionClass) }
    }
}
