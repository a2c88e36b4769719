/// A nines observation file: what someone watching an experiment saw, per objective.
///
///     apiVersion: nines.dev/v1
///     kind: Observation
///     scenario: zone-a-lost
///     objectives:
///       front-door: {stayed_up: true}
///       persist: {stayed_up: true, recovery: 95s, data_lost: 0s}
///
/// Every key is checked (unknown ones with a "did you mean"); names must be the model's.
extension ObservationDocument {
    static let objectiveKeys = ["stayed_up", "recovery", "data_lost"]

    func ninesObservation() -> ScenarioObservation? {
        guard let fields = MappingReader(root, context: "the observation", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["apiVersion", "kind", "scenario", "description", "objectives"]) }
        if let version = fields.string("apiVersion"), version != "nines.dev/v1" {
            diagnostics.error(fields.keyLocation("apiVersion"), "apiVersion '\(Format.oneLine(version))' of the observation is not 'nines.dev/v1'")
        }
        _ = fields.string("kind")
        _ = fields.string("description")
        let scenarioScalar = fields.scalar("scenario", required: true, expected: "the name of a scenario of the model")
        let named = scenarioScalar.flatMap { scenario($0.text, at: $0.location) }
        guard let body = fields.value("objectives") else {
            fields.missing("objectives", expected: "per objective of the model: stayed_up, recovery, data_lost")
            return nil
        }
        guard let objectives = MappingReader(body, context: "'objectives' of the observation", diagnostics: diagnostics) else { return nil }
        var seen: [ScenarioObservation.Seen] = []
        for (key, value) in objectives.entries {
            guard names.objectives.contains(key.text) else {
                diagnostics.error(key.location, "'\(key.clipped)' is not an objective of the model"
                                  + Suggestion.hint(for: key.text, in: names.objectives), length: key.text.count)
                continue
            }
            guard let item = MappingReader(value, context: "objective '\(key.text)' of the observation", diagnostics: diagnostics) else { continue }
            item.rejectUnknownKeys(known: Self.objectiveKeys)
            let entry = ScenarioObservation.Seen(objective: key.text, stayedUp: item.flag("stayed_up"),
                                                 recoveryHours: item.duration("recovery", positive: false),
                                                 dataLostHours: item.duration("data_lost", positive: false), location: key.location)
            if !Self.objectiveKeys.contains(where: item.has) {
                diagnostics.error(key.location, "objective '\(key.text)' of the observation says nothing: give "
                                  + Self.objectiveKeys.map { "'\($0)'" }.joined(separator: ", "), length: key.text.count)
            }
            seen.append(entry)
        }
        guard let named else { return nil }
        return ScenarioObservation(scenario: named, source: "observation", location: root.location, objectives: seen)
    }
}
