import Foundation
import Testing
@testable import NinesKit

/// Latent failures found by periodic drills (docs/patterns.md, "Latent failures and drills").
/// Reference: M. Rausand, A. Høyland, *System Reliability Theory*, 2nd ed. (Wiley, 2004), §10.3
/// (periodically tested items): the mean unavailability of an item tested every τ is exactly
/// 1 − (1 − e^{−λτ})/(λτ) ≈ λτ/2, the test's own downtime adds τ_test/τ and the repair λ·MRT.
/// Minimising λT/2 + τ/T over T gives T* = √(2τ/λ) (d/dT = λ/2 − τ/T² = 0).
@Suite struct LatentDrillTests {
    /// Without drill downtime and with a negligible repair, the drilled figure is the handbook's
    /// exact mean: λT = 1 gives 1 − (1 − e^{−1}) = e^{−1}.
    @Test func perfectDrillsMatchTheExactMeanUnavailability() {
        let repair = 1e-7   // hours: λ·m = 1e-10, far below the tolerance
        for (rate, every) in [(1e-3, 1000.0), (1e-5, 2160.0), (2e-4, 8760.0)] {
            let figure = DrillCycle(rate: rate, repairMean: repair, every: every, duration: 0).figures.unavailability
            let x = rate * every
            let exact = 1 - (1 - exp(-x)) / x
            #expect(Closeness.relative(figure, exact, within: 1e-6), "λT = \(x): \(figure) vs \(exact)")
        }
    }

    /// With λT small the three handbook terms add: λT/2 + τ/T + λm (their cross terms are below 0.5% here).
    @Test func drillDowntimeAndRepairAddToHalfTheInterval() {
        let rate = 1e-5, every = 720.0, duration = 1.0, repair = 2.0
        let figure = DrillCycle(rate: rate, repairMean: repair, every: every, duration: duration).figures.unavailability
        let handbook = rate * every / 2 + duration / every + rate * repair
        #expect(Closeness.relative(figure, handbook, within: 5e-3), "\(figure) vs \(handbook)")
    }

    /// The suggested interval minimises the exact curve, and sits at √(2τ/λ) while λT is small.
    @Test func suggestedIntervalIsTheMinimiser() throws {
        let rate = 1e-5, duration = 1.0, repair = 0.5
        let suggested = try #require(DrillCycle.suggestedInterval(rate: rate, repairMean: repair, duration: duration))
        let closedForm = (2 * duration / rate).squareRoot()   // 447.2 h
        #expect(Closeness.relative(suggested, closedForm, within: 1e-2), "\(suggested) h vs √(2τ/λ) = \(closedForm) h")
        func q(_ every: Double) -> Double {
            DrillCycle(rate: rate, repairMean: repair, every: every, duration: duration).figures.unavailability
        }
        for factor in [0.9, 0.99, 1.01, 1.1] { #expect(q(suggested) < q(suggested * factor)) }
        // A drill that costs nothing has no best interval: more often is always better.
        #expect(DrillCycle.suggestedInterval(rate: rate, repairMean: repair, duration: 0) == nil)
    }

    static let standbyModel = """
        version: 1
        system: drilled standby
        components:
          primary: { mtbf: 500h, mttr: 4h }
          standby: { mtbf: 2000h, mttr: 4h, latent: { test_every: 7d, test_duration: 2h } }
          api: { availability: 100%, depends_on: [ { any: [primary, standby] } ] }
        objectives:
          service: { at: api, target: 99.9% }
          standby-alone: { at: standby, target: 90% }
        """

    /// The loader folds the drills into the figures the exact engine reads; the stated unit stays
    /// for the simulator.
    @Test func loaderFoldsTheDrillsIntoTheFigures() throws {
        let model = try ModelLoader.load(text: Self.standbyModel, file: "drills.yaml")
        let standby = try #require(model.component(named: "standby"))
        let cycle = DrillCycle(rate: 1 / 2000, repairMean: 4, every: 168, duration: 2).figures
        #expect(Closeness.relative(standby.figures.probability.down, cycle.unavailability, within: 1e-12))
        #expect(standby.latent?.undrilled == .mtbf(2000, mttr: 4))
        let primary = 4.0 / 504
        #expect(Closeness.relative(AvailabilityAnalysis(model).objective(0).probability.down, primary * cycle.unavailability, within: 1e-9))
    }

    /// A mission without repair reads the stated failure rate: drills and windows are not failures.
    /// The standby alone over 1000 h: R = e^{−1000/2000} (Rausand & Høyland §5.3, exponential R(t)).
    @Test func missionReliabilityReadsTheStatedRate() throws {
        let model = try ModelLoader.load(text: Self.standbyModel, file: "drills.yaml")
        let figure = MissionReliability(AvailabilityAnalysis(model), missionHours: 1000).objectives[1]
        #expect(Closeness.relative(figure.reliability.up, exp(-0.5), within: 1e-9), "\(figure.reliability.up)")
    }

    /// The simulator plays the drill calendar (failures wait for a drill, drills take the standby
    /// out, drills due during a repair are skipped) and agrees with the closed form.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try ModelLoader.load(text: Self.standbyModel, file: "drills.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 40000, label: "latent")   // ~4,400 objective outages: the 5% frequency check is 3σ wide
    }
}

/// `nines report` suggests the interval that minimises the objective's downtime, and its saving
/// is what a re-analysis at that interval gives.
@Suite struct DrillSuggestionTests {
    static func model(every: String) throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: drilled standby
            components:
              primary: { mtbf: 500h, mttr: 4h }
              standby: { mtbf: 2000h, mttr: 4h, latent: { test_every: \(every), test_duration: 2h } }
              api: { availability: 100%, depends_on: [ { any: [primary, standby] } ] }
            objectives:
              service: { at: api, target: 99.9% }
            """, file: "drills.yaml")
    }

    @Test func suggestedIntervalSavesWhatAReanalysisGives() throws {
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(try Self.model(every: "30d")))
        let drill = try #require(report.drills?.first)
        let suggested = try #require(drill.suggestedEveryHours)
        // √(2τ/λ) = √(2 · 2 · 2000) = 89.4 h; the exact curve's minimiser sits 2% above it (λT/2 ≈ 0.02).
        #expect(Closeness.relative(suggested, (2 * 2 * 2000.0).squareRoot(), within: 0.03), "\(suggested) h")
        let objective = try #require(drill.objectives.first)
        let reanalysed = AvailabilityAnalysis(try Self.model(every: "\(suggested)h")).objective(0).probability.down * 720
        #expect(Closeness.relative(try #require(objective.suggestedDowntimeHours), reanalysed, within: 1e-9),
                "\(String(describing: objective.suggestedDowntimeHours)) vs \(reanalysed)")
        // And it is the minimum: a re-analysis 10% either side costs more.
        for factor in [0.9, 1.1] {
            let other = AvailabilityAnalysis(try Self.model(every: "\(suggested * factor)h")).objective(0).probability.down * 720
            #expect(other > reanalysed)
        }
    }
}
