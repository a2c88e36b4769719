import Foundation

/// A component's own figures as the rest of the model meets them: its replicas and common cause
/// (`OwnAvailability`), plus the downtime its active-passive failover costs, plus, for callers'
/// availability only, the outages its `masked_for` window hides. These become the BDD variables.
///
/// Times in hours, frequencies per hour. See docs/sla.md for the derivations.
public struct EffectiveAvailability: Hashable, Sendable {
    /// Replicas and common cause only.
    public let own: OwnAvailability
    /// `own` with failover downtime folded in: the component as it is, before any window.
    public let delivered: OwnAvailability
    /// `own` with failover downtime folded in, and outages shorter than a write-ahead's completion
    /// window hidden (`Component.completionWindow`): what reliability (path) objectives count. With
    /// `replicas` = `needs` and failover (a standby not listed), the failover block alone: each
    /// failure costs the switchover, and the repair of the failed instance is no outage.
    public let effective: OwnAvailability
    /// `own` with failover downtime folded in and outages shorter than the masking window hidden:
    /// what availability objectives count.
    public let masked: OwnAvailability
    /// Failovers per hour (failures of an active instance while a standby is up), when failover is modelled and costed.
    public let failoversPerHour: Double?
    /// Expected downtime of one failover, hours: s·(detect + switch) + (1 − s)·MTTR.
    public let downtimePerFailover: Double?
    /// Share of the effective unavailability callers still see, e^(−w/r); nil when nothing is masked.
    public let maskedFraction: Double?
    /// Why a modelled failover or masking window could not be applied (no failure rate or repair time).
    public let notes: [String]

    public static let perfect = EffectiveAvailability(own: OwnAvailability(probability: .perfect, frequency: 0))

    /// A component with nothing beyond its own figures.
    public init(own: OwnAvailability) {
        self.own = own
        effective = own
        delivered = own
        masked = own
        failoversPerHour = nil
        downtimePerFailover = nil
        maskedFraction = nil
        notes = []
    }

    public init(_ component: Component) {
        self.init(component, own: OwnAvailability(component))
    }

    public init(_ component: Component, own: OwnAvailability) {
        self.own = own
        var notes: [String] = []
        var effective = own
        var failovers: Double?
        var perFailover: Double?
        // With no standby listed and the figures the service as delivered (the default), the
        // stated figures already include the failover: nothing to add (docs/sla.md).
        if let failover = component.failover, failover.mode == .activePassive,
           component.replicas > component.needs || failover.figures == .instance {
            if let rate = component.figures.failureRate, let mttr = component.figures.mttr {
                let cost = Self.downtimePerFailover(failover, mttr: mttr)
                let switches = Self.switchRate(unitRate: rate, unit: component.figures.probability,
                                               replicas: component.replicas, needs: component.needs, beta: component.commonCause)
                let block = Self.switchBlock(rate: switches, downtimePerFailover: cost)
                // With a standby we don't list (n = k), the failed instance is repaired in the
                // background: its repair is no outage, so the switchover block is the whole figure.
                effective = component.replicas > component.needs ? Self.series(own, block.figures) : block.figures
                failovers = block.figures.frequency
                perFailover = cost
            } else {
                notes.append("failover of '\(component.name)' not costed: it has no failure rate (give 'mttr' or 'mtbf' + 'mttr')")
            }
        }
        delivered = effective
        var masked = effective
        var fraction: Double?
        // Behind a write-ahead door with a deadline, flows see only the outages longer than it
        // (the stored requests complete late but in time); callers keep their own window.
        if let window = component.completionWindow, let frequency = effective.frequency, frequency > 0, effective.probability.down > 0 {
            effective = Self.masking(effective, window: window, meanOutage: effective.probability.down / frequency)
        }
        if let window = component.maskedFor {
            if let frequency = masked.frequency, frequency > 0, masked.probability.down > 0 {
                let meanOutage = masked.probability.down / frequency
                let seen = exp(-window / meanOutage)
                masked = Self.masking(masked, window: window, meanOutage: meanOutage)
                fraction = seen
            } else if masked.probability.down > 0 {
                notes.append("masking of '\(component.name)' not applied: its outages have no known duration (give 'mttr')")
            }
        }
        self.effective = effective
        self.masked = masked
        failoversPerHour = failovers
        downtimePerFailover = perFailover
        maskedFraction = fraction
        self.notes = notes
    }

