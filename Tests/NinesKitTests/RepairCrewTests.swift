import Foundation
import Testing
@testable import NinesKit

/// Repair crews (docs/model-format.md, "Repair crews"). The chain is the finite-source
/// (machine-repairman) queue: K. S. Trivedi, *Probability and Statistics with Reliability,
/// Queuing and Computer Science Applications*, 2nd ed., Wiley 2002, §8.2.2 (two units, one repair
/// facility) and §9.6; D. Gross, C. M. Harris, *Fundamentals of Queueing Theory*, 3rd ed., §2.7.
/// The references below are solved by hand from the balance equations.
@Suite struct RepairCrewTests {
    static let rate = 0.01, repair = 10.0   // λ = 1/100 h, μ = 1/10 h
    static let lambda = rate, mu = 1 / repair

    /// Two identical units, one repairer. With i units down: 2λ·π0 = μ·π1, λ·π1 = μ·π2, so
    /// π1 = (2λ/μ)·π0, π2 = (2λ²/μ²)·π0 and Q = π2 = 2λ² / (2λ² + 2λμ + μ²) (Trivedi §8.2.2).
    static let pairDown = 2 * lambda * lambda / (2 * lambda * lambda + 2 * lambda * mu + mu * mu)
    /// Each unit is down in π2 and in half of π1 (symmetry): (λμ + 2λ²) / (2λ² + 2λμ + μ²).
    static let memberDown = (lambda * mu + 2 * lambda * lambda) / (2 * lambda * lambda + 2 * lambda * mu + mu * mu)

    /// The pair fails from π1 at rate λ: w = λ · 2λμ / (2λ² + 2λμ + μ²).
    static let pairFrequency = lambda * 2 * lambda * mu / (2 * lambda * lambda + 2 * lambda * mu + mu * mu)

    static func member(rate: Double = rate, repair: Double = repair, replicas: Int = 1, rank: Int = .max) -> CrewChain.Member {
        CrewChain.Member(rate: rate, repairMean: repair, replicas: replicas, needs: replicas, rank: rank)
    }

    @Test func pairWithOneRepairerMatchesTheClosedForm() throws {
        let queue = try #require(CrewChain(members: [Self.member(), Self.member()], size: 1).solve(crew: "c", names: ["a", "b"]))
        let both = queue.joint.first { $0.down == 0b11 }?.probability ?? 0
        #expect(Closeness.relative(both, Self.pairDown, within: 1e-12), "\(both) vs \(Self.pairDown)")
        for q in queue.unavailability { #expect(Closeness.relative(q, Self.memberDown, within: 1e-12)) }
        // Little's law: mean waiting π2 (one waits), failures λ(2π0 + π1), so W = π2 / that.
        let pi0 = Self.mu * Self.mu / (2 * Self.lambda * Self.lambda + 2 * Self.lambda * Self.mu + Self.mu * Self.mu)
        let pi1 = 2 * Self.lambda / Self.mu * pi0
        #expect(Closeness.relative(queue.meanWaitHours, Self.pairDown / (Self.lambda * (2 * pi0 + pi1)), within: 1e-12))
    }

    /// One unit with two replicas needing one is the same pair, seen as one component.
    @Test func replicasQueueLikeComponents() throws {
        let queue = try #require(CrewChain(members: [Self.member(replicas: 2)].map { var m = $0; m.needs = 1; return m }, size: 1)
            .solve(crew: "c", names: ["a"]))
        #expect(Closeness.relative(queue.unavailability[0], Self.pairDown, within: 1e-12))
    }

    /// As many repairers as units: independent repairs, q = λ/(λ + μ) each and the product jointly.
    @Test func aRepairerPerUnitIsIndependent() throws {
        let queue = try #require(CrewChain(members: [Self.member(), Self.member(rate: 0.02)], size: 2).solve(crew: "c", names: ["a", "b"]))
        let qa = 0.01 / (0.01 + 0.1), qb = 0.02 / (0.02 + 0.1)
        #expect(Closeness.relative(queue.unavailability[0], qa, within: 1e-12))
        #expect(Closeness.relative(queue.unavailability[1], qb, within: 1e-12))
        #expect(Closeness.relative(queue.joint.first { $0.down == 0b11 }!.probability, qa * qb, within: 1e-12))
        #expect(queue.meanWaitHours == 0)
    }

