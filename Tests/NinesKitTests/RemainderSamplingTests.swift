import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// The value a bounded conditioned figure reports: an unbiased estimate of where in its certified
/// interval the figure lies (`RemainderSampling`), not the midpoint. Checked on the shared-pool
/// reference models, whose exact figures are known to 20 digits (50-digit enumeration of every
/// node state, `scripts/pool-reference.py`; `FigureMethodTests.pools`): under a budget that stops
/// the enumeration early, the truth sits near the pessimistic end of the interval (the deeper
/// states of a 2-of-3 pool are almost all down), where the midpoint is low by half the width.
@Suite struct RemainderSamplingTests {
    /// Budgets (factor updates) that leave each reference pool bounded after two levels.
    static let cases: [(pool: Int, work: Int)] = [(0, 10_000), (1, 30_000), (2, 100_000)]

    @Test(arguments: cases)
    func theEstimateFindsTheTruthWhereTheMidpointDoesNot(pool: Int, work: Int) throws {
        let (figure, interval, truth) = try Self.bounded(pool: pool, work: work)
        // Where the truth and the figure sit, as shares of the width from the optimistic end.
        let share = { (q: Double) in (q - interval.lower.down) / interval.width }
        #expect(share(truth) > 0.9, "pool \(pool) at \(work): the truth at \(share(truth)) of the width")
        let error = abs(figure.probability.down - truth), midpointError = abs(interval.midpoint.down - truth)
        #expect(error < midpointError / 4, "pool \(pool) at \(work): estimate at \(share(figure.probability.down)), truth at \(share(truth))")
        // A gate still judges the pessimistic end.
        #expect(figure.judged == interval.upper)
    }

    /// Under a tiny budget only the state with nothing down is enumerated and the factor bounds
    /// narrow the interval far below the enumeration's: the draws cannot place the figure inside
    /// it, and the midpoint is shown.
    @Test func withoutEnoughDrawsTheMidpointIsShown() throws {
        let (figure, interval, _) = try Self.bounded(pool: 0, work: 1_000)
        #expect(try #require(figure.conditioning).depth == 0)
        #expect(figure.probability == interval.midpoint)
    }

    /// The reference pool `pool` under `work` factor updates: its bounded figure, certified
    /// interval (checked to hold the truth) and exact unavailability.
    static func bounded(pool: Int, work: Int) throws -> (FlowFigures, UnavailabilityInterval, Double) {
        let (file, truth) = FigureMethodTests.pools[pool]
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        var budget = EvaluationBudget.standard(components: model.components.count)
        budget.enumerationWork = work
        let figure = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        let interval = try #require(figure.interval)
        #expect(figure.method == .bounded, "pool \(pool) at \(work): \(figure.method)")
        #expect(interval.lower.down <= truth * (1 + 1e-12) && truth <= interval.upper.down * (1 + 1e-12))
        #expect(interval.lower.down <= figure.probability.down && figure.probability.down <= interval.upper.down)
        return (figure, interval, truth)
    }

    /// The same model and budget give the same figure: the draws are seeded.
    @Test func theEstimateIsReproducible() throws {
        let (model, budget) = try FigureMethodTests.smallestPool(enumerationWork: 10_000)
        let first = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        let second = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        #expect(first.method == .bounded)
        #expect(first.probability == second.probability)
    }
}
