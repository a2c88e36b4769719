/// Short blips of a component (`transient: {rate: 20/d, duration: 2s}`): the network between
/// subsystems drops calls now and then for a moment. A strict availability counts each blip as
/// down time (docs/patterns.md, "Transient faults").
public struct TransientFaults: Hashable, Sendable {
    /// Blips per hour of up time.
    public var rate: Double
    /// How long each blip lasts, hours.
    public var duration: Double
    /// Where `transient:` is written.
    public var location: ModelLocation

    public init(rate: Double, duration: Double, location: ModelLocation) {
        self.rate = rate
        self.duration = duration
        self.location = location
    }
}
