/// A part whose failures stay hidden until a drill finds them (`latent: {test_every: 90d,
/// test_duration: 1h}`): a standby, a backup or a failover path nobody uses until it is needed
/// (docs/patterns.md, "Latent failures and drills"). Untested recovery is not recovery.
package struct LatentFailures: Hashable, Sendable {
    /// Hours between the starts of two drills.
    public var testEvery: Double
    /// Hours a drill takes the part out of service.
    public var testDuration: Double
    /// Where `latent:` is written.
    public var location: ModelLocation
    /// The instance as the model states it, before the drills were folded into `figures` at load
    /// (LatentFolding); the simulator plays its failures and repairs with the drills on a calendar.
    public var undrilled: UnitFigures?

    public init(testEvery: Double, testDuration: Double, location: ModelLocation) {
        self.testEvery = testEvery
        self.testDuration = testDuration
        self.location = location
    }
}
