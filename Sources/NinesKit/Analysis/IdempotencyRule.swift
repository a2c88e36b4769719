/// The talk's double-charged payment as a `nines check` rule: a component marked
/// `idempotent: false` that something delivers to at least once — it consumes from a queue
/// (`kind: queue` in its `depends_on`), or a queue stands in front of it as store-and-forward
/// (`cache: {for: it}` on a `kind: queue` component) — runs a redelivered request twice.
/// One failing finding per such pair, at the `idempotent:` line; none at all when the model marks
/// nothing `idempotent: false` (docs/patterns.md, "Idempotency").
public struct IdempotencyRule: RiskRule {
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
            if deliverers.isEmpty {
                findings.append(RiskFinding(id: "\(component.name)/idempotency", holds: true,
                                            message: "'\(component.name)' is not idempotent and nothing redelivers to it", location: location))
            }
            for deliverer in deliverers {
                findings.append(RiskFinding(
                    id: "\(component.name)/redelivered-by/\(deliverer.name)", holds: false,
                    message: "'\(component.name)' is not idempotent but \(deliverer.how) '\(deliverer.name)', which delivers at least once: "
                        + "a redelivered request runs twice — the same payment charged twice",
                    details: ["give each request an idempotency key that '\(component.name)' checks before acting, "
                              + "or deduplicate on the consumer; then drop 'idempotent: false'"],
                    location: location))
            }
        }
        return findings
    }
}
