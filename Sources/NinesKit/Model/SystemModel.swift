/// A whole system as described by one model file (or several merged): validated, names resolved.
///
/// Built only by `ModelLoader` (or by tests); the analysis takes it as read-only input.
public struct SystemModel: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var period: Period
    public var calendar: CalendarConvention
    /// User-declared layers with their descriptions, in declaration order (built-in layers need no entry).
    public var layers: [Layer]
    /// Components in model order.
    public var components: [Component]
    public var objectives: [Objective]
    /// Disruptions the model is asked about (`nines scenario`), in model order.
    public var scenarios: [Scenario] = []
    /// Recovery objectives per disruption class (`policies:`), checked on the scenarios by `nines check`.
    public var policies: [ResiliencyPolicy] = []
    /// The files the model was read from.
    public var sources: [String]

    public init(name: String, description: String? = nil, period: Period = .month, calendar: CalendarConvention = .standard,
                layers: [Layer] = [], components: [Component], objectives: [Objective] = [], sources: [String] = []) {
        self.name = name
        self.description = description
        self.period = period
        self.calendar = calendar
        self.layers = layers
        self.components = components
        self.objectives = objectives
        self.sources = sources
    }

    public func component(named name: String) -> Component? {
        components.first { $0.name == name }
    }

    /// Components nothing else depends on: the tops of the stack diagram, in model order.
    public var roots: [Component] {
        var used = Set<String>()
        for component in components {
            for dependency in component.dependencies {
                switch dependency {
                case .component(let name, _): used.insert(name)
                case .group(_, let members, _): used.formUnion(members)
                }
            }
        }
        return components.filter { !used.contains($0.name) }
    }
}

/// A layer of the stack diagram (software, platform, physical, external, or one the model declares).
public struct Layer: Hashable, Sendable {
    public var name: String
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }

    public static let builtIn = ["software", "platform", "physical", "network", "data", "external"]
}
