/// Reads `repair_crews:` at the top level and `crew:` / `priority:` of a component, and checks a
/// membership against the rest of the component (docs/model-format.md, "Repair crews"): the
/// crew's chain (CrewChain) covers exponential instances repaired one per repairer, and nothing
/// that repairs or hides them in another way.
struct CrewReader {
    let diagnostics: DiagnosticCollector

    /// Most repairers in one crew.
    static let maximumSize = 1_000
    /// Most distinct priorities.
    static let maximumPriority = 1_000

    func readCrews(_ value: YAMLValue) -> [RepairCrew] {
        guard case .mapping(let pairs, _) = value else {
            diagnostics.error(value.location, "'repair_crews' must be a mapping from crew name to its fields, e.g. "
                              + "'oncall: {size: 1}', found \(value.kindDescription)")
            return []
        }
        var crews: [RepairCrew] = []
        for (key, body) in pairs {
            guard NameRules.isValid(key.text) else {
                diagnostics.error(key.location, "'\(key.clipped)' is not a valid name in 'repair_crews'; " + NameRules.explanation,
                                  length: key.text.count)
                continue
            }
            if let earlier = crews.first(where: { $0.name == key.text }) {
                diagnostics.error(key.location, "crew '\(key.text)' is defined twice; first at \(earlier.location)", length: key.text.count)
                continue
            }
            guard let fields = MappingReader(body, context: "crew '\(key.text)'", diagnostics: diagnostics) else { continue }
            defer { fields.rejectUnknownKeys(known: ["size"]) }
            guard let size = fields.integer("size", in: 1...Self.maximumSize, required: true) else { continue }
            crews.append(RepairCrew(name: key.text, size: size, location: key.location))
        }
        return crews
    }

    func readMembership(_ fields: MappingReader, component: Component) -> CrewMembership? {
        let priority = fields.integer("priority", in: 1...Self.maximumPriority)
        guard let scalar = fields.scalar("crew", expected: "the name of a crew under 'repair_crews'") else {
            if fields.has("priority") {
                diagnostics.error(fields.keyLocation("priority"), "'priority' of component '\(component.name)' orders its repairs "
                                  + "in a crew's queue; give 'crew' too", length: 8)
            }
            return nil
        }
        let membership = CrewMembership(crew: scalar.text, priority: priority, location: scalar.location)
        check(membership, of: component)
        return membership
    }

    private func check(_ membership: CrewMembership, of component: Component) {
        let name = component.name
        var clashes: [String] = []
        if component.standby != nil { clashes.append("'standby'") }
        if component.failover != nil { clashes.append("'failover'") }
        if component.commonCause > 0 { clashes.append("'common_cause'") }
        if component.maskedFor != nil { clashes.append("'masked_for'") }
        if component.transient != nil { clashes.append("'transient'") }
        if component.latent != nil { clashes.append("'latent' (a drill finds the failure, not the crew)") }
        if component.maintenance != nil { clashes.append("'maintenance'") }
        if component.placement != nil { clashes.append("'placement'") }
        for clash in clashes {
            diagnostics.error(membership.location, "'crew' of component '\(name)' cannot go with \(clash)",
                              length: membership.crew.count)
        }
        if component.figures.failureRate == nil || component.figures.mttr == nil {
            diagnostics.error(membership.location, "'crew' of component '\(name)' needs a failure rate and a mean repair time "
                              + "(give 'mtbf' or 'rate' and 'mttr'): the crew's queue counts failures and repairs",
                              length: membership.crew.count)
        }
    }
}
