/// Reads one `{on: NAME, soft: true}` or `{on: NAME, fallback: OTHER | static}` entry of
/// `depends_on` (docs/patterns.md, "Soft dependencies and fallbacks"). The entry stands in the
/// dependency list as the target (soft, static) or an `any` group of the target and its fallback,
/// so names and cycles are checked like every other dependency before SoftDependencyResolution
/// puts the tolerant structure in place.
struct SoftDependencyReader {
    let diagnostics: DiagnosticCollector
    let notes: DraftNotes

    /// The word that names a static answer instead of a component.
    static let staticAnswer = "static"

    func read(_ item: YAMLValue, owner: String) -> (Dependency, SoftDependency)? {
        guard let fields = MappingReader(item, context: "a dependency of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["on", "soft", "fallback", "bulkhead"]) }
        let target = fields.scalar("on", required: true, expected: "the component depended on")
        let soft = fields.flag("soft")
        let fallback = fields.scalar("fallback", expected: "a component name or 'static'")
        let bulkhead = fields.flag("bulkhead") ?? false
        guard let target else { return nil }
        let kind: SoftDependency.Fallback
        switch (soft, fallback) {
        case (true?, nil):
            kind = .none
        case (nil, let fallback?), (false?, let fallback?):
            if fallback.text == target.text {
                diagnostics.error(fallback.location, "'fallback' of the dependency of '\(owner)' on '\(target.text)' is '\(target.text)' itself; "
                                  + "name another component, or 'static' for a static answer", length: fallback.text.count)
                return nil
            }
            kind = fallback.text == Self.staticAnswer ? .staticAnswer : .component(fallback.text, fallback.location)
        case (true?, _?):
            diagnostics.error(fields.keyLocation("fallback"), "the dependency of '\(owner)' on '\(target.text)' gives both 'soft' and 'fallback'; "
                              + "give one: 'soft: true' (go on without it) or 'fallback' (what the breaker calls instead)", length: 8)
            return nil
        case (false?, nil), (nil, nil):
            let at = fields.has("soft") ? fields.keyLocation("soft") : fields.location
            diagnostics.error(at, "the dependency of '\(owner)' on '\(target.text)' is written as a mapping but is neither 'soft: true' nor has a "
                              + "'fallback'; write a hard dependency as its name: \(target.clipped)")
            return nil
        }
        let entry = SoftDependency(target: target.text, fallback: kind, bulkhead: bulkhead, location: fields.location,
                                   targetLocation: target.location)
        guard case .component(let other, let otherLocation) = kind else {
            return (.component(target.text, target.location), entry)
        }
        notes.groupMembers[fields.location] = [target.location, otherLocation]
        return (.group(k: 1, members: [target.text, other], fields.location), entry)
    }
}
