import Foundation
import Testing
@testable import NinesKit

/// The talk's double-charged payment (docs/patterns.md, "Idempotency"): something that delivers at
/// least once in front of a component marked `idempotent: false` is a failing check finding at
/// the `idempotent:` line.
@Suite struct IdempotencyTests {
    static func model(payment: String, extra: String = "") throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: shop payments
            components:
              orders: { layer: platform, kind: queue, availability: 99.9%, mttr: 1h }
              payment: { mtbf: 720h, mttr: 10m, \(payment) }
            \(extra)
            objectives:
              pay: { at: payment, target: 99% }
            """, file: "shop.yaml")
    }

    @Test func aQueueConsumerThatIsNotIdempotentFails() throws {
        let findings = IdempotencyRule().findings(in: try Self.model(payment: "idempotent: false, depends_on: [orders]"))
        #expect(findings.count == 1)
        #expect(findings.first?.holds == false)
        #expect(findings.first?.message.contains("the same payment charged twice") == true)
        #expect(findings.first?.location.line == 5 && findings.first?.location.column == 37)   // at 'idempotent:'
    }

    @Test func aStoreAndForwardQueueInFrontFails() throws {
        let findings = IdempotencyRule().findings(in: try Self.model(
            payment: "idempotent: false", extra: "  outbox: { kind: queue, availability: 99.9%, mttr: 1h, cache: { for: payment, window: 1h } }"))
        #expect(findings.map(\.id) == ["payment/redelivered-by/outbox"])
        #expect(findings.first?.holds == false)
    }

    @Test func idempotentOrNotRedeliveredHolds() throws {
        #expect(IdempotencyRule().findings(in: try Self.model(payment: "depends_on: [orders]")).isEmpty)   // nothing marked
        #expect(IdempotencyRule().findings(in: try Self.model(payment: "idempotent: true, depends_on: [orders]")).isEmpty)
        let alone = IdempotencyRule().findings(in: try Self.model(payment: "idempotent: false"))
        #expect(alone.count == 1 && alone.first?.holds == true)
    }
}
