import Foundation
import Testing
@testable import NinesKit

/// Simulated figures against exact and hand-derived ones. Each check allows the simulation's own
/// sampling error (a 99.9% interval, 3.29 standard errors, so a fixed seed is not "lucky") plus the
/// stated error of the approximation, if any.
@Suite struct SimulationTests {
    static func load(_ text: String) throws -> SystemModel {
        try ModelLoader.load(text: text, file: "test.yaml")
    }

    static func simulate(_ model: SystemModel, periods: Int, seed: UInt64 = 7, threads: Int = 2) throws -> SimulationReport {
        try simulatedReport(model, SimulationSettings(periods: periods, seed: seed, threads: threads))
    }

    /// Half-width of the 99.9% interval on the unavailability, from the reported 95% one.
    static func wideHalfWidth(_ objective: SimulatedObjective) -> Double {
        (objective.availabilityHigh - objective.availabilityLow) / 2 * 3.29 / 1.96
    }

    @Test func singleUnitMatchesSteadyStateAndCompoundPoisson() throws {
        // λ = 1/500 h, exponential repair with mean r = 1 h, month T = 720 h.
        let model = try Self.load("""
            version: 1
            system: one unit
            components:
              unit: { mtbf: 500h, mttr: 1h }
            objectives:
              up: { at: unit, target: 99.7% }
            """)
        let report = try Self.simulate(model, periods: 24_000)
        let objective = report.allComponents[0]
        let q = 1.0 / 501
        #expect(abs(objective.unavailability - q) <= Self.wideHalfWidth(objective))
        // Compound Poisson: N ~ Poisson(m) outages a month, m = λ·A·T; given N = k the downtime is
        // Gamma(k, r), so P(D > x) = Σ_k P(N = k) · Σ_{j<k} e^{−x/r} (x/r)^j / j!.
        let m = 720.0 / 500 * (500.0 / 501)
        let budget = 0.003 * 720      // 2.16 h
        var exceed = 0.0
        var poisson = exp(-m)
        for k in 1..<60 {
            poisson *= m / Double(k)
            var gammaTail = 0.0, term = exp(-budget)
            for j in 0..<k {
                if j > 0 { term *= budget / Double(j) }
                gammaTail += term
            }
            exceed += poisson * gammaTail
        }
        let meet = try #require(objective.meetProbability)
        let standardError = (exceed * (1 - exceed) / Double(objective.periods)).squareRoot()
        // Poisson counts ignore that a unit fails only while up (count variance 0.4% lower) and
        // outages cut by a month's end: both well under 0.005 here.
        #expect(abs((1 - meet) - exceed) <= 3.29 * standardError + 0.005, "P(D > budget) \(1 - meet) vs \(exceed)")
    }

