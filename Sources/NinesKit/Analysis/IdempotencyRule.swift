/// The talk's double-charged payment as a `nines check` rule: a component marked
/// `idempotent: false` that something delivers to at least once — it consumes from a queue
/// (`kind: queue` in its `depends_on`), or a queue stands in front of it as store-and-forward
/// (`cache: {for: it}` on a `kind: queue` component), or a front door forwards its stored requests
/// to it (`accepts_when_down`) — runs a redelivered request twice; so does
/// a caller that retries its calls to it (`retry:` on the caller, finding at the `retry:` line).
/// One failing finding per such pair, at the `idempotent:` line for a queue; none at all when the model marks
/// nothing `idempotent: false` (docs/patterns.md, "Idempotency").
package struct IdempotencyRule: RiskRule {
    public let id = "idempotency"

    public init() {}

    public func findings(in model: SystemModel) -> [RiskFinding] {
        let marked = model.components.filter { $0.idempotency?.idempotent == false }
        guard !marked.isEmpty else { return [] }
        var index: [String: Int] = [:]
        for (position, component) in model.components.enumerated() { index[component.name] = position }
        func isQueue(_ name: String) -> Bool { index[name].map { model.components[$0].effectiveKind == .queue } ?? false }
        var findings: [RiskFinding] = []
        for component in marked {
            let location = component.idempotency?.location ?? component.location
            var deliverers: [(name: String, how: String)] = component.dependencyNames.filter(isQueue).map { ($0, "it consumes from queue") }
            for other in model.components where other.cache?.target == component.name && other.effectiveKind == .queue {
                deliverers.append((other.name, "queue stores and forwards to it"))
            }
            for door in model.components where door.writeAhead?.downstream?.contains(component.name) == true {
                deliverers.append((door.name, "it is behind the store-and-forward front door"))
            }
            let retriers = model.components.filter { $0.retry != nil && $0.dependencyNames.contains(component.name) }
            for caller in retriers {
                findings.append(Self.runsTwice(component, id: "retried-by/\(caller.name)",
                                               "'\(caller.name)' retries its calls to '\(component.name)', which is not idempotent: a call that "
                                               + "timed out may have run, and the retry runs it again", otherwise: "drop the retry on '\(caller.name)'",
                                               at: caller.retry?.location ?? caller.location))
            }
            if deliverers.isEmpty && retriers.isEmpty {
                findings.append(RiskFinding(id: "\(component.name)/idempotency", holds: true,
                                            message: "'\(component.name)' is not idempotent and nothing redelivers or retries to it", location: location))
            }
            for deliverer in deliverers {
                findings.append(Self.runsTwice(component, id: "redelivered-by/\(deliverer.name)",
                                               "'\(component.name)' is not idempotent but \(deliverer.how) '\(deliverer.name)', which delivers at "
                                               + "least once: a redelivered request runs twice", otherwise: "deduplicate on the consumer", at: location))
            }
        }
        return findings
    }

    /// The failing finding: what runs twice, the talk's name for it, and the two ways out.
    private static func runsTwice(_ component: Component, id: String, _ what: String, otherwise: String, at location: ModelLocation) -> RiskFinding {
        RiskFinding(id: "\(component.name)/\(id)", holds: false, message: what + " — the same payment charged twice",
                    details: ["give each request an idempotency key that '\(component.name)' checks before acting, "
                              + "or \(otherwise); then drop 'idempotent: false'"],
                    location: location)
    }
}
