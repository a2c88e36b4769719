/// Whether running an operation twice is harmless (`idempotent: false` says it is not: a payment,
/// an e-mail, a shipment). Read only by `IdempotencyRule` (docs/patterns.md, "Idempotency").
public struct Idempotency: Hashable, Sendable {
    public var idempotent: Bool
    /// Where `idempotent:` is written.
    public var location: ModelLocation

    public init(idempotent: Bool, location: ModelLocation) {
        self.idempotent = idempotent
        self.location = location
    }
}
