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
    /// Whether any component has a detection time: then the report lists the unmonitored ones.
    public var usesDetection: Bool { components.contains { $0.detect != nil } }

    /// Components in model order.
    public var components: [Component]
    public var objectives: [Objective]
    /// Disruptions the model is asked about (`nines scenario`), in model order.
    public var scenarios: [Scenario] = []
    /// Recovery objectives per disruption class (`policies:`), checked on the scenarios by `nines check`.
    public var policies: [ResiliencyPolicy] = []
    /// The files the model was read from.
    public var sources: [String]
    /// Declared sets of places (`pools:`) that placements spread replicas over, in declaration order.
    public var pools: [Pool] = []
    /// The `--set PATH=VALUE` overrides applied on top of the files, as given (empty for none).
    public var overrides: [String] = []
    /// What design changes cost (`costs:`), for `nines advise`; nil when the model says nothing.
    public var costs: ChangeCosts?
    /// Repair crews (`repair_crews:`), in declaration order.
    package var crews: [RepairCrew] = []
    /// Each crew's solved queue (CrewFolding), in `crews` order: the joint distribution of its
    /// members' states that the analysis conditions on.
    package var crewQueues: [CrewQueueFigures] = []

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

    /// Components nothing else depends on: the tops of the stack diagram, in model order. A cache
    /// (`cache:`) that nothing lists is not one: its failure only unmasks what it fronts; nor is
    /// what a write-ahead door forwards its stored requests to (`accepts_when_down`): the door is;
    /// nor is a soft dependency: its failure only degrades its callers.
    public var roots: [Component] {
        var used = Set<String>()
        for component in components {
            used.formUnion(component.writeAhead?.downstream ?? [])
            for dependency in component.dependencies {
                switch dependency {
                case .component(let name, _): used.insert(name)
                case .group(_, let members, _): used.formUnion(members)
                }
            }
        }
        return components.filter { !used.contains($0.name) && $0.cache == nil && !$0.usedSoftly }
    }
}

/// A layer of the stack diagram (software, platform, physical, external, or one the model declares).
public struct Layer: Hashable, Sendable {
    public var name: String
    public var description: String?
    /// Default time to notice an outage of the layer's components (`detect:`), hours.
    public var detect: Double?

    public init(name: String, description: String? = nil, detect: Double? = nil) {
        self.name = name
        self.description = description
        self.detect = detect
    }

    public static let builtIn = ["software", "platform", "physical", "network", "data", "external"]
}
