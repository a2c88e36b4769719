/// One box of the stack diagram: a service, a node, a zone, a provider.
///
/// Times are in hours and rates per hour throughout.
public struct Component: Hashable, Sendable {
    public var name: String
    public var layer: String
    /// What the component is (`kind:`), when the model says; only FMEA prompts use it.
    public var kind: ComponentKind?
    /// How reliable one instance is, as the model stated it.
    public var figures: UnitFigures
    /// Number of identical instances (replicas); at least 1.
    public var replicas: Int
    /// Instances that must be up for the component to be up (k of n); 1 ≤ needs ≤ replicas.
    public var needs: Int
    /// Beta factor: the share of an instance's failures that take every replica down at once.
    public var commonCause: Double
    public var dependencies: [Dependency]
    public var responsibility: Responsibility
    public var failover: Failover? {
        get { patterns.stored?.fields.failover }
        set { patterns.set(\.failover, newValue, absent: newValue == nil) }
    }
    public var data: DataProtection? {
        get { patterns.stored?.fields.data }
        set { patterns.set(\.data, newValue, absent: newValue == nil) }
    }
    /// Outages of this component shorter than this window are hidden from its callers (hours).
    public var maskedFor: Double? {
        get { patterns.stored?.fields.maskedFor }
        set { patterns.set(\.maskedFor, newValue, absent: newValue == nil) }
    }
    public var description: String?
    public var location: ModelLocation
    /// The rarely set fields below, out of line (ComponentPatterns).
    private var patterns = ComponentPatterns()
    /// Time to failure of one instance, when the model gives a distribution (`failure:`); else
    /// exponential from the figures. Only the simulator looks past its mean.
    public var failure: TimeDistribution? {
        get { patterns.stored?.fields.failure }
        set { patterns.set(\.failure, newValue, absent: newValue == nil) }
    }
    /// Time to repair of one instance, when the model gives a distribution (`repair:`); else
    /// exponential with the MTTR.
    public var repair: TimeDistribution? {
        get { patterns.stored?.fields.repair }
        set { patterns.set(\.repair, newValue, absent: newValue == nil) }
    }
    /// Where the replicas run (`placement:`); the expanded model keeps it on the placed component.
    public var placement: Placement? {
        get { patterns.stored?.fields.placement }
        set { patterns.set(\.placement, newValue, absent: newValue == nil) }
    }
    /// Set on the hidden components the loader makes for a placed component's replicas.
    public var placedReplica: PlacedReplica? {
        get { patterns.stored?.fields.placedReplica }
        set { patterns.set(\.placedReplica, newValue, absent: newValue == nil) }
    }
    /// Time to notice an outage (`detect:`, or its layer's default), hours. Once loaded, it is
    /// already part of `figures.mttr`: every outage lasts the detection plus the repair.
    public var detect: Double?
    /// This component is a cache or queue in front of another (`cache:`), hiding its short outages.
    public var cache: Cache? {
        get { patterns.stored?.fields.cache }
        set { patterns.set(\.cache, newValue, absent: newValue == nil) }
    }
    /// `idempotent:` as stated; only the idempotency check reads it.
    public var idempotency: Idempotency? {
        get { patterns.stored?.fields.idempotency }
        set { patterns.set(\.idempotency, newValue, absent: newValue == nil) }
    }
    /// Short blips (`transient:`); once loaded, already part of `figures` (TransientFolding).
    public var transient: TransientFaults? {
        get { patterns.stored?.fields.transient }
        set { patterns.set(\.transient, newValue, absent: newValue == nil) }
    }
    /// Retries of this component's calls to its dependencies (`retry:`); once loaded, already
    /// credited as windows on the dependencies (RetryWindows).
    public var retry: RetryPolicy? {
        get { patterns.stored?.fields.retry }
        set { patterns.set(\.retry, newValue, absent: newValue == nil) }
    }
    /// Store-and-forward of the requests this front door accepts (`accepts_when_down:`); once
    /// loaded, already credited as windows on what is behind it (WriteAheadWindows).
    package var writeAhead: WriteAhead? {
        get { patterns.stored?.fields.writeAhead }
        set { patterns.set(\.writeAhead, newValue, absent: newValue == nil) }
    }
    /// Outages of this component shorter than this window delay the stored requests of a
    /// write-ahead door in front of it without failing them (hours): what flows (`path`) hide.
    /// Set by the loader only (WriteAheadWindows).
    public var completionWindow: Double? {
        get { patterns.stored?.fields.completionWindow }
        set { patterns.set(\.completionWindow, newValue, absent: newValue == nil) }
    }
    /// Dependencies the component can do without (`{on: …, soft: true}` or `fallback:` entries of
    /// `depends_on`); once loaded, `dependencies` holds the tolerant structure (SoftDependencyResolution).
    package var softDependencies: [SoftDependency] {
        get { patterns.stored?.fields.softDependencies ?? [] }
        set { patterns.set(\.softDependencies, newValue, absent: newValue.isEmpty) }
    }
    /// `bulkhead: true`: a hang of any soft dependency is confined to the flows that need it,
    /// instead of exhausting this component's shared resources.
    public var bulkhead = false
    /// The share of this component's outages that are hangs (`hangs: 30%`): calls wait instead of
    /// failing, and a caller without a bulkhead stops with them.
    public var hangs: Double? {
        get { patterns.stored?.fields.hangs }
        set { patterns.set(\.hangs, newValue, absent: newValue == nil) }
    }
    /// Where `hangs:` is written.
    public var hangsLocation: ModelLocation? {
        get { patterns.stored?.fields.hangsLocation }
        set { patterns.set(\.hangsLocation, newValue, absent: newValue == nil) }
    }
    /// Set on the hidden component `NAME#hang` the loader makes for the hanging share of `NAME`'s outages.
    public var hangOf: String? {
        get { patterns.stored?.fields.hangOf }
        set { patterns.set(\.hangOf, newValue, absent: newValue == nil) }
    }
    /// Set on a component whose hanging share the loader split off: that hidden component's name.
    public var hangPart: String? {
        get { patterns.stored?.fields.hangPart }
        set { patterns.set(\.hangPart, newValue, absent: newValue == nil) }
    }
    /// Some caller depends on this component softly: then it is no root of the system (set by the loader).
    public var usedSoftly = false
    /// Failures found only by periodic drills (`latent:`); once loaded, the drilled mean
    /// unavailability is already part of `figures` (LatentFolding).
    package var latent: LatentFailures? {
        get { patterns.stored?.fields.latent }
        set { patterns.set(\.latent, newValue, absent: newValue == nil) }
    }
    /// Planned windows out of service (`maintenance:`); once loaded, already part of `figures`
    /// (MaintenanceFolding), the windowless unit kept in `maintenance.unmaintained`.
    package var maintenance: Maintenance? {
        get { patterns.stored?.fields.maintenance }
        set { patterns.set(\.maintenance, newValue, absent: newValue == nil) }
    }
    /// Cold, warm or hot standby of the replicas beyond `needs` (`standby:`); once loaded, the
    /// component is one unit with the block's figures (StandbyFolding), the stated instances kept
    /// in `standby.stated`.
    package var standby: Standby? {
        get { patterns.stored?.fields.standby }
        set { patterns.set(\.standby, newValue, absent: newValue == nil) }
    }
    /// The repair crew that repairs this component (`crew:`); once loaded, the component is one
    /// unit with its figures from the crew's chain (CrewFolding), the stated instances kept in
    /// `crew.stated`.
    package var crew: CrewMembership? {
        get { patterns.stored?.fields.crew }
        set { patterns.set(\.crew, newValue, absent: newValue == nil) }
    }
    /// Another team's promise this component stands for (`slo:` or `from:`); its target is
    /// already the component's `figures`.
    package var promise: DependencyPromise? {
        get { patterns.stored?.fields.promise }
        set { patterns.set(\.promise, newValue, absent: newValue == nil) }
    }
    /// What the modeller does not know about `figures` (ranges or distributions on the inputs);
    /// `figures` hold the inputs' medians. Only the uncertainty propagation reads it.
    package var uncertainty: InputUncertainty? {
        get { patterns.stored?.fields.uncertainty }
        set { patterns.set(\.uncertainty, newValue, absent: newValue == nil) }
    }
    /// The Kubernetes pods (or external host) this component stands for (`selector:`); only
    /// chaos experiments (`nines scenario --format chaos-mesh|litmus`) read it.
    package var selector: KubernetesSelector? {
        get { patterns.stored?.fields.selector }
        set { patterns.set(\.selector, newValue, absent: newValue == nil) }
    }

