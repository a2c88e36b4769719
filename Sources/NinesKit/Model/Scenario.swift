/// A disruption the model is asked about (`scenarios:`): some components certainly down
/// (a zone, a region, a provider), everything else as modelled.
public struct Scenario: Hashable, Sendable {
    public var name: String
    /// The components that are down while the scenario lasts, in the order written.
    public var down: [String]
    public var description: String?
    /// The disruption class stated with `class:`, when it is (else see `DisruptionClass.inferred`).
    public var disruptionClass: DisruptionClass?
    public var location: ModelLocation
    /// Where each of `down` is written (parallel to `down`; empty when built in code).
    public var downLocations: [ModelLocation]

    public init(name: String, down: [String], description: String? = nil, disruptionClass: DisruptionClass? = nil,
                location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1), downLocations: [ModelLocation] = []) {
        self.name = name
        self.down = down
        self.description = description
        self.disruptionClass = disruptionClass
        self.location = location
        self.downLocations = downLocations
    }
}

/// How wide a disruption is, as resiliency policies group them (after AWS Resilience Hub's
/// application / infrastructure / availability zone / region disruption types).
public enum DisruptionClass: String, Hashable, Sendable, Codable, CaseIterable {
    /// One component (a service, a database, a node) lost.
    case component
    /// A zone (a data centre, an availability zone) lost, with everything placed in it.
    case zone
    /// A whole region lost.
    case region
    /// An external provider lost.
    case provider

    /// The class of a scenario that does not state one, from the layer and kind of what it takes
    /// down: a site (a zone, a data centre: kind `site`, or the `physical` layer) makes it a zone
    /// disruption, a third party (kind `external-api` or `identity`, or the `external` layer) a
    /// provider disruption, anything else a component disruption; the widest wins. A region
    /// cannot be told from a layer: say `class: region`.
    public static func inferred(from components: [Component]) -> DisruptionClass {
        var widest = DisruptionClass.component
        for component in components {
            let own: DisruptionClass = switch component.effectiveKind {
            case .site: .zone
            case .externalAPI, .identity: .provider
            default: .component
            }
            if own.width > widest.width { widest = own }
        }
        return widest
    }

    /// Order by breadth: a provider outage is counted as wide as a region's.
    var width: Int {
        switch self {
        case .component: 0
        case .zone: 1
        case .provider: 2
        case .region: 3
        }
    }
}
