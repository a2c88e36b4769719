import Foundation
import Testing
@testable import NinesKit

/// Standby blocks (docs/patterns.md, "Standby"). The chain is the textbook repairable standby with
/// imperfect switching (M. Rausand, A. Høyland, *System Reliability Theory*, 2nd ed., Wiley 2004,
/// §6.4 and ch. 8; K. S. Trivedi, *Probability and Statistics with Reliability, Queuing and
/// Computer Science Applications*, 2nd ed., Wiley 2002, ch. 8). The references below are solved by
/// hand from its balance equations, with ρ = λ/μ.
@Suite struct StandbyTests {
    static func chain(_ mode: Standby.Mode, rate: Double = 0.01, dormant: Double = 0, repair: Double = 10,
                      replicas: Int = 2, needs: Int = 1, success: Double = 1, time: Double = 0) -> StandbyChain {
        StandbyChain(rate: rate, dormantRate: mode == .hot ? rate : dormant, repairMean: repair, replicas: replicas,
                     needs: needs, switchSuccess: success, switchTime: time)
    }

    /// 1+1 cold, perfect switch, two repairs at once: π1 = ρπ0, π2 = (ρ/2)π1, so
    /// q = (ρ²/2) / (1 + ρ + ρ²/2); ρ = 0.1 gives 0.005 / 1.105.
    @Test func coldPairWithAPerfectSwitch() {
        let figure = Self.chain(.cold).figures.unavailability
        #expect(Closeness.relative(figure, 0.005 / 1.105, within: 1e-12), "\(figure)")
    }

    /// 1+1 cold, switch success c: a failed switch waits for the repair (B1 = (1 − c)ρ·π0), a
    /// working one goes on (π1 = cρ·π0, π2 = (ρ/2)π1): q = (cρ²/2 + (1 − c)ρ) / (1 + cρ + cρ²/2 + (1 − c)ρ).
    /// ρ = 0.1, c = 0.9: 0.0145 / 1.1045.
    @Test func coldPairWithAnImperfectSwitch() {
        let figures = Self.chain(.cold, success: 0.9).figures
        #expect(Closeness.relative(figures.unavailability, 0.0145 / 1.1045, within: 1e-12), "\(figures.unavailability)")
        // Outages: every failure of the active in π0 whose switch fails, every failure in π1 (no spare left).
        let pi0 = 1 / 1.1045
        #expect(Closeness.relative(figures.frequency, pi0 * 0.01 * 0.1 + 0.09 * pi0 * 0.01, within: 1e-12))
    }

    /// Hot standby with a perfect instant switch is k of n with independent repairs: the binomial.
    @Test func hotStandbyIsKOfN() {
        let p = 10.0 / 11   // μ/(λ + μ) with λ = 0.1, MTTR 1
        for (replicas, needs) in [(2, 1), (3, 2), (5, 3)] {
            let figure = Self.chain(.hot, rate: 0.1, repair: 1, replicas: replicas, needs: needs).figures.unavailability
            let up = (needs...replicas).reduce(0.0) { sum, i in
                sum + Double(binomial(replicas, i)) * pow(p, Double(i)) * pow(1 - p, Double(replicas - i))
            }
            #expect(Closeness.relative(figure, 1 - up, within: 1e-9), "\(needs) of \(replicas): \(figure) vs \(1 - up)")
        }
    }

    /// A switch of τ hours adds τ per working switch: 1+1 cold, perfect, adds π0·λ·τ.
    @Test func switchTimeIsDowntimePerSwitch() {
        let without = Self.chain(.cold).figures, with = Self.chain(.cold, time: 0.5).figures
        #expect(Closeness.relative(with.unavailability - without.unavailability, 1 / 1.105 * 0.01 * 0.5, within: 1e-9))
        #expect(Closeness.relative(with.frequency - without.frequency, 1 / 1.105 * 0.01, within: 1e-9))
    }

    /// A warm spare sits between cold and hot.
    @Test func warmSitsBetweenColdAndHot() {
        let cold = Self.chain(.cold, replicas: 3, needs: 2).figures.unavailability
        let warm = Self.chain(.warm, dormant: 0.003, replicas: 3, needs: 2).figures.unavailability
        let hot = Self.chain(.hot, replicas: 3, needs: 2).figures.unavailability
        #expect(cold < warm && warm < hot, "\(cold) < \(warm) < \(hot)")
    }

