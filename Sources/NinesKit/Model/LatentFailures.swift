/// A part whose failures stay hidden until a drill finds them (`latent: {test_every: 90d,
/// test_duration: 1h, coverage: 95%, demand_every: 5y}`): a standby, a backup or a failover path
/// nobody uses until it is needed (docs/patterns.md, "Latent failures and drills"). Untested
/// recovery is not recovery; a drill that misses part of the failures leaves that part to a real
/// demand.
package struct LatentFailures: Hashable, Sendable {
    /// Hours between the starts of two drills.
    public var testEvery: Double
    /// Hours a drill takes the part out of service.
    public var testDuration: Double
    /// Share of the failures a drill finds (proof-test coverage), in (0, 1].
    public var coverage: Double
    /// Hours between the real demands (or the mission's end) that reveal the failures a drill
    /// misses; nil with full coverage.
    public var demandEvery: Double?
    /// Where `latent:` is written.
    public var location: ModelLocation
    /// The instance as the model states it, before the drills were folded into `figures` at load
    /// (LatentFolding); the simulator plays its failures and repairs with the drills on a calendar.
    public var undrilled: UnitFigures?

    public init(testEvery: Double, testDuration: Double, coverage: Double = 1, demandEvery: Double? = nil, location: ModelLocation) {
        self.testEvery = testEvery
        self.testDuration = testDuration
        self.coverage = coverage
        self.demandEvery = demandEvery
        self.location = location
    }
}
