/// Reads `scenarios:`: each a name with the components it takes `down`, an optional
/// `description` and disruption `class`. Names are checked against the components by `ModelValidator`.
extension ModelDocumentReader {
    static let scenarioKeys = ["down", "description", "class"]

    func readScenarios(_ value: YAMLValue) -> [Scenario] {
        readEntries(value, what: "scenarios") { readScenario(name: $0, at: $1, $2) }.read
    }

    private func readScenario(name: String, at location: ModelLocation, _ body: YAMLValue) -> Scenario? {
        guard let fields = MappingReader(body, context: "scenario '\(name)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: Self.scenarioKeys) }
        let disruptionClass = fields.choice("class", as: DisruptionClass.self)
        let description = fields.string("description")
        guard let down = fields.nameList("down", required: !fields.misspells("down", known: Self.scenarioKeys)) else { return nil }
        if down.isEmpty {
            diagnostics.error(fields.keyLocation("down"), "'down' of scenario '\(name)' is empty; list the components the scenario takes down")
            return nil
        }
        return Scenario(name: name, down: down.map(\.name), description: description, disruptionClass: disruptionClass,
                        location: location, downLocations: down.map(\.location))
    }
}