    /// The crew played event by event agrees with the chain, first come first served and by
    /// priority (three members, so the order matters); priority helps the member served first.
    @Test(arguments: [false, true])
    func simulationAgreesWithTheChain(priority: Bool) throws {
        let members = [Self.member(rate: 0.02, repair: 5, rank: priority ? 2 : .max), Self.member(rate: 0.03, repair: 8),
                       Self.member(rate: 0.01, repair: 12, replicas: 2, rank: priority ? 1 : .max)]
        let chain = CrewChain(members: members, size: 1)
        let exact = try #require(chain.solve(crew: "c", names: ["a", "b", "c"]))
        let simulated = CrewQueueSimulation(chain: chain).figures(crew: "c", names: ["a", "b", "c"], hours: 4e6, seed: 7)
        for m in 0..<3 {
            #expect(Closeness.relative(simulated.unavailability[m], exact.unavailability[m], within: 0.03),
                    "member \(m): \(simulated.unavailability[m]) vs \(exact.unavailability[m])")
        }
        #expect(Closeness.relative(simulated.meanWaitHours, exact.meanWaitHours, within: 0.03))
        if priority {
            let fcfs = try #require(CrewChain(members: members.map { var m = $0; m.rank = .max; return m }, size: 1)
                .solve(crew: "c", names: ["a", "b", "c"]))
            #expect(exact.unavailability[2] < fcfs.unavailability[2] && exact.unavailability[1] > fcfs.unavailability[1])
        }
    }

    static let pair = """
        version: 1
        system: pair
        repair_crews:
          oncall: { size: 1 }
        components:
          a: { mtbf: 100h, mttr: 10h, crew: oncall }
          b: { mtbf: 100h, mttr: 10h, crew: oncall }
          api: { availability: 100%, depends_on: [{ any: [a, b] }] }
          solo: { mtbf: 100h, mttr: 10h }
          both: { availability: 100%, depends_on: [a, solo] }
        objectives:
          front: { at: api, target: 99% }
          one: { at: both, target: 99% }
        """

    /// The engine takes the joint distribution where both members are read (not q_a · q_b), and
    /// a member's own figure where one is.
    @Test func engineConditionsOnTheCrew() throws {
        let model = try ModelLoader.load(text: Self.pair, file: "pair.yaml")
        let a = try #require(model.component(named: "a"))
        #expect(a.replicas == 1 && a.crew?.stated == Standby.Units(figures: .mtbf(100, mttr: 10), replicas: 1, needs: 1))
        #expect(Closeness.relative(a.figures.probability.down, Self.memberDown, within: 1e-12))
        let analysis = AvailabilityAnalysis(model)
        #expect(Closeness.relative(analysis.objective(0).probability.down, Self.pairDown, within: 1e-9),
                "\(analysis.objective(0).probability.down) vs \(Self.pairDown), independent would be \(Self.memberDown * Self.memberDown)")
        // The pair goes down when the second fails while the first is in repair: w = λ·π1.
        #expect(Closeness.relative(try #require(analysis.objective(0).frequency), Self.pairFrequency, within: 1e-9))
        // a and solo in series: independent, 1 − (1 − q_a)(1 − q_solo).
        let solo = 0.01 / 0.11
        #expect(Closeness.relative(analysis.objective(1).probability.down, 1 - (1 - Self.memberDown) * (1 - solo), within: 1e-12))
    }

    /// The simulator queues the repairs: its availability of the pair lies in the interval around
    /// the closed form (and far from the independent repairs' q²).
    @Test func simulatorQueuesRepairs() throws {
        let model = try ModelLoader.load(text: Self.pair, file: "pair.yaml")
        let report = try simulatedReport(model, SimulationSettings(periods: 6000, seed: 5, threads: 2))
        let front = report.allComponents[0]
        let half = SimulationTests.wideHalfWidth(front)
        #expect(abs((1 - front.availability) - Self.pairDown) <= half, "\(1 - front.availability) ± \(half) vs \(Self.pairDown)")
        let exactPerPeriod = Self.pairFrequency * front.periodHours
        #expect(abs(front.outagesPerPeriod - exactPerPeriod) <= 0.05 * exactPerPeriod, "\(front.outagesPerPeriod) vs \(exactPerPeriod)")
    }

    /// A crew past the chain's limit is played instead, and says so.
    @Test func pastTheLimitTheCrewIsSimulated() throws {
        let members = (0..<13).map { "u\($0): { mtbf: 100h, mttr: 10h, crew: all }" }.joined(separator: "\n  ")
        let model = try ModelLoader.load(text: """
            version: 1
            system: big crew
            repair_crews:
              all: { size: 13 }
            components:
              \(members)
            """, file: "big.yaml")
        let queue = try #require(model.crewQueues.first)
        guard case .simulated = queue.method else { Issue.record("expected a simulated crew"); return }
        // Thirteen repairers for thirteen units: independent, q = λ/(λ + μ).
        #expect(Closeness.relative(queue.unavailability[0], 0.01 / 0.11, within: 0.03), "\(queue.unavailability[0])")
    }

    @Test func badCrewsAreLocated() {
        let errors = DistributionTests.errors("""
            version: 1
            system: crews
            repair_crews:
              nobody: { size: 0 }
            components:
              a: { mtbf: 100h, mttr: 10h, crew: oncal }
              b: { mtbf: 100h, mttr: 10h, priority: 1 }
              c: { availability: 99%, crew: nobody }
              d: { mtbf: 100h, mttr: 10h, replicas: 2, standby: { mode: cold }, crew: nobody }
            """)
        #expect(errors.contains { $0.hasPrefix("m.yaml:4:") && $0.contains("'size'") && $0.contains("found '0'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("m.yaml:6:") && $0.contains("unknown crew 'oncal'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("m.yaml:7:") && $0.contains("give 'crew' too") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("m.yaml:8:") && $0.contains("needs a failure rate") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("m.yaml:9:") && $0.contains("cannot go with 'standby'") }, "\(errors)")
    }
}
