import Foundation
import Testing
@testable import NinesKit

/// Drills that find only part of the failures (`latent: {coverage: c, demand_every: D}`,
/// docs/patterns.md "Latent failures and drills").
/// Reference: IEC 61508-6:2010, Annex B.3.2.5 (proof tests that are not perfect), and ISA-TR84.00.02:
/// with proof-test coverage c, PFDavg ≈ c·λ·T/2 + (1 − c)·λ·D/2 (+ the test's downtime τ/T and the
/// repair λ·MTTR), the uncovered failures waiting for a demand or the mission's end D.
@Suite struct LatentCoverageTests {
    static func part(coverage: Double, every: Double, duration: Double = 0, repair: Double = 1e-7,
                     demand: Double? = nil, rate: Double = 1e-5) -> DrilledPart {
        DrilledPart(rate: rate, repairMean: repair,
                    latent: LatentFailures(testEvery: every, testDuration: duration, coverage: coverage, demandEvery: demand,
                                           location: ModelLocation(file: "test", line: 1, column: 1)))
    }

    /// Small λT and λD: the standard formula's four terms add (its neglected second-order terms,
    /// −(λT)²/6 per mode and the product of the two modes, are 0.55 % of it here).
    /// λ = 1e-5/h, c = 90 %, T = 720 h, D = 8760 h, τ = 1 h, MTTR 2 h:
    /// 0.9·1e-5·720/2 + 0.1·1e-5·8760/2 + 1/720 + 1e-5·2 = 0.00324 + 0.00438 + 0.001389 + 0.00002.
    @Test func smallRatesGiveTheStandardFormula() {
        let figure = Self.part(coverage: 0.9, every: 720, duration: 1, repair: 2, demand: 8760).figures.unavailability
        let standard = 0.9 * 1e-5 * 720 / 2 + 0.1 * 1e-5 * 8760 / 2 + 1.0 / 720 + 1e-5 * 2
        #expect(Closeness.relative(figure, standard, within: 1e-2), "\(figure) vs \(standard)")
    }

    /// Without drill downtime and repair, each mode is a perfectly tested item with its own exact
    /// mean 1 − (1 − e^{−x})/x (Rausand & Høyland, §10.3), and the part is their series.
    @Test func largeRatesGiveTheExactSeriesOfTheTwoModes() {
        let (rate, coverage, every, demand) = (1e-3, 0.8, 1000.0, 5000.0)
        let figure = Self.part(coverage: coverage, every: every, demand: demand, rate: rate).figures.unavailability
        func mean(_ x: Double) -> Double { 1 - (1 - exp(-x)) / x }
        let covered = mean(coverage * rate * every), missed = mean((1 - coverage) * rate * demand)   // x = 0.8 and 1
        let exact = 1 - (1 - covered) * (1 - missed)
        #expect(Closeness.relative(figure, exact, within: 1e-6), "\(figure) vs \(exact)")
    }

    /// Full coverage is the drill cycle alone, whatever a demand would do.
    @Test func fullCoverageIsTheDrillCycle() {
        let part = Self.part(coverage: 1, every: 720, duration: 1, repair: 2)
        let cycle = DrillCycle(rate: 1e-5, repairMean: 2, every: 720, duration: 1).figures
        #expect(part.figures.unavailability == cycle.unavailability)
        #expect(part.figures.frequency == cycle.frequency)
    }

    /// A demand takes no time: with no drill downtime, every outage starts with a failure, so the
    /// outage frequency is λ times the time up (a steady-state balance of up → down transitions).
    @Test func outagesAreFailuresWhenDrillsTakeNoTime() {
        let part = Self.part(coverage: 0.7, every: 500, repair: 3, demand: 3000, rate: 2e-4)
        let figures = part.figures
        #expect(Closeness.relative(figures.frequency, 2e-4 * (1 - figures.unavailability), within: 1e-9),
                "\(figures.frequency) vs \(2e-4 * (1 - figures.unavailability))")
    }

    /// The best drill interval is the covered mode's: √(2τ/(c·λ)) while c·λ·T is small (the missed
    /// term does not depend on T), and it is the minimiser of the whole curve.
    @Test func suggestedIntervalAccountsForCoverage() throws {
        let part = Self.part(coverage: 0.5, every: 720, duration: 1, repair: 0.5, demand: 8760)
        let suggested = try #require(part.suggestedInterval)
        let closedForm = (2 * 1.0 / (0.5 * 1e-5)).squareRoot()   // 632.5 h, where full coverage gives 447.2 h
        #expect(Closeness.relative(suggested, closedForm, within: 1e-2), "\(suggested) h vs \(closedForm) h")
        for factor in [0.9, 0.99, 1.01, 1.1] {
            #expect(part.figures(every: suggested).unavailability < part.figures(every: suggested * factor).unavailability)
        }
    }

    static let standbyModel = """
        version: 1
        system: partly drilled standby
        components:
          primary: { mtbf: 500h, mttr: 4h }
          standby: { mtbf: 2000h, mttr: 4h, latent: { test_every: 7d, test_duration: 2h, coverage: 80%, demand_every: 60d } }
          api: { availability: 100%, depends_on: [ { any: [primary, standby] } ] }
        objectives:
          service: { at: api, target: 99.9% }
          standby-alone: { at: standby, target: 90% }
        """

    /// The loader folds both modes into the figures the exact engine reads.
    @Test func loaderFoldsTheMissedFailures() throws {
        let model = try ModelLoader.load(text: Self.standbyModel, file: "coverage.yaml")
        let standby = try #require(model.component(named: "standby"))
        #expect(standby.latent?.coverage == 0.8)
        #expect(Closeness.relative(try #require(standby.latent?.demandEvery), 60 * 24, within: 1e-12))
        let drilled = DrillCycle(rate: 0.8 / 2000, repairMean: 4, every: 168, duration: 2).figures.unavailability
        let missed = DrillCycle(rate: 0.2 / 2000, repairMean: 4, every: 1440, duration: 0).figures.unavailability
        let expected = 1 - (1 - drilled) * (1 - missed)
        #expect(Closeness.relative(standby.figures.probability.down, expected, within: 1e-12))
    }

    /// The simulator plays both calendars (missed failures wait for a demand, the rest for a drill)
    /// and agrees with the exact figure.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try ModelLoader.load(text: Self.standbyModel, file: "coverage.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 40000, label: "coverage")
    }
}
