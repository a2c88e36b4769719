import Foundation
import Testing
@testable import NinesKit

/// Replica placement (docs/patterns.md, "Placement"): each replica depends on its own zone or node,
/// so the exact figure is the k-of-n of "replica and its place up", with a shared place one
/// variable under every replica on it. Hand computations below; the simulator agrees.
@Suite struct PlacementTests {
    /// Three web pods (MTBF 1000 h, MTTR 1 h) on three zones of 99.9 %, two needed: each replica
    /// slot is up with a = p·z, and the service with a³ + 3a²(1 − a) (the 2-of-3 closed form).
    static let threeZones = """
        version: 1
        system: three zones
        pools:
          zones: [az-a, az-b, az-c]
        components:
          az-a: { layer: physical, availability: 99.9%, mttr: 1h }
          az-b: { layer: physical, availability: 99.9%, mttr: 1h }
          az-c: { layer: physical, availability: 99.9%, mttr: 1h }
          web: { mtbf: 1000h, mttr: 1h, replicas: 3, needs: 2, placement: PLACEMENT COMMON }
        objectives:
          web: { at: web, target: 99.99% }
        """

    static func threeZones(placement: String, commonCause: String = "") throws -> SystemModel {
        try ModelLoader.load(text: threeZones.replacingOccurrences(of: "PLACEMENT", with: placement)
            .replacingOccurrences(of: "COMMON", with: commonCause), file: "zones.yaml")
    }

    @Test(arguments: ["[az-a, az-b, az-c]", "{spread: zones}", "{pool: zones, per: 1}"])
    func twoOfThreeOverThreeZonesIsTheClosedForm(_ placement: String) throws {
        let model = try Self.threeZones(placement: placement)
        let p = 1000.0 / 1001, z = 0.999
        let a = p * z, q = 1 - a
        let down = 3 * q * q * a + q * q * q   // 2 or 3 of the slots down, without cancellation
        let exact = AvailabilityAnalysis(model).objective(0).probability
        #expect(Closeness.relative(exact.down, down, within: 1e-9), "\(exact.down) vs \(down)")
        #expect(model.component(named: "web#2")?.placedReplica?.of == "web")
        let targets = try #require(model.component(named: "web")?.placement?.targets)
        // A pool's ties go by a stable hash: every zone once, in an order of its own.
        if placement.hasPrefix("{pool") { #expect(Set(targets) == ["az-a", "az-b", "az-c"]) } else { #expect(targets == ["az-a", "az-b", "az-c"]) }
    }

    /// Not the same model as `k_of` over the zones: there a pod failure is not modelled per zone.
    /// With a common cause β the placed component is the common part (odds β·r) in series with the
    /// 2 of 3 over slots whose replica has odds (1 − β)·r (`OwnAvailability`'s split).
    @Test func commonCauseStrikesEveryPlacedReplica() throws {
        let model = try Self.threeZones(placement: "[az-a, az-b, az-c]", commonCause: ", common_cause: 10%")
        let odds = 1.0 / 1000   // MTTR / MTBF
        let independent = 1 / (1 + 0.9 * odds), common = 1 / (1 + 0.1 * odds)
        let a = independent * 0.999, q = 1 - a
        let slotsDown = 3 * q * q * a + q * q * q
        let down = 1 - common * (1 - slotsDown)
        let exact = AvailabilityAnalysis(model).objective(0).probability
        #expect(Closeness.relative(exact.down, down, within: 1e-9), "\(exact.down) vs \(down)")
    }

    /// Two services of two pods (one needed) on a pool of three nodes, one pod per node: the first
    /// takes two nodes; the second the least-loaded third node, then one of the first's (ties by a
    /// stable hash), so exactly one node is shared. Conditioning on the shared node by hand:
    /// A = z·[1 − (1 − p)(1 − pz)]² + (1 − z)·(pz)².
    @Test func podsOnASharedPoolConditionOnTheSharedNode() throws {
        let model = try ModelLoader.load(text: Self.poolModel, file: "pool.yaml")
        let a = try #require(model.component(named: "a")?.placement?.targets)
        let b = try #require(model.component(named: "b")?.placement?.targets)
        #expect(Set(a).count == 2 && Set(b).count == 2 && Set(a).intersection(b).count == 1, "\(a) \(b)")
        #expect(b.first.map { !a.contains($0) } == true)   // the empty node first
        let again = try ModelLoader.load(text: Self.poolModel, file: "pool.yaml")
        #expect(again.component(named: "b")?.placement?.targets == b)   // deterministic
        let z = 4000.0 / 4001, p = 2000.0 / (2000 + 5.0 / 60)
        let service = 1 - (1 - p) * (1 - p * z)
        let up = z * service * service + (1 - z) * (p * z) * (p * z)
        let exact = AvailabilityAnalysis(model).objective(0).probability
        #expect(Closeness.relative(exact.down, 1 - up, within: 1e-7), "\(exact.down) vs \(1 - up)")
    }

    static let poolModel = """
        version: 1
        system: pool
        pools:
          nodes: [n0, n1, n2]
        components:
          n0: { layer: platform, mtbf: 4000h, mttr: 1h }
          n1: { layer: platform, mtbf: 4000h, mttr: 1h }
          n2: { layer: platform, mtbf: 4000h, mttr: 1h }
          a: { mtbf: 2000h, mttr: 5m, replicas: 2, placement: {pool: nodes, per: 1} }
          b: { mtbf: 2000h, mttr: 5m, replicas: 2, placement: {pool: nodes} }
          front: { availability: 100%, depends_on: [a, b] }
        objectives:
          shop: { at: front, target: 99.9% }
        """

    /// The simulator reads the same expanded model: inside its interval, outages within 5 %.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: placed shop
            pools:
              zones: [az-a, az-b, az-c]
            components:
              az-a: { layer: physical, mtbf: 500h, mttr: 2h }
              az-b: { layer: physical, mtbf: 500h, mttr: 2h }
              az-c: { layer: physical, mtbf: 500h, mttr: 2h }
              web: { mtbf: 200h, mttr: 1h, replicas: 3, needs: 2, common_cause: 5%, placement: {spread: zones} }
              api: { mtbf: 300h, mttr: 30m, replicas: 2, placement: [az-b, az-c] }
              shop: { availability: 100%, depends_on: [web, api] }
            objectives:
              shop: { at: shop, target: 99.9% }
              web: { at: web, target: 99.9% }
            """, file: "placed.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 4000, label: "placement")
    }

    /// A placed replica never clashes with a model's names, and adding a zone never lowers the figure.
    @Test func spreadingOverMoreZonesNeverLowersAvailability() throws {
        let two = try Self.threeZones(placement: "[az-a, az-b]")
        let three = try Self.threeZones(placement: "[az-a, az-b, az-c]")
        #expect(two.component(named: "web")?.placement?.targets == ["az-a", "az-b", "az-a"])
        #expect(AvailabilityAnalysis(three).objective(0).probability.down < AvailabilityAnalysis(two).objective(0).probability.down)
    }
}
