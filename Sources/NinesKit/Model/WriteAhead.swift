/// Store-and-forward at a front door (`accepts_when_down: {store: job-store, retention: 24h}`):
/// each request is written to the store before it is processed, so the door keeps accepting
/// while what processes the requests is down, for as long as the store keeps them
/// (docs/patterns.md, "Write-ahead").
package struct WriteAhead: Hashable, Sendable {
    /// The component the requests are persisted in; the door still needs it (and what it needs).
    public var store: String
    /// How long a stored request is kept, hours: an outage downstream longer than this refuses
    /// (and loses) requests.
    public var retention: Double
    /// A request that completes within this long of being accepted counts as completed by the
    /// flows behind the door, hours; nil: a late completion is a failed one.
    public var deadline: Double?
    /// The direct dependencies the door forwards stored requests to; nil: every direct
    /// dependency except the store and what the store needs. Once loaded, always the resolved list
    /// (the door's `depends_on` no longer holds them).
    public var downstream: [String]?
    /// Where `accepts_when_down:` is written, and where its `store` and `downstream` names are.
    public var location: ModelLocation
    public var storeLocation: ModelLocation
    public var downstreamLocations: [ModelLocation]

    public init(store: String, retention: Double, deadline: Double? = nil, downstream: [String]? = nil,
                location: ModelLocation, storeLocation: ModelLocation, downstreamLocations: [ModelLocation] = []) {
        self.store = store
        self.retention = retention
        self.deadline = deadline
        self.downstream = downstream
        self.location = location
        self.storeLocation = storeLocation
        self.downstreamLocations = downstreamLocations
    }

    /// How long a downstream outage may last and the stored requests still complete in time:
    /// the deadline, and never past the retention (an expired request never completes).
    public var completionWindow: Double? { deadline.map { min($0, retention) } }
}
