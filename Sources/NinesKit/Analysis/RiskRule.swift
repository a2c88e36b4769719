/// A rule `nines check` evaluates besides objectives, e.g. "no open failure mode with AP = H".
///
/// The extension point for risk registers: a rule gets the validated model and returns what it
/// found, one finding per problem (and one that holds when there is none), each located at the line
/// it is about. Reporting turns findings into check results (`CheckResult(_:rule:)`), after the
/// objectives, in the order the rules are given.
package protocol RiskRule: Sendable {
    /// Stable identifier, used as the SARIF rule id and JUnit class, e.g. "fmea-open-priority".
    var id: String { get }
    func findings(in model: SystemModel) -> [RiskFinding]
}

/// One thing a risk rule found: a problem (`holds` false) or the rule holding.
package struct RiskFinding: Hashable, Sendable {
    /// Stable identifier, e.g. "db-1/open-priority".
    public var id: String
    /// True when the rule holds here; false for a problem that fails the check.
    public var holds: Bool
    /// One line: what was found against what the rule requires.
    public var message: String
    /// Supporting lines (the scoring used, the recommended action…).
    public var details: [String]
    public var location: ModelLocation

    public init(id: String, holds: Bool, message: String, details: [String] = [], location: ModelLocation) {
        self.id = id
        self.holds = holds
        self.message = message
        self.details = details
        self.location = location
    }
}
