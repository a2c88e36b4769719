/// Standby redundancy (`standby: {mode: cold, dormant_rate: 1/y, switch: {success: 99%, time: 30s}}`):
/// of a component's replicas, `needs` carry the load and the rest wait, failing at the dormant rate
/// (cold: never, warm: `dormant_rate`, hot: as fast as an active one). When an active instance fails,
/// a switch brings a waiting one in: it takes `switch.time` and works with `switch.success`; a failed
/// switch leaves the component down until a repair ends. docs/patterns.md, "Standby".
package struct Standby: Hashable, Sendable {
    package enum Mode: String, Hashable, Sendable, CaseIterable { case cold, warm, hot }

    package var mode: Mode
    /// Failure rate per hour of a waiting instance, as the mode gives it (cold 0; hot: the stated
    /// rate, filled in at load); `nil` until then for hot.
    package var dormantRate: Double?
    /// Probability that a switch to a waiting instance works.
    package var switchSuccess: Double
    /// Hours a working switch takes, the component down meanwhile.
    package var switchTime: Double
    package var location: ModelLocation
    /// The block as the model states it, before StandbyFolding made the component one unit with
    /// the block's figures; the simulator plays these instances.
    package var stated: Units?

    /// The instances of the block as stated.
    package struct Units: Hashable, Sendable {
        package var figures: UnitFigures
        package var replicas: Int
        package var needs: Int
    }

    package init(mode: Mode, dormantRate: Double?, switchSuccess: Double, switchTime: Double, location: ModelLocation) {
        self.mode = mode
        self.dormantRate = dormantRate
        self.switchSuccess = switchSuccess
        self.switchTime = switchTime
        self.location = location
    }
}
