/// One outage of one component from an incident log: when it started and ended (seconds since
/// 1970-01-01T00:00:00Z), located at its row so later checks can point at it.
package struct Incident: Hashable, Sendable {
    public var component: String
    public var start: Double
    public var end: Double
    public var id: String?
    public var cause: String?
    public var customerImpact: String?
    public var location: ModelLocation

    public init(component: String, start: Double, end: Double, id: String? = nil, cause: String? = nil,
                customerImpact: String? = nil, location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1)) {
        self.component = component
        self.start = start
        self.end = end
        self.id = id
        self.cause = cause
        self.customerImpact = customerImpact
        self.location = location
    }

    /// Length of the outage, hours.
    public var hours: Double { (end - start) / 3600 }
}