    /// The block simulation (instance by instance, fixed switch time) agrees with the chain.
    /// Two million hours give about 40,000 outages: 5% is several standard errors wide.
    @Test(arguments: [(Standby.Mode.cold, 2, 1, 0.9, 0.0), (.warm, 3, 2, 0.95, 0.0), (.warm, 3, 2, 0.95, 0.05), (.hot, 4, 2, 0.8, 0.0)])
    func simulationAgreesWithTheChain(mode: Standby.Mode, replicas: Int, needs: Int, success: Double, time: Double) {
        let rate = 0.05, dormant = mode == .hot ? 0.05 : (mode == .warm ? 0.01 : 0), repair = 2.0
        let block = StandbyChain(rate: rate, dormantRate: dormant, repairMean: repair, replicas: replicas, needs: needs,
                                 switchSuccess: success, switchTime: time)
        let exact = block.figures.unavailability
        let simulated = StandbyBlockSimulation(block: block).downShare(hours: 2e6, seed: 24)
        #expect(Closeness.relative(simulated, exact, within: 0.05), "\(mode) \(needs)+\(replicas - needs): \(simulated) vs \(exact)")
    }

    static let model = """
        version: 1
        system: standby
        components:
          db: { mtbf: 100h, mttr: 10h, replicas: 2, standby: { mode: cold, switch: { success: 90% } } }
        objectives:
          service: { at: db, target: 99% }
        """

    /// The loader folds the block into one unit with the chain's figures; the stated block stays.
    @Test func loaderFoldsTheBlock() throws {
        let model = try ModelLoader.load(text: Self.model, file: "standby.yaml")
        let db = try #require(model.component(named: "db"))
        #expect(db.replicas == 1 && db.needs == 1)
        #expect(Closeness.relative(db.figures.probability.down, 0.0145 / 1.1045, within: 1e-12))
        #expect(db.standby?.stated == Standby.Units(figures: .mtbf(100, mttr: 10), replicas: 2, needs: 1))
        #expect(Closeness.relative(AvailabilityAnalysis(model).objective(0).probability.down, 0.0145 / 1.1045, within: 1e-12))
    }

