extension CheckResult {
    /// A risk rule's finding as a result of `nines check`: a problem fails it.
    public init(_ finding: RiskFinding, rule: String) {
        self.init(id: finding.id, rule: rule, category: .risk, status: finding.holds ? .pass : .fail,
                  message: finding.message, details: finding.details, location: finding.location)
    }
}

extension RiskRule {
    /// The rule's findings in `model` as check results, in the rule's order.
    public func evaluate(_ model: SystemModel) -> [CheckResult] {
        findings(in: model).map { CheckResult($0, rule: id) }
    }
}
