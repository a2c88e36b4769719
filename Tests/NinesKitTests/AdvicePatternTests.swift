import Foundation
import Testing
@testable import NinesKit

/// `nines advise`'s pattern candidates (retry, bulkhead, placement, detection time), each on a
/// small model against a hand computation of its saving (closed forms of docs/patterns.md), and
/// against the model loaded again with the suggestion's overrides, as `nines report --set` does.
struct AdvicePatternTests {
    /// The suggestion with these overrides, and its saving as a share of the period.
    static func saving(_ text: String, objective: String? = nil, set: [String]) throws -> (advice: Advice, share: Double) {
        let model = try ModelLoader.load(text: text, file: "model.yaml")
        let reload: AdviceReload = { extra in
            try? ModelLoader.load(documents: [("model.yaml", text)], overrides: ModelOverride.parse(extra))
        }
        let advice = Advice(AvailabilityAnalysis(model), objective: objective, reload: reload)
        let suggestion = try #require(advice.suggestions.first { $0.change.set == set },
                                      "\(advice.suggestions.map(\.change.set))")
        let reloaded = try #require(reload(set))
        let name = advice.objective.name
        let index = try #require(reloaded.objectives.firstIndex { $0.name == name })
        let after = SLAPrediction(reloaded).objectives[index].figure.probability.down
        let share = suggestion.downtimeSavedHours / advice.periodHours
        #expect(abs(share - (advice.current.probability.down - after)) <= 1e-12)
        return (advice, share)
    }

    static func close(_ actual: Double, _ expected: Double) -> Bool { abs(actual - expected) <= 1e-9 * expected }

    /// docs/patterns.md, "Transient faults" and "Retries": payment's odds λ·r + ν·d with r = 1 min,
    /// one 1 s blip an hour; a retry window W = 3·1 s + 2·200 ms = 3.4 s on its one caller hides the
    /// share 1 − e^(−W/r) of them. Saving = a_checkout · q · (1 − e^(−3.4/60)).
    @Test func retryOnTheCallersOfABlippingDependency() throws {
        let text = """
            version: 1
            system: retry
            components:
              payment: { mtbf: 1000h, mttr: 1m, transient: { rate: 1/h, duration: 1s } }
              checkout: { mtbf: 720h, mttr: 10m, depends_on: [payment] }
            objectives:
              buy: { at: checkout }
            """
        let (_, share) = try Self.saving(text, set: ["checkout.retry={attempts: 3, backoff: 200ms, timeout: 1s}"])
        let odds = (1.0 / 60) / 1000 + 1.0 / 3600
        let q = odds / (1 + odds)
        let checkout = 720 / (720 + 1.0 / 6)
        #expect(Self.close(share, checkout * q * (1 - exp(-3.4 / 60))), "\(share)")
    }

    /// No retry is proposed where a caller already retries every call, nor on a dependency without blips.
    @Test func noRetryWithoutBlipsOrWhenEveryCallerRetries() throws {
        let text = """
            version: 1
            system: retry
            components:
              payment: { mtbf: 1000h, mttr: 1m, transient: { rate: 1/h, duration: 1s } }
              stock: { mtbf: 1000h, mttr: 1m }
              checkout: { mtbf: 720h, mttr: 10m, depends_on: [payment, stock], retry: { attempts: 2, timeout: 1s } }
            objectives:
              buy: { at: checkout }
            """
        let model = try ModelLoader.load(text: text, file: "model.yaml")
        let candidates = AdviceCandidates.structuralCandidates(in: model, closure: Array(model.components.indices))
        #expect(!candidates.contains { $0.kind == .retry })
    }

    /// docs/patterns.md, "Bulkheads": reviews' hang share 0.3 · 1/500 takes web down without a
    /// bulkhead: front = a_web · a_catalog / 1.0006, with one a_web · a_catalog.
    @Test func bulkheadOnACallerAHangExhausts() throws {
        let text = """
            version: 1
            system: shop
            components:
              reviews: { mtbf: 500h, mttr: 1h, hangs: 30% }
              catalog: { mtbf: 2000h, mttr: 1h }
              web: { mtbf: 1000h, mttr: 1h, depends_on: [catalog, {on: reviews, soft: true}] }
            objectives:
              front: { at: web }
            """
        let (_, share) = try Self.saving(text, set: ["web.bulkhead=true"])
        let served = 1000.0 / 1001 * 2000 / 2001
        #expect(Self.close(share, served * (1 - 1 / 1.0006)), "\(share)")
    }

    /// docs/patterns.md, "Placement": two pods (one needed) both on az-a, p = 1000/1001 each, zones
    /// z = 0.999. Spread over az-a and az-b: 1 − (1 − p·z)² instead of z·(1 − (1 − p)²); a third pod
    /// on az-a: z·(1 − (1 − p)³).
    @Test func placedReplicasSpreadOverMorePlacesAndOneMore() throws {
        let text = """
            version: 1
            system: placed
            pools:
              zones: [az-a, az-b]
            components:
              az-a: { layer: physical, availability: 99.9%, mttr: 1h }
              az-b: { layer: physical, availability: 99.9%, mttr: 1h }
              web: { mtbf: 1000h, mttr: 1h, replicas: 2, needs: 1, placement: [az-a] }
            objectives:
              front: { at: web }
            """
        let p = 1000.0 / 1001, z = 0.999
        let before = z * (1 - pow(1 - p, 2))
        let spread = try Self.saving(text, set: ["web.placement=[az-a, az-b]"]).share
        #expect(Self.close(spread, (1 - pow(1 - p * z, 2)) - before), "\(spread)")
        let more = try Self.saving(text, set: ["web.replicas=3"]).share
        #expect(Self.close(more, z * (1 - pow(1 - p, 3)) - before), "\(more)")
    }

    static let detection = """
        version: 1
        system: detect
        components:
          db: { layer: data, mtbf: 1000h, mttr: 1h, detect: 30m }
        objectives:
          data: { at: db }
        """

    /// docs/patterns.md, "Detection": db's odds λ·(r + d) = (1 h + 30 min)/1000 h; half the
    /// detection gives (1 h + 15 min)/1000 h. Saving = 0.0015/1.0015 − 0.00125/1.00125.
    @Test func detectionTimeHalved() throws {
        let (_, share) = try Self.saving(Self.detection, set: ["db.detect=15m"])
        #expect(Self.close(share, 0.0015 / 1.0015 - 0.00125 / 1.00125), "\(share)")
    }

    /// A pattern change is priced by its `costs:` key like any other.
    @Test func patternChangesArePriced() throws {
        let text = """
            version: 1
            system: shop
            costs: { bulkhead: 50/month }
            components:
              reviews: { mtbf: 500h, mttr: 1h, hangs: 30% }
              web: { mtbf: 1000h, mttr: 1h, depends_on: [{on: reviews, soft: true}] }
            objectives:
              front: { at: web, period: month }
            """
        let advice = try Self.saving(text, set: ["web.bulkhead=true"]).advice
        let bulkhead = try #require(advice.suggestions.first { $0.change.kind == .bulkhead })
        #expect(bulkhead.costPerPeriod == 50)
    }

    /// A single instance duplicated across two zones of a declared pool (the first two members):
    /// each replica is up when its instance (q_d = 1/1001) and its zone (q_z = 0.001) are, and one
    /// of the two is needed, so the objective goes from q_d to (1 − (1 − q_d)(1 − q_z))².
    @Test func aSinglePointOfFailureDuplicatedAcrossZones() throws {
        let text = """
            version: 1
            system: spof
            pools: { zones: [az-a, az-b, az-c] }
            components:
              az-a: { layer: physical, availability: 99.9%, mttr: 1h }
              az-b: { layer: physical, availability: 99.9%, mttr: 1h }
              az-c: { layer: physical, availability: 99.9%, mttr: 1h }
              db: { layer: data, mtbf: 1000h, mttr: 1h }
            objectives:
              store: { at: db }
            """
        let (advice, share) = try Self.saving(text, set: ["db.replicas=2", "db.placement=[az-a, az-b]"])
        let qd = 1.0 / 1001, replica = 1 - (1 - qd) * (1 - 0.001)
        #expect(Self.close(share, qd - replica * replica), "\(share)")
        // The zones themselves are places, not single points of failure to duplicate.
        #expect(!advice.suggestions.contains { $0.change.component.hasPrefix("az-") && $0.change.set.contains { $0.contains("placement") } })
    }

    /// A circuit breaker that falls back to a second component of the same declared kind: checkout
    /// then needs pay-a or pay-b, Q = 1 − a_c·(1 − q_a·q_b) instead of 1 − a_c·(1 − q_a), a saving of
    /// a_c·q_a·(1 − q_b). No breaker is proposed towards a kind with no alternative (db).
    @Test func aBreakerFallsBackToAComponentOfTheSameKind() throws {
        let text = """
            version: 1
            system: breaker
            components:
              pay-a: { layer: external, kind: external-api, availability: 99.5%, mttr: 1h }
              pay-b: { layer: external, kind: external-api, availability: 99%, mttr: 1h }
              db: { layer: data, kind: database, mtbf: 2000h, mttr: 1h }
              checkout: { mtbf: 999h, mttr: 1h, depends_on: [db, pay-a] }
            objectives:
              buy: { at: checkout }
            """
        let (advice, share) = try Self.saving(text, set: ["checkout.depends_on=[db, {on: pay-a, fallback: pay-b}]"])
        let dbUp = 2000.0 / 2001, checkoutUp = 0.999
        #expect(Self.close(share, dbUp * checkoutUp * 0.005 * (1 - 0.01)), "\(share)")
        #expect(advice.suggestions.filter { $0.change.kind == .breaker }.count == 1)
    }

    /// Without a way to load the model again, advise proposes no structural change.
    @Test func noStructuralChangeWithoutReload() throws {
        let advice = Advice(AvailabilityAnalysis(try ModelLoader.load(text: Self.detection, file: "model.yaml")))
        #expect(!advice.suggestions.isEmpty)
        #expect(!advice.suggestions.contains { $0.change.isStructural })
    }
}