    static func errors(_ standby: String, extra: String = "replicas: 2") -> [String] {
        do {
            _ = try ModelLoader.load(text: """
                version: 1
                system: standby
                components:
                  db: { mtbf: 100h, mttr: 10h, \(extra), standby: \(standby) }
                """, file: "m.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func badStandbyIsLocated() {
        #expect(Self.errors("{ mode: tepid }").contains { $0.hasPrefix("m.yaml:4:") && $0.contains("'mode'") && $0.contains("tepid") })
        #expect(Self.errors("{ mode: warm }").contains { $0.hasPrefix("m.yaml:4:") && $0.contains("dormant_rate") })
        #expect(Self.errors("{ mode: cold, dormant_rate: 1/y }").contains { $0.hasPrefix("m.yaml:4:") && $0.contains("goes with mode 'warm'") })
        #expect(Self.errors("{ mode: cold }", extra: "replicas: 2, needs: 2").contains { $0.hasPrefix("m.yaml:4:") && $0.contains("must be more than 'needs'") })
        #expect(Self.errors("{ mode: cold }", extra: "replicas: 2, common_cause: 5%").contains { $0.contains("cannot go with 'common_cause'") })
        #expect(Self.errors("{ mode: cold, switch: { succes: 90% } }").contains { $0.hasPrefix("m.yaml:4:") && $0.contains("succes") })
        // All at once.
        #expect(Self.errors("{ mode: warm, switch: { time: soon } }", extra: "replicas: 1").count >= 3)
    }

    static func mission(_ standby: String, replicas: Int = 2, hours: Double = 8760) throws -> MissionFigure {
        let model = try ModelLoader.load(text: """
            version: 1
            system: standby
            components:
              db: { mtbf: 10000h, mttr: 10h, replicas: \(replicas), standby: \(standby) }
            objectives:
              service: { at: db, target: 99% }
            """, file: "standby.yaml")
        return MissionReliability(AvailabilityAnalysis(model), missionHours: hours).objectives[0]
    }

    /// Mission without repair, 1+1 cold with a perfect switch: R(t) = e^{−λt}(1 + λt), MTTF = 2/λ
    /// (Rausand & Høyland §6.4, cold standby of two identical units).
    @Test func coldPairMissionMatchesItsClosedForm() throws {
        let λ = 1e-4, t = 8760.0
        let figure = try Self.mission("{ mode: cold }")
        let exact = exp(-λ * t) * (1 + λ * t)
        #expect(Closeness.relative(figure.reliability.up, exact, within: 1e-10), "\(figure.reliability.up) vs \(exact)")
        #expect(Closeness.relative(figure.reliability.down, 1 - exact, within: 1e-9))
        #expect(Closeness.relative(try #require(figure.mttfHours), 2 / λ, within: 1e-6))
        // A short mission keeps the small failure probability's digits: 1 − e^{−x}(1 + x) ≈ x²/2.
        let short = try Self.mission("{ mode: cold }", hours: 1)
        #expect(Closeness.relative(short.reliability.down, -expm1(-λ) - λ * exp(-λ), within: 1e-6), "\(short.reliability.down)")
    }

    /// Warm, one spare, switch c: R = e^{−λt}[1 + c·λ·(1 − e^{−λd·t})/λd] (the active fails at x,
    /// the spare has survived x, the switch works, the spare lasts t − x); hot 2-of-3 with a perfect
    /// switch is the k-of-n closed form 3e^{−2λt} − 2e^{−3λt}.
    @Test func warmAndHotMissionsMatchTheirClosedForms() throws {
        let λ = 1e-4, d = 2e-5, c = 0.95, t = 8760.0
        let warm = try Self.mission("{ mode: warm, dormant_rate: 0.00002/h, switch: { success: 95% } }")
        let exact = exp(-λ * t) * (1 + c * λ * (1 - exp(-d * t)) / d)
        #expect(Closeness.relative(warm.reliability.up, exact, within: 1e-10), "\(warm.reliability.up) vs \(exact)")
        let model = try ModelLoader.load(text: """
            version: 1
            system: standby
            components:
              web: { mtbf: 10000h, mttr: 10h, replicas: 3, needs: 2, standby: { mode: hot } }
            objectives:
              service: { at: web, target: 99% }
            """, file: "standby.yaml")
        let hot = MissionReliability(AvailabilityAnalysis(model), missionHours: t).objectives[0]
        let kOfN = 3 * exp(-2 * λ * t) - 2 * exp(-3 * λ * t)
        #expect(Closeness.relative(hot.reliability.up, kOfN, within: 1e-10), "\(hot.reliability.up) vs \(kOfN)")
    }

    private func binomial(_ n: Int, _ k: Int) -> Int { k == 0 ? 1 : binomial(n - 1, k - 1) * n / k }
}

/// The main simulator plays a standby block instance by instance (waiting instances at the
/// dormant rate, switch time and success, a repair bringing the block back) instead of the folded
/// figure, and agrees with StandbyChain: every objective's exact availability lies in the
/// simulated interval and the outage frequencies are within 5% (FailoverAgreementTests' check).
@Suite struct StandbySimulationAgreementTests {
    @Test(arguments: [
        ("cold 1+1, switch fails 10%", 2, 1, "{ mode: cold, switch: { success: 90% } }"),
        ("warm 2+1, 5 min switch", 3, 2, "{ mode: warm, dormant_rate: 1/500h, switch: { success: 95%, time: 5m } }"),
        ("hot 2+2, switch fails 20%", 4, 2, "{ mode: hot, switch: { success: 80% } }"),
    ])
    func simulatorAgreesWithTheChain(_ label: String, replicas: Int, needs: Int, standby: String) throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: standby block
            components:
              db: { mtbf: 100h, mttr: 2h, replicas: \(replicas), needs: \(needs), standby: \(standby) }
              api: { availability: 100%, depends_on: [db] }
            objectives:
              front: { at: api, target: 99.9% }
            """, file: "block.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 3000, label: label)
        // Played as stated, not as the folded unit (which would agree on these means too).
        let plan = SimulationPlan(model)
        let db = try #require(model.components.firstIndex { $0.name == "db" })
        #expect(plan.replicas[db] == Int32(replicas) && plan.needs[db] == Int32(needs) && plan.isStandby[db])
    }
}
