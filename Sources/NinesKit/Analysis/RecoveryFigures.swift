/// How much data one component may lose (RPO) and how long one of its outages takes to recover
/// (RTO), as its `data`, `failover` and repair time say. Hours throughout.
///
/// RPO: synchronous replication loses nothing (0); asynchronous replication loses its lag; without
/// replication, backups every T taking D lose at worst T + D (the failure strikes just before the
/// next backup completes) and on average T/2 + D. A component that declares `data` with neither is
/// unprotected. A component without `data` keeps no data of its own.
///
/// RTO: the longest of the recoveries the component declares: a failover (detect + switch, or its
/// MTTR when a switch may fail), a restore from backup (when there is no replica to fail over to),
/// and otherwise its repair time (MTTR). Unknown when none of these is given.
public struct RecoveryFigures: Hashable, Sendable, Codable {
    public let component: String
    /// Worst-case data loss; nil when the component keeps no data or is unprotected.
    public let rpo: Double?
    /// Mean data loss; nil when the component keeps no data or is unprotected.
    public let meanRPO: Double?
    /// What the RPO comes from.
    public let rpoBasis: RPOBasis?
    /// Declares `data` but neither replication nor backups: everything since the start may be lost.
    public let unprotected: Bool
    /// Worst-case recovery time of one outage; nil when unknown.
    public let rto: Double?
    /// What the RTO comes from.
    public let rtoBasis: RTOBasis?
    /// The time to notice an outage, part of a repair-based RTO (`detect:`); nil when not monitored.
    public let detection: Double?

    public enum RPOBasis: String, Hashable, Sendable, Codable {
        case syncReplication = "sync replication", asyncReplication = "async replication"
        case backups, unprotected = "no replication or backups"
    }

    public enum RTOBasis: String, Hashable, Sendable, Codable {
        case failover, failedSwitch = "repair after a failed switch", restore = "restore from backup", repair
    }

    public init(_ component: Component) {
        self.component = component.name
        var rpo: Double?, meanRPO: Double?, rpoBasis: RPOBasis?
        var unprotected = false
        if let data = component.data {
            switch data.replication {
            case .sync:
                (rpo, meanRPO, rpoBasis) = (0, 0, .syncReplication)
            case .async:
                let lag = data.lag ?? 0
                (rpo, meanRPO, rpoBasis) = (lag, lag, .asyncReplication)
            case .none:
                if let every = data.backupEvery {
                    let duration = data.backupDuration ?? 0
                    rpo = every + duration
                    meanRPO = every / 2 + duration
                    rpoBasis = .backups
                } else {
                    unprotected = true
                    rpoBasis = .unprotected
                }
            }
        }
        var recoveries: [(hours: Double, basis: RTOBasis)] = []
        if let failover = component.failover {
            recoveries.append((failover.detect + failover.switchover, .failover))
            if failover.success < 1, let mttr = component.figures.mttr { recoveries.append((mttr, .failedSwitch)) }
        }
        if let data = component.data, data.replication == .none, let restore = data.restore {
            recoveries.append((restore, .restore))
        }
        if component.failover == nil, let mttr = component.figures.mttr { recoveries.append((mttr, .repair)) }
        let worst = recoveries.max { $0.hours < $1.hours }
        self.rpo = rpo
        self.meanRPO = meanRPO
        self.rpoBasis = rpoBasis
        self.unprotected = unprotected
        rto = worst?.hours
        rtoBasis = worst?.basis
        detection = component.detect
    }
}

/// RPO and RTO over what an objective needs, without the components excluded from the SLA
/// (customer-responsible, out of scope). Data can be lost on any component of the dependency
/// closure, so the RPO looks at all of them; an outage of the objective only lasts as long as its
/// recovery when one component takes it down alone, so the RTO looks at its single points of
/// failure (a redundant member's repair happens while its peers carry the load).
public struct ObjectiveRecovery: Hashable, Sendable {
    /// In-scope components of the closure, in model order.
    public let components: [RecoveryFigures]
    /// In-scope single points of failure, in model order.
    public let singlePoints: [RecoveryFigures]
    /// Requests a write-ahead door the objective needs or follows stored before processing them:
    /// not lost in an outage behind the door (RPO 0 for them), in model order.
    package let acceptedRequests: [AcceptedRequests]

    public init(_ objective: Objective, in model: SystemModel, singlePointsOfFailure: [String], index: [String: Int]? = nil) {
        self.init(objective, in: model, singlePointsOfFailure: singlePointsOfFailure, index: index ?? DependencyClosure.index(model),
                  hasWriteAhead: Self.hasWriteAhead(model), figures: { RecoveryFigures(model.components[$0]) })
    }

    /// `figures` gives the recovery figures of the component at a position of `model.components`:
    /// `SLAPrediction` works each out once for all objectives, which share most of their closures,
    /// and asks `hasWriteAhead` once, not once per objective (a scan of every component).
    /// `dependencies`: the model's dependencies resolved to positions, when the caller has them.
    init(_ objective: Objective, in model: SystemModel, singlePointsOfFailure: [String], index: [String: Int],
         dependencies: ResolvedDependencies? = nil, hasWriteAhead: Bool, figures: (Int) -> RecoveryFigures) {
        let closure = dependencies.map { DependencyClosure.positions(objective.components, index: index, dependencies: $0) }
            ?? DependencyClosure.positions(objective.components, in: model, index: index)
        components = closure
            .filter { model.components[$0].responsibility.countsAgainstSLA }
            .map(figures)
        let single = Set(singlePointsOfFailure)
        singlePoints = components.filter { single.contains($0.component) }
        acceptedRequests = hasWriteAhead
            ? AcceptedRequests.on(objective, closure: Set(closure.map { model.components[$0].name }), in: model, index: index) : []
    }

    /// Whether any component of `model` has a write-ahead door (by index: iterating the components
    /// would copy each one).
    static func hasWriteAhead(_ model: SystemModel) -> Bool {
        model.components.indices.contains { model.components[$0].writeAhead != nil }
    }

    /// The component that may lose the most data (ties: first in model order).
    public var worstRPO: RecoveryFigures? {
        components.filter { $0.rpo != nil }.reduce(nil) { worst, next in
            guard let worst, let a = worst.rpo, let b = next.rpo else { return next }
            return b > a ? next : worst
        }
    }

    /// The single point of failure whose recovery takes longest (ties: first in model order).
    public var worstRTO: RecoveryFigures? {
        singlePoints.filter { $0.rto != nil }.reduce(nil) { worst, next in
            guard let worst, let a = worst.rto, let b = next.rto else { return next }
            return b > a ? next : worst
        }
    }

    /// Components that keep data with no protection at all.
    public var unprotected: [String] { components.filter(\.unprotected).map(\.component) }

    /// In-scope components with no detection time (`detect:`), in model order.
    public var unmonitored: [String] { components.filter { $0.detection == nil }.map(\.component) }

    /// Single points of failure whose recovery time the model does not give.
    public var unknownRTO: [String] { singlePoints.filter { $0.rto == nil }.map(\.component) }
}