    @Test func activePassivePairPaysTheFailoverDelay() throws {
        // Two units λ = 1/100 h, μ = 1/h (exponential), failover 10 min + 20 min = τ = 0.5 h.
        let model = try Self.load("""
            version: 1
            system: pair
            components:
              db:
                mtbf: 100h
                mttr: 1h
                replicas: 2
                failover: { mode: active-passive, detect: 10m, switch: 20m }
            objectives:
              up: { at: db }
            """)
        let report = try Self.simulate(model, periods: 12_000)
        let objective = report.allComponents[0]
        // Down = no unit up (q²) or a switchover in progress with a unit up. Switchovers start when the
        // active fails with the standby up (rate λp²) and last τ; subtract the part of the window in
        // which both are down (old one still in repair, new one failed):
        // I = λ/(λ+μ) · [(1 − e^{−μτ})/μ − (1 − e^{−(λ+2μ)τ})/(λ+2μ)].
        let lambda = 0.01, mu = 1.0, tau = 0.5
        let p = mu / (lambda + mu), q = lambda / (lambda + mu)
        let overlap = lambda / (lambda + mu) * ((1 - exp(-mu * tau)) / mu - (1 - exp(-(lambda + 2 * mu) * tau)) / (lambda + 2 * mu))
        let expected = q * q + lambda * p * p * (tau - overlap)
        // Windows cut short by a second switchover are second order: O(λτ·μτ) ≈ 0.5% of the window term.
        #expect(abs(objective.unavailability - expected) <= Self.wideHalfWidth(objective) + 0.005 * expected,
                "simulated \(objective.unavailability) vs \(expected)")
        // The exact engine costs failover as λp²·τ / (1 + λp²·τ) in series with the pair (docs/sla.md):
        // it leaves out the overlap and the 1/(1 + λp²τ) factor undercounts by λτ ≈ 0.5%.
        let exactUnavailability = 1 - objective.exactAvailability
        #expect(abs(exactUnavailability - expected) <= 0.01 * expected, "exact \(exactUnavailability) vs \(expected)")
    }

    @Test func maskedDependencyHidesShortOutages() throws {
        // X: λ = 1/50 h, exponential repair mean 1/μ = 30 min, masked for w = 20 min. A caller sees
        // only the part of each outage beyond w: E[(D − w)+] = e^{−μw}/μ, so U = q·e^{−μw}; the
        // end-to-end flow (reliability) sees all of it, U = q.
        let model = try Self.load("""
            version: 1
            system: masked
            components:
              caller: { availability: 100%, depends_on: [store] }
              store: { mtbf: 50h, mttr: 30m, masked_for: 20m }
            objectives:
              front: { at: caller }
              flow: { path: [caller] }
            """)
        let report = try Self.simulate(model, periods: 6000)
        let q = 0.5 / 50.5
        let masked = q * exp(-2.0 / 3)
        let front = report.allComponents[0], flow = report.allComponents[1]
        #expect(abs(front.unavailability - masked) <= Self.wideHalfWidth(front), "masked \(front.unavailability) vs \(masked)")
        #expect(abs(flow.unavailability - q) <= Self.wideHalfWidth(flow), "flow \(flow.unavailability) vs \(q)")
        // Outages seen by the caller: only those longer than w, a share e^{−μw} of them.
        let ratio = Double(front.outages) / Double(flow.outages)
        #expect(abs(ratio - exp(-2.0 / 3)) < 0.03)
    }

    @Test func sameSeedSameNumbersWhateverTheThreads() throws {
        let model = try Self.load(Self.smallModel)
        let one = try Self.simulate(model, periods: 4000, seed: 42, threads: 1)
        let two = try Self.simulate(model, periods: 4000, seed: 42, threads: 2)
        let three = try Self.simulate(model, periods: 4000, seed: 42, threads: 3)
        #expect(one == two)
        #expect(one == three)
        let other = try Self.simulate(model, periods: 4000, seed: 43, threads: 2)
        #expect(one != other)
    }

    @Test func precisionStopsEarlyAtAChunkBoundary() throws {
        let model = try Self.load(Self.smallModel)
        let settings = SimulationSettings(periods: 100_000, seed: 3, threads: 2, precision: 0.02)
        let report = try simulatedReport(model, settings)
        #expect(report.stoppedEarly)
        #expect(report.periodsSimulated < 100_000)
        #expect(report.periodsSimulated % SimulationSettings.chunkPeriods == 0)
        let again = try simulatedReport(model, SimulationSettings(periods: 100_000, seed: 3, threads: 1, precision: 0.02))
        #expect(again == report)
    }

    @Test func refusesRunsTooLargeToFinish() throws {
        let model = try Self.load(Self.smallModel)
        let simulation = MonteCarloSimulation(model)
        #expect(throws: SimulationRefusal.self) { try simulation.check(SimulationSettings(periods: 1_000_000_000)) }
        let noTarget = try Self.load("""
            version: 1
            system: s
            components: { a: { mtbf: 10h, mttr: 1h } }
            objectives: { o: { at: a } }
            """)
        let yearly = try Self.load("""
            version: 1
            system: s
            components: { a: { mtbf: 10h, mttr: 1h } }
            objectives: { o: { at: a, period: year } }
            """)
        #expect(throws: SimulationRefusal.self) { try MonteCarloSimulation(yearly).check(SimulationSettings(periods: 11)) }
        #expect(throws: Never.self) { try MonteCarloSimulation(yearly).check(SimulationSettings(periods: 13)) }
        #expect(throws: SimulationRefusal.precisionWithoutTarget) {
            try MonteCarloSimulation(noTarget).check(SimulationSettings(periods: 10, precision: 0.01))
        }
    }

    /// Without --periods a run is kept to about 1e9 events: whole chunks, never under one chunk.
    @Test func defaultPeriodsFitTheDefaultEventBudget() throws {
        let small = MonteCarloSimulation(try Self.load(Self.smallModel))
        #expect(small.defaultPeriods() == SimulationSettings().periods)
        // Ten units failing every hour: about 1,460 events a month each, 100,000 months ≈ 1.5e9 events.
        let names = (0..<10).map { "u\($0)" }
        let busy = MonteCarloSimulation(try Self.load("""
            version: 1
            system: s
            period: month
            components: { \(names.map { "\($0): { mtbf: 1h, mttr: 1m }" }.joined(separator: ", ")) }
            objectives: { o: { path: [\(names.joined(separator: ", "))] } }
            """))
        let periods = busy.defaultPeriods()
        let chunk = busy.plan.chunkPeriods
        #expect(periods < SimulationSettings().periods)
        #expect(periods % chunk == 0)
        #expect(busy.estimatedEvents(periods: periods) <= SimulationSettings.defaultEventBudget)
        #expect(busy.estimatedEvents(periods: periods + chunk) > SimulationSettings.defaultEventBudget)
    }

    @Test func nonExponentialRepairKeepsTheMeanButChangesTheSpread() throws {
        // Same mean repair (1 h): fixed repairs make monthly downtime a multiple of 1 h (minus
        // outages cut by a month's end), so its spread is smaller than with exponential repairs.
        let fixed = try Self.load("""
            version: 1
            system: fixed
            components:
              unit: { mtbf: 200h, repair: { distribution: fixed, duration: 1h } }
            objectives: { up: { at: unit } }
            """)
        let exponential = try Self.load("""
            version: 1
            system: exponential
            components:
              unit: { mtbf: 200h, mttr: 1h }
            objectives: { up: { at: unit } }
            """)
        let a = try Self.simulate(fixed, periods: 6000).allComponents[0]
        let b = try Self.simulate(exponential, periods: 6000).allComponents[0]
        let q = 1.0 / 201
        #expect(abs(a.unavailability - q) <= Self.wideHalfWidth(a))
        #expect(abs(b.unavailability - q) <= Self.wideHalfWidth(b))
        #expect(a.availabilityHigh - a.availabilityLow < b.availabilityHigh - b.availabilityLow)
        #expect(a.longestOutageHours <= 1 + 1e-9)
    }

    @Test func objectivesCountTheirOwnPeriods() throws {
        let model = try Self.load("""
            version: 1
            system: weekly
            components:
              unit: { mtbf: 100h, mttr: 1h }
            objectives:
              monthly: { at: unit, target: 98.5% }
              weekly: { at: unit, target: 98.5%, period: week }
            """)
        let report = try Self.simulate(model, periods: 2400)
        // Two chunks of 1,200 months (864,000 h): 5,142 whole weeks each.
        #expect(report.allComponents[0].periods == 2400)
        #expect(report.allComponents[1].periods == 2 * 5142)
        #expect(report.allComponents[1].periodsPerYear == 52)
        #expect(report.allComponents[0].periodsPerYear == 12)
        #expect(report.allComponents[0].years == 200)
        // Weekly downtime varies more around the same budget share, so weeks miss more often.
        let monthly = try #require(report.allComponents[0].meetProbability)
        let weekly = try #require(report.allComponents[1].meetProbability)
        #expect(weekly < monthly)
    }

    static let smallModel = """
        version: 1
        system: small
        components:
          zone-a: { availability: 99.9%, mttr: 2h }
          zone-b: { availability: 99.9%, mttr: 2h }
          web: { mtbf: 300h, mttr: 20m, replicas: 3, needs: 2, common_cause: 5%, depends_on: [{ any: [zone-a, zone-b] }] }
          db: { mtbf: 1000h, repair: { distribution: weibull, shape: 2, scale: 1h }, depends_on: [zone-a] }
        objectives:
          front: { at: web, target: 99.9% }
          flow: { path: [web, db], target: 99.5% }
        """
}
