/// A rule `nines check` evaluates besides objectives, e.g. "no open failure mode with AP = H".
///
/// The extension point for risk registers: a rule gets the validated model and returns one result
/// per finding (and a passing result when there is none), each located at the line it is about.
/// `CheckReportBuilder` appends the results of every rule it is given, in the order given.
public protocol RiskRule: Sendable {
    /// Stable identifier, used as the SARIF rule id and JUnit class, e.g. "fmea-open-action-priority".
    var id: String { get }
    func evaluate(_ model: SystemModel) -> [CheckResult]
}
