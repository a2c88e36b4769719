/// What the structural advice candidates ask of the whole model, worked out once per advice run:
/// asked per component, the same scans made `nines advise` quadratic (131 s on the 10,000-component
/// pool, where each candidate source copied every component for every component).
struct AdviceModelLookups: Sendable {
    /// Position of each component by name (the first, as the loader keeps names unique).
    let position: [String: Int]
    /// Positions of the components that depend on each name, in model order.
    let callers: [String: [Int]]
    /// The sets of places the model already spreads replicas over: each declared pool's members,
    /// then each placed component's distinct targets, in model order.
    let placeSets: [[String]]
    /// Every name in `placeSets`.
    let placeNames: Set<String>
    /// Names that a place depends on (what the places themselves run on).
    let underPlaces: Set<String>
    /// Positions of the components of each declared kind, in model order.
    let byKind: [ComponentKind: [Int]]

    init(_ model: SystemModel) {
        var position: [String: Int] = [:]
        var callers: [String: [Int]] = [:]
        var byKind: [ComponentKind: [Int]] = [:]
        for (index, component) in model.components.enumerated() {
            if position[component.name] == nil { position[component.name] = index }
            for name in Set(component.dependencyNames) { callers[name, default: []].append(index) }
            if let kind = component.kind { byKind[kind, default: []].append(index) }
        }
        let placeSets = model.pools.map(\.members) + model.components.compactMap { placed in
            placed.placement.map { placement in
                var seen = Set<String>()
                return placement.targets.filter { seen.insert($0).inserted }
            }
        }
        let placeNames = Set(placeSets.joined())
        var underPlaces = Set<String>()
        for component in model.components where placeNames.contains(component.name) {
            underPlaces.formUnion(component.dependencyNames)
        }
        self.position = position
        self.callers = callers
        self.placeSets = placeSets
        self.placeNames = placeNames
        self.underPlaces = underPlaces
        self.byKind = byKind
    }
}