    /// Expected downtime of one failover, hours: a successful switch (probability s) costs
    /// detection + switch time; a failed one leaves the service down until the failed instance is
    /// repaired, i.e. its MTTR. d = s·(t_detect + t_switch) + (1 − s)·MTTR.
    public static func downtimePerFailover(_ failover: Failover, mttr: Double) -> Double {
        failover.success * (failover.detect + failover.switchover) + (1 - failover.success) * mttr
    }

    /// Switchovers per hour (every failure that the failover handles).
    ///
    /// With standbys listed as replicas (n > k): one of the k active instances fails on its own
    /// (rate (1 − β)·λ each) while a standby is up to take over, i.e. at least k + 1 of the n
    /// replicas are up and no common-cause failure holds them all down:
    /// k·(1 − β)·λ·P(≥ k+1 of n up, independent part)·P(common part up). Failures with no standby
    /// left, and common-cause failures, are outages the k-of-n figure already counts.
    ///
    /// With n = k the standby is not listed (a managed database's hidden secondary): every failure
    /// switches, k independent failures at (1 − β)·λ each plus the common-cause ones at β·λ, i.e.
    /// k·λ without a common cause.
    public static func switchRate(unitRate λ: Double, unit: Probability, replicas n: Int, needs k: Int, beta: Double = 0) -> Double {
        let β = n > 1 ? beta : 0
        guard n > k else { return Double(k) * (1 - β) * λ + β * λ }
        guard β > 0 else { return Double(k) * λ * KOutOfN.probability(k: k + 1, n: n, unit: unit).up }
        let odds = unit.down / unit.up
        let independent = Probability(odds: (1 - β) * odds)
        let common = Probability(odds: β * odds)
        return Double(k) * (1 - β) * λ * KOutOfN.probability(k: k + 1, n: n, unit: independent).up * common.up
    }

    /// The switchover as a block in series with the replicas: it "fails" at the switchover rate
    /// (per hour of up time) and is "repaired" after d hours. Its odds of
    /// being down are λ·d, so q = λd / (1 + λd) and p = 1 / (1 + λd), both without cancellation;
    /// to first order it adds λ·d of unavailability: failures per period × (detect + switch).
    public static func switchBlock(rate: Double, downtimePerFailover d: Double) -> (figures: OwnAvailability, odds: Double) {
        let odds = rate * d
        let probability = Probability(up: 1 / (1 + odds), down: odds / (1 + odds))
        return (OwnAvailability(probability: probability, frequency: rate * probability.up), odds)
    }

    /// Two independent blocks in series: Q = q1 + p1·q2, w = w1·p2 + w2·p1.
    public static func series(_ a: OwnAvailability, _ b: OwnAvailability) -> OwnAvailability {
        let frequency: Double? = {
            guard let wa = a.frequency, let wb = b.frequency else { return nil }
            return wa * b.probability.up + wb * a.probability.up
        }()
        return OwnAvailability(probability: a.probability.and(b.probability), frequency: frequency)
    }

    /// Outages are exponential with mean r; a window w hides the first w hours of each. The down
    /// time callers still see per outage is E[(D − w)⁺] = r·e^(−w/r), so Q_seen = Q·e^(−w/r) and
    /// the outages they notice arrive at w·e^(−w/r). Up side: P + Q·(1 − e^(−w/r)) via expm1.
    public static func masking(_ figures: OwnAvailability, window: Double, meanOutage r: Double) -> OwnAvailability {
        let q = figures.probability.down
        let hidden = -expm1(-window / r)
        let seen = exp(-window / r)
        return OwnAvailability(probability: Probability(up: figures.probability.up + q * hidden, down: q * seen),
                               frequency: figures.frequency.map { $0 * seen })
    }
}

extension EffectiveAvailability {
    /// Every component's figures, by component index; `perfect` ones never fail.
    static func everyComponent(of model: SystemModel, perfect: Set<String>) -> [EffectiveAvailability] {
        model.components.indices.map { index in   // by index: the component is read where it is, not copied
            !perfect.isEmpty && perfect.contains(model.components[index].name) ? .perfect : EffectiveAvailability(model.components[index])
        }
    }
}
