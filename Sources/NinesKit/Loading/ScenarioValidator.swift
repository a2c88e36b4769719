/// Cross-checks the scenarios and policies of every file: each scenario and policy once, each component in `down` defined
/// (with a "did you mean") and named once.
struct ScenarioValidator {
    let diagnostics: DiagnosticCollector

    /// The scenarios kept (first definitions), in file order.
    func check(_ scenarios: [Scenario], known: [String: Int], unread: Set<String>, names: [String], checkable: Bool) -> [Scenario] {
        var kept: [Scenario] = []
        var seen: [String: ModelLocation] = [:]
        for scenario in scenarios {
            if let earlier = seen[scenario.name] {
                diagnostics.error(scenario.location, "scenario '\(scenario.name)' is defined twice; first at \(earlier)")
                continue
            }
            seen[scenario.name] = scenario.location
            kept.append(scenario)
            var listed = Set<String>()
            for (position, name) in scenario.down.enumerated() {
                let location = position < scenario.downLocations.count ? scenario.downLocations[position] : scenario.location
                if !listed.insert(name).inserted {
                    diagnostics.error(location, "scenario '\(scenario.name)' lists '\(name)' twice in 'down'", length: name.count)
                } else if checkable && known[name] == nil && !unread.contains(name) {
                    diagnostics.error(location, "scenario '\(scenario.name)' takes down unknown component '\(name)'"
                                      + Suggestion.hint(for: name, in: names), length: name.count)
                }
            }
        }
        return kept
    }

    /// The policies kept (one per class, the first), in file order.
    func check(_ policies: [ResiliencyPolicy]) -> [ResiliencyPolicy] {
        var kept: [ResiliencyPolicy] = []
        for policy in policies {
            if let earlier = kept.first(where: { $0.disruptionClass == policy.disruptionClass }) {
                diagnostics.error(policy.location, "policy '\(policy.disruptionClass.rawValue)' is defined twice; first at \(earlier.location)")
                continue
            }
            kept.append(policy)
        }
        return kept
    }
}
