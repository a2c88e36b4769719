import Foundation
import Testing
@testable import NinesKit

/// Transient faults (docs/patterns.md, "Transient faults"): blips of rate ν and duration d compete
/// with ordinary outages of rate λ and repair r, so the unit is down with odds λ·r + ν·d
/// (alternating renewal process with two competing failure causes, e.g. Trivedi, "Probability and
/// Statistics with Reliability, Queuing and Computer Science Applications", steady state of a
/// three-state Markov chain up / repairing / blipping: P(up) = 1 / (1 + λ·r + ν·d)).
@Suite struct TransientFaultTests {
    static let model = """
        version: 1
        system: blips
        components:
          network: { mtbf: 1000h, mttr: 1h, transient: { rate: 20/d, duration: 2s } }
          gateway: { availability: 99.9%, transient: { rate: 1/h, duration: 1s } }
          api: { mtbf: 720h, mttr: 10m, depends_on: [network, gateway] }
        objectives:
          front: { at: api, target: 99.9% }
        """

    /// Hand computation: network odds 1/1000 + (20/24)·(2/3600) = 0.001 + 1/2160; gateway odds
    /// 0.001/0.999 + 1/3600; api 720/720.1666…; the objective is their product.
    @Test func blipsAddTheirOdds() throws {
        let model = try ModelLoader.load(text: Self.model, file: "blips.yaml")
        let network = 1 / (1 + 0.001 + 1.0 / 2160)
        let gateway = 1 / (1 + 0.001 / 0.999 + 1.0 / 3600)
        let api = 720.0 / (720 + 1.0 / 6)
        let exact = AvailabilityAnalysis(model).objective(0).probability
        #expect(Closeness.relative(exact.up, network * gateway * api, within: 1e-12), "\(exact.up) vs \(network * gateway * api)")
        // The repair time stays the real repair's: the RTO finding still names one hour.
        #expect(model.component(named: "network")?.figures.mttr == 1)
        // 20 blips of 2 s a day: 1200 s in 30 days against 0.72 h of ordinary outages (month of 720 h),
        // i.e. the unavailability odds grow from 0.001 to 0.001463.
        #expect(Closeness.relative(try #require(model.component(named: "network")).figures.probability.down,
                                   (0.001 + 1.0 / 2160) / (1 + 0.001 + 1.0 / 2160), within: 1e-12))
    }

    /// Placed replicas each blip on their own; the placed component adds no blips of its own.
    @Test func placedReplicasCarryTheBlips() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: placed
            components:
              zone-a: { availability: 100% }
              zone-b: { availability: 100% }
              web: { mtbf: 1000h, mttr: 1h, replicas: 2, needs: 1, placement: [zone-a, zone-b], transient: { rate: 1/h, duration: 36s } }
            objectives:
              front: { at: web, target: 99% }
            """, file: "placed.yaml")
        // Each replica: odds 0.001 + 0.01; one of two needed: q = (0.011/1.011)².
        let q = 0.011 / 1.011
        #expect(Closeness.relative(AvailabilityAnalysis(model).objective(0).probability.down, q * q, within: 1e-9))
    }

    /// Both engines read the folded figures (rate and mean repair): the simulation agrees within its interval.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: blips
            components:
              network: { mtbf: 200h, mttr: 1h, transient: { rate: 50/d, duration: 30s } }
              api: { mtbf: 300h, mttr: 10m, replicas: 2, depends_on: [network] }
            objectives:
              front: { at: api, target: 99.9% }
            """, file: "sim.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 4000, label: "transient")
    }
}
