/// Reads `standby:` of a component and checks it against the rest of the component
/// (docs/patterns.md, "Standby"): the chain (StandbyChain) covers identical exponential instances
/// with their own repairs, a waiting instance and nothing the other keys would add to it.
struct StandbyReader {
    let diagnostics: DiagnosticCollector

    func read(_ fields: MappingReader, component: Component) -> Standby? {
        guard let value = fields.value("standby") else { return nil }
        let owner = component.name
        guard let standby = MappingReader(value, context: "'standby' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { standby.rejectUnknownKeys(known: ["mode", "dormant_rate", "switch"]) }
        let mode = standby.choice("mode", as: Standby.Mode.self)
        if mode == nil, !standby.has("mode") { standby.missing("mode", expected: "cold, warm or hot") }
        let dormant = standby.rate("dormant_rate")
        var success = 1.0, time = 0.0
        if let value = standby.value("switch"),
           let switching = MappingReader(value, context: "'switch' of 'standby' of '\(owner)'", diagnostics: diagnostics) {
            defer { switching.rejectUnknownKeys(known: ["success", "time"]) }
            success = switching.fraction("success")?.up ?? 1
            time = switching.duration("time", positive: false) ?? 0
        }
        guard let mode else { return nil }
        switch mode {
        case .warm where dormant == nil && !standby.has("dormant_rate"):
            standby.missing("dormant_rate", expected: "how often a waiting instance fails, e.g. '1/y'")
        case .cold where standby.has("dormant_rate"), .hot where standby.has("dormant_rate"):
            diagnostics.error(standby.keyLocation("dormant_rate"), "'dormant_rate' of 'standby' of '\(owner)' goes with mode 'warm': "
                              + (mode == .cold ? "a cold instance does not fail while it waits" : "a hot one fails as fast as an active one"),
                              length: 12)
        default: break
        }
        let result = Standby(mode: mode, dormantRate: mode == .cold ? 0 : dormant, switchSuccess: success, switchTime: time,
                             location: standby.location)
        check(result, of: component)
        return result
    }

    private func check(_ standby: Standby, of component: Component) {
        let name = component.name
        if component.replicas <= component.needs {
            diagnostics.error(standby.location, "'standby' of component '\(name)' needs an instance that waits: 'replicas' "
                              + "(\(component.replicas)) must be more than 'needs' (\(component.needs))")
        }
        if component.replicas > StandbyChain.maximumReplicas {
            diagnostics.error(standby.location, "'standby' of component '\(name)' takes at most \(StandbyChain.maximumReplicas) replicas")
        }
        var clashes: [String] = []
        if component.failover != nil { clashes.append("'failover' (the standby's 'switch' is its failover)") }
        if component.commonCause > 0 { clashes.append("'common_cause'") }
        if component.failure != nil || component.repair != nil { clashes.append("a 'failure' or 'repair' distribution") }
        if component.transient != nil { clashes.append("'transient'") }
        if component.latent != nil { clashes.append("'latent'") }
        if component.maintenance != nil { clashes.append("'maintenance'") }
        if component.placement != nil { clashes.append("'placement'") }
        for clash in clashes {
            diagnostics.error(standby.location, "'standby' of component '\(name)' cannot go with \(clash)")
        }
        if component.figures.failureRate == nil || component.figures.mttr == nil {
            diagnostics.error(standby.location, "'standby' of component '\(name)' needs a failure rate and a mean repair time "
                              + "(give 'mtbf' or 'rate' and 'mttr'): the chain counts failures and repairs")
        }
    }
}
