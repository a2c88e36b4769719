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
    /// Budgets (factor updates) that leave each reference pool bounded.
    static let cases: [(pool: Int, work: Int)] = [(0, 1_000), (0, 3_000), (1, 3_000), (2, 10_000)]

    @Test(arguments: cases)
    func theEstimateFindsTheTruthWhereTheMidpointDoesNot(pool: Int, work: Int) throws {
        let (file, truth) = FigureMethodTests.pools[pool]
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        var budget = CompilationBudget.standard(for: model)
        budget.conditioningWork = work
        let figure = AvailabilityAnalysis(model, budget: budget).objective(0)
        let interval = try #require(figure.interval)
        #expect(figure.method == .bounded, "\(file) at \(work): \(figure.method)")
        #expect(interval.lower.down <= truth * (1 + 1e-12) && truth <= interval.upper.down * (1 + 1e-12))
        // Where the truth and the figure sit, as shares of the width from the optimistic end.
        let share = { (q: Double) in (q - interval.lower.down) / interval.width }
        #expect(share(truth) > 0.75, "\(file) at \(work): the truth at \(share(truth)) of the width")
        let error = abs(figure.probability.down - truth), midpointError = abs(interval.midpoint.down - truth)
        #expect(error < midpointError / 4, "\(file) at \(work): estimate at \(share(figure.probability.down)), truth at \(share(truth))")
        #expect(interval.lower.down <= figure.probability.down && figure.probability.down <= interval.upper.down)
        // A gate still judges the pessimistic end.
        #expect(figure.judged == interval.upper)
    }

    /// The same model and budget give the same figure: the draws are seeded.
    @Test func theEstimateIsReproducible() throws {
        let (model, budget) = try FigureMethodTests.smallestPool(conditioningWork: 3_000)
        let first = AvailabilityAnalysis(model, budget: budget).objective(0)
        let second = AvailabilityAnalysis(model, budget: budget).objective(0)
        #expect(first.method == .bounded)
        #expect(first.probability == second.probability)
    }
}
