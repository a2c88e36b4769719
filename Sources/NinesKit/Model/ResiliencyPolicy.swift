/// How fast, and with how little data lost, the system must come back from one class of
/// disruption (`policies:`, after AWS Resilience Hub's resiliency policies). Hours.
public struct ResiliencyPolicy: Hashable, Sendable {
    public var disruptionClass: DisruptionClass
    /// Longest allowed recovery of any objective from a scenario of this class.
    public var rto: Double?
    /// Most data (hours of writes) any objective may lose in a scenario of this class.
    public var rpo: Double?
    public var location: ModelLocation

    public init(disruptionClass: DisruptionClass, rto: Double? = nil, rpo: Double? = nil,
                location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1)) {
        self.disruptionClass = disruptionClass
        self.rto = rto
        self.rpo = rpo
        self.location = location
    }
}
