/// Reads `policies:`: a disruption class (`component`, `zone`, `region`, `provider`) to its `rto`
/// and `rpo`.
extension ModelDocumentReader {
    func readPolicies(_ value: YAMLValue) -> [ResiliencyPolicy] {
        readEntries(value, what: "policies") { name, location, body in
            guard let disruptionClass = DisruptionClass(rawValue: name) else {
                let names = DisruptionClass.allCases.map(\.rawValue)
                diagnostics.error(location, "'\(name)' is not a disruption class; policies are given per class: "
                                  + names.map { "'\($0)'" }.joined(separator: ", ") + Suggestion.hint(for: name, in: names),
                                  length: name.count)
                return nil
            }
            guard let fields = MappingReader(body, context: "policy '\(name)'", diagnostics: diagnostics) else { return nil }
            defer { fields.rejectUnknownKeys(known: ["rto", "rpo"]) }
            let rto = fields.duration("rto", positive: false), rpo = fields.duration("rpo", positive: false)
            if !fields.has("rto") && !fields.has("rpo") && !fields.misspells("rto", known: ["rto", "rpo"])
                && !fields.misspells("rpo", known: ["rto", "rpo"]) {
                diagnostics.error(fields.location, "policy '\(name)' gives neither 'rto' nor 'rpo'")
            }
            return ResiliencyPolicy(disruptionClass: disruptionClass, rto: rto, rpo: rpo, location: location)
        }.read
    }
}