    public init(
        name: String, layer: String, figures: UnitFigures, replicas: Int = 1, needs: Int = 1,
        commonCause: Double = 0, dependencies: [Dependency] = [], responsibility: Responsibility = .ours,
        failover: Failover? = nil, data: DataProtection? = nil, maskedFor: Double? = nil,
        description: String? = nil, location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1)
    ) {
        self.name = name
        self.layer = layer
        self.figures = figures
        self.replicas = replicas
        self.needs = needs
        self.commonCause = commonCause
        self.dependencies = dependencies
        self.responsibility = responsibility
        self.description = description
        self.location = location
        self.failover = failover
        self.data = data
        self.maskedFor = maskedFor
    }

    /// The declared kind, else the one its layer suggests.
    public var effectiveKind: ComponentKind { kind ?? ComponentKind.inferred(fromLayer: layer) }

    /// Made by the loader, not written in the model: a placed replica (`web#2`) or a write-ahead's
    /// expiry (`door#retention`). Their names hold '#', which no model name may.
    /// (A byte scan: `contains("#")` on a String goes through Foundation's `range(of:)`, 5,000
    /// instructions a name.)
    public var isMadeByLoader: Bool { name.utf8.contains(UInt8(ascii: "#")) }

    /// The instance as stated, before drills, maintenance windows, a crew's queue or a standby
    /// block were folded into `figures`.
    public var statedFigures: UnitFigures { maintenance?.unmaintained ?? latent?.undrilled ?? crew?.stated?.figures ?? standby?.stated?.figures ?? figures }

    /// Names of every component this one depends on directly (plain or inside groups), in model order.
    public var dependencyNames: [String] { dependencies.componentNames }
}

