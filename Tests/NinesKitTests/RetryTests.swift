import Foundation
import Testing
@testable import NinesKit

/// Retries (docs/patterns.md, "Retries"): a caller that retries for W = attempts·timeout +
/// (attempts − 1)·backoff rides through dependency outages shorter than W. With exponential
/// outages of mean r the share of the unavailability still seen is e^(−W/r) (the `masked_for`
/// arithmetic, CacheTests), and a retried call to an `idempotent: false` component is the talk's
/// double-charged payment.
@Suite struct RetryTests {
    static func model(_ components: String) throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: retries
            components:
            \(components)
            objectives:
              front: { at: api, target: 99% }
            """, file: "retry.yaml")
    }

    /// Hand computation: W = 3·1 s + 2·200 ms = 3.4 s; payment q = (1/6)/(720 + 1/6), seen
    /// q·e^(−3.4/600); api p = 720/(720 + 1/6); front = p_api·(1 − q_seen).
    @Test func retriesHideOutagesShorterThanTheWindow() throws {
        let model = try Self.model("""
              payment: { mtbf: 720h, mttr: 10m }
              api: { mtbf: 720h, mttr: 10m, depends_on: [payment], retry: { attempts: 3, backoff: 200ms, timeout: 1s } }
            """)
        let window = 3.4 / 3600
        #expect(Closeness.relative(try #require(model.component(named: "payment")?.maskedFor), window, within: 1e-12))
        let q = (1.0 / 6) / (720 + 1.0 / 6), p = 720 / (720 + 1.0 / 6)
        let front = AvailabilityAnalysis(model).objective(0).probability.up
        #expect(Closeness.relative(front, p * (1 - q * exp(-3.4 / 600)), within: 1e-12), "\(front)")
    }

    /// A caller that does not retry sees every outage: no window goes on the shared dependency.
    @Test func aCallerWithoutRetryKeepsTheOutages() throws {
        let model = try Self.model("""
              payment: { mtbf: 720h, mttr: 10m }
              api: { mtbf: 720h, mttr: 10m, depends_on: [payment], retry: { attempts: 3, timeout: 1s } }
              batch: { mtbf: 720h, mttr: 10m, depends_on: [payment] }
            """)
        #expect(model.component(named: "payment")?.maskedFor == nil)
    }

    /// Both engines read the same window: the simulation agrees within its interval.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try Self.model("""
              payment: { mtbf: 100h, mttr: 1m }
              api: { mtbf: 300h, mttr: 10m, depends_on: [payment], retry: { attempts: 3, backoff: 5s, timeout: 20s } }
            """)
        #expect(model.component(named: "payment")?.maskedFor == 70.0 / 3600)
        try FailoverAgreementTests.expectAgreement(model, periods: 4000, label: "retry")
    }

    /// The retried payment: a failing finding at the `retry:` line.
    @Test func aRetriedCallToANonIdempotentPaymentFails() throws {
        let model = try Self.model("""
              payment: { mtbf: 720h, mttr: 10m, idempotent: false }
              api: { mtbf: 720h, mttr: 10m, depends_on: [payment], retry: { attempts: 3, timeout: 1s } }
            """)
        let findings = IdempotencyRule().findings(in: model)
        #expect(findings.count == 1 && findings.first?.holds == false)
        #expect(findings.first?.id == "payment/retried-by/api")
        #expect(findings.first?.message.contains("the same payment charged twice") == true)
        #expect(findings.first?.location.line == 5 && findings.first?.location.column == 56, "\(String(describing: findings.first?.location))")
    }
}
