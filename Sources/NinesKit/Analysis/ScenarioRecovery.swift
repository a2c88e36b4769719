/// How long an objective takes to come back from a scenario and how much data it may lose,
/// from the same rules as the RPO/RTO findings (`RecoveryFigures`). Hours throughout.
///
/// Recovery time:
/// - the objective survives: the worst failover of a component (in the objective's closure, not
///   itself lost) with an active-passive standby that needs something the scenario takes down, its
///   active side may have been there: detect + switch. With no such failover the surviving
///   redundancy carries the load, and the recovery is 0.
/// - the objective is down: the longest recovery of what was lost: each lost component is recovered
///   whole, with no standby to fail over to and no replica to copy from, so `RecoveryFigures` of it
///   without failover and replication: the longer of its restore and its repair time.
///
/// Data at risk: a failover loses what its replication has not copied (sync 0, async the lag,
/// none the backups'); a lost data store, one named down or cut off from everything it needs, falls
/// back to its backups (interval + duration), or loses everything when it has none.
package struct ScenarioRecovery: Hashable, Sendable, Codable {
    /// Worst-case time until the objective is back; nil when a lost component's recovery is unknown.
    public let hours: Double?
    /// What the recovery time comes from.
    public let basis: Basis
    /// The components the recovery time and the data at risk come from, in model order.
    public let steps: [Step]
    /// Lost components (in the closure) whose recovery time the model does not give.
    public let unknown: [String]

    package enum Basis: String, Hashable, Sendable, Codable {
        /// Nothing in the objective's closure is lost.
        case unaffected
        /// Surviving redundancy takes over with no interruption the model knows of.
        case redundancy
        /// A standby takes over: detect + switch.
        case failover
        /// The objective waits for what was lost to be repaired or restored.
        case recovery
    }

    /// One component's part.
    package struct Step: Hashable, Sendable, Codable {
        public let component: String
        /// Fails over to a standby, or is recovered whole.
        public let action: Action
        /// Its recovery time, hours; nil when unknown.
        public let hours: Double?
        /// Its data at risk, hours of writes; nil when it keeps no data or has no protection.
        public let dataAtRisk: Double?
        /// Keeps data with neither replication nor backups: everything may be lost.
        public let unprotected: Bool
        /// What the recovery and the data at risk come from (`RecoveryFigures`' words).
        public let rtoBasis: RecoveryFigures.RTOBasis?
        public let rpoBasis: RecoveryFigures.RPOBasis?

        package enum Action: String, Hashable, Sendable, Codable { case failover, recover }
    }

    /// The longest data loss of the steps (hours); nil when none keeps protected data.
    public var worstDataAtRisk: Double? { steps.compactMap(\.dataAtRisk).max() }
    /// Steps that keep data without protection.
    public var unprotected: [String] { steps.filter(\.unprotected).map(\.component) }

    /// - Parameter isCutOff: whether a component is down while the scenario lasts, with every
    ///   component not named in the scenario up (its whole closure considered).
    init(_ objective: Objective, scenario: Scenario, survives: Bool, model: SystemModel, index: [String: Int],
         isCutOff: (String) -> Bool) {
        let named = Set(scenario.down)
        let closure = DependencyClosure.of(objective.components, in: model, index: index).compactMap { index[$0].map { model.components[$0] } }
        var steps: [Step] = []
        for component in closure {
            if named.contains(component.name) || (component.data != nil && isCutOff(component.name)) {
                steps.append(Self.recovered(component))
            } else if let failover = component.failover, failover.mode == .activePassive,
                      DependencyClosure.of(component.dependencyNames, in: model, index: index).contains(where: named.contains) {
                let figures = RecoveryFigures(component)
                steps.append(Step(component: component.name, action: .failover, hours: failover.detect + failover.switchover,
                                  dataAtRisk: figures.rpo, unprotected: figures.unprotected, rtoBasis: .failover, rpoBasis: figures.rpoBasis))
            }
        }
        self.steps = steps
        let timed = steps.filter { survives ? $0.action == .failover : $0.action == .recover }
        unknown = timed.filter { $0.hours == nil }.map(\.component)
        if !survives {
            basis = .recovery
            hours = unknown.isEmpty ? timed.compactMap(\.hours).max() ?? 0 : nil
        } else if timed.isEmpty {
            basis = steps.isEmpty && !closure.contains(where: { named.contains($0.name) }) ? .unaffected : .redundancy
            hours = 0
        } else {
            basis = .failover
            hours = timed.compactMap(\.hours).max() ?? 0
        }
    }

    /// A component recovered whole: no standby to switch to, no replica to copy from.
    private static func recovered(_ component: Component) -> Step {
        var whole = component
        whole.failover = nil
        whole.data?.replication = .none
        let figures = RecoveryFigures(whole)
        return Step(component: component.name, action: .recover, hours: figures.rto, dataAtRisk: figures.rpo,
                    unprotected: figures.unprotected, rtoBasis: figures.rtoBasis, rpoBasis: figures.rpoBasis)
    }
}