/// Who answers for a component's outages. Only `ours` and `provider` count against our SLA.
public enum Responsibility: String, Hashable, Sendable, Codable, CaseIterable {
    case ours, provider, customer
    /// Not part of the service at all (e.g. the user's own network); excluded like `customer`.
    case outOfScope = "out-of-scope"

    /// Whether outages of such a component count against our SLA/SLO figures.
    public var countsAgainstSLA: Bool { self == .ours || self == .provider }
}

/// The reliability of a single instance, as given in the model.
public enum UnitFigures: Hashable, Sendable {
    /// A stated availability, optionally with a mean repair time (hours) so failure frequency is known.
    case availability(Probability, mttr: Double?)
    /// Mean time between failures and mean time to repair, in hours.
    case mtbf(Double, mttr: Double)
    /// Failure rate per hour and mean time to repair in hours.
    case rate(Double, mttr: Double)

    /// Steady-state availability of one instance.
    public var probability: Probability {
        switch self {
        case .availability(let p, _): return p
        case .mtbf(let mtbf, let mttr): return .repairable(mtbf: mtbf, mttr: mttr)
        case .rate(let rate, let mttr): return .repairable(rate: rate, mttr: mttr)
        }
    }

    /// Mean repair time in hours, when known.
    public var mttr: Double? {
        switch self {
        case .availability(_, let mttr): return mttr
        case .mtbf(_, let mttr), .rate(_, let mttr): return mttr
        }
    }

    /// The same unit with these odds of being down (q/p) at the same mean repair time: the rate
    /// becomes the one that gives those odds at that repair time; without one only the
    /// availability is known.
    public func withOdds(_ odds: Double) -> UnitFigures {
        switch self {
        case .mtbf(_, let r), .rate(_, let r): return .rate(odds / r, mttr: r)
        case .availability(_, let r): return .availability(Probability(odds: odds), mttr: r)
        }
    }

    /// Failure rate λ per hour of up time, when known. For a stated availability A with repair
    /// time r, λ = (1 − A) / (A · r), the rate that reproduces A = MTBF / (MTBF + r).
    public var failureRate: Double? {
        switch self {
        case .availability(let p, let mttr):
            guard let mttr, mttr > 0, p.up > 0 else { return nil }
            return p.down / (p.up * mttr)
        case .mtbf(let mtbf, _): return 1 / mtbf
        case .rate(let rate, _): return rate
        }
    }
}

/// Active-passive failover: a failure of the active instance costs detection + switch time.
public struct Failover: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable, CaseIterable { case activePassive = "active-passive", activeActive = "active-active" }
    public var mode: Mode
    /// Time to notice the failure, hours.
    public var detect: Double
    /// Time to move the load to the standby, hours.
    public var switchover: Double
    /// Probability that a switchover succeeds (1 by default).
    public var success: Double
    public var location: ModelLocation
    /// What the stated figures are when `replicas` = `needs` (no standby listed), docs/sla.md.
    public var figures: Figures = .service

    /// What a failover's component figures describe when no standby is listed.
    public enum Figures: String, Hashable, Sendable, CaseIterable {
        /// The service as delivered, its own failover included (a provider's published SLA):
        /// the failover adds no downtime and no standby; its detect + switch is the recovery time.
        case service
        /// One instance; a standby the model does not list takes over after detect + switch.
        case instance
    }


    public init(mode: Mode, detect: Double, switchover: Double, success: Double = 1, location: ModelLocation) {
        self.mode = mode
        self.detect = detect
        self.switchover = switchover
        self.success = success
        self.location = location
    }
}

/// How a component's data survives: replication and backups give the RPO, restore the RTO.
public struct DataProtection: Hashable, Sendable {
    public enum Replication: String, Hashable, Sendable, CaseIterable { case none, sync, async }
    public var replication: Replication
    /// Asynchronous replication lag, hours.
    public var lag: Double?
    /// Interval between backups, hours.
    public var backupEvery: Double?
    /// Time a backup takes to complete, hours.
    public var backupDuration: Double?
    /// Time to restore from backup, hours.
    public var restore: Double?
    public var location: ModelLocation

    public init(replication: Replication = .none, lag: Double? = nil, backupEvery: Double? = nil,
                backupDuration: Double? = nil, restore: Double? = nil, location: ModelLocation) {
        self.replication = replication
        self.lag = lag
        self.backupEvery = backupEvery
        self.backupDuration = backupDuration
        self.restore = restore
        self.location = location
    }
}
