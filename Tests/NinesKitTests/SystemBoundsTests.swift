import Foundation
import Testing
@testable import NinesKit

/// When the whole-system diagram is over its node budget, the report carries Harris bounds
/// (Π A_i ≤ A ≤ min A_i over the top-level components) instead of hanging.
@Suite struct SystemBoundsTests {
    /// Three front doors sharing one database: exact A = a_db · Π a_i (all in series through db).
    static let model = SystemModel(name: "shared", components: [
        Component(name: "db", layer: "platform", figures: .availability(Probability(up: 0.999, down: 0.001), mttr: nil)),
        Component(name: "a", layer: "software", figures: .availability(Probability(up: 0.99, down: 0.01), mttr: nil),
                  dependencies: [.component("db", SourceLocation(file: "t", line: 1, column: 1))]),
        Component(name: "b", layer: "software", figures: .availability(Probability(up: 0.98, down: 0.02), mttr: nil),
                  dependencies: [.component("db", SourceLocation(file: "t", line: 1, column: 1))]),
        Component(name: "c", layer: "software", figures: .availability(Probability(up: 0.97, down: 0.03), mttr: nil),
                  dependencies: [.component("db", SourceLocation(file: "t", line: 1, column: 1))]),
    ])

    @Test func overBudgetSystemFigureIsBoundedAndContainsTheExactValue() throws {
        let exact = AvailabilityAnalysis(Self.model).system()
        #expect(exact.bounds == nil)
        #expect(abs(exact.probability.up - 0.999 * 0.99 * 0.98 * 0.97) < 1e-15)

        let bounded = AvailabilityAnalysis(Self.model, structure: CompiledStructure(Self.model, systemNodeLimit: 0)).system()
        let bounds = try #require(bounded.bounds)
        // Lower: Π over roots of (a_db · a_i) = 0.999³ · 0.99 · 0.98 · 0.97; upper: min = 0.999 · 0.97.
        #expect(abs(bounds.lower.up - 0.999 * 0.999 * 0.999 * 0.99 * 0.98 * 0.97) < 1e-15)
        #expect(abs(bounds.upper.up - 0.999 * 0.97) < 1e-15)
        #expect(bounds.lower.up <= exact.probability.up && exact.probability.up <= bounds.upper.up)
        #expect(bounded.probability == bounds.lower)

        // The objectives and closures stay exact when only the system figure is over budget.
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(Self.model, structure: CompiledStructure(Self.model, systemNodeLimit: 0)))
        let system = try #require(report.figures.last)
        #expect(system.bounds != nil)
        #expect(TextReportRenderer().render(report).contains("availability between"))

        // With the bounds comes a seeded estimate of the same figure, close to the exact value.
        let estimate = try #require(bounded.estimate)
        let sigma = (exact.probability.up * exact.probability.down / Double(estimate.samples)).squareRoot()
        #expect(abs(estimate.availability - exact.probability.up) < 4 * sigma)
        #expect(estimate.low <= estimate.availability && estimate.availability <= estimate.high)
        #expect(try #require(system.estimate) == estimate)
        #expect(TextReportRenderer().render(report).contains("estimate "))
        for line in TextReportRenderer().render(report).split(separator: "\n") {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
        }
    }

    /// The sampler re-evaluates only what lies above each failure; on random models (k-of-n groups,
    /// shared dependencies, replicas) its estimate must agree with the exact system figure.
    @Test func samplingAgreesWithTheExactSystemFigureOnRandomModels() throws {
        var rng = SplitMix64(seed: 2026)
        var compared = 0
        for index in 0..<40 {
            let model = RandomModels.make(&rng, index: index)
            let analysis = AvailabilityAnalysis(model)
            let exact = analysis.system().probability
            guard analysis.system().bounds == nil else { continue }
            let sampling = SystemSampling(model, structure: analysis.structure, figures: analysis.effective.map(\.masked.probability))
            let (up, samples) = sampling.systemUpCount(seed: UInt64(index + 1))
            let estimate = Double(up) / Double(samples)
            let sigma = max((exact.up * exact.down / Double(samples)).squareRoot(), 1 / Double(samples))
            #expect(abs(estimate - exact.up) < 4.5 * sigma, "model \(index): estimate \(estimate), exact \(exact.up)")
            compared += 1
        }
        #expect(compared == 40)
    }

    @Test func samplingIsDeterministicAndStopsOnItsWorkBudget() {
        let sampling = SystemSampling(Self.model, structure: CompiledStructure(Self.model),
                                      figures: Self.model.components.map { EffectiveAvailability($0).masked.probability })
        #expect(sampling.systemUpCount(seed: 7) == sampling.systemUpCount(seed: 7))
        #expect(sampling.systemUpCount(seed: 7).samples == SystemSampling.samples)
        #expect(sampling.systemUpCount(samples: 3000, seed: 7).samples == 3000)
    }

    /// The estimate drawn on another thread gives the inline draw's counts (same samples, same
    /// seed), and a cancelled draw stops and is never read.
    @Test func backgroundEstimateMatchesTheInlineDrawAndCancels() throws {
        var rng = SplitMix64(seed: 99)
        let model = RandomModels.make(&rng, index: 3)
        let analysis = AvailabilityAnalysis(model)
        let sampling = SystemSampling(model, structure: analysis.structure, figures: analysis.effective.map(\.masked.probability))
        let background = BackgroundSystemEstimate { stop in sampling.systemUpCount(seed: 5, stop: stop) }
        let counts = try #require(background.counts())
        #expect(counts == sampling.systemUpCount(seed: 5))
        #expect(try #require(background.counts()) == counts)   // asking again does not block

        let release = DispatchSemaphore(value: 0)
        let blocked = BackgroundSystemEstimate { stop in
            release.wait()   // the draw has not begun when cancel() is called
            return sampling.systemUpCount(seed: 5, stop: stop)
        }
        blocked.cancel()
        release.signal()
        #expect(blocked.counts() == nil)
        #expect(sampling.systemUpCount(seed: 5, stop: { true }).samples == 0)

        // Letting go of an estimate nobody read stops its draw.
        let ended = DispatchSemaphore(value: 0)
        do {
            _ = BackgroundSystemEstimate { stop in
                var batches = 0
                while batches < 500_000_000 {   // tens of seconds unless stopped
                    if stop() { ended.signal(); break }
                    batches += 1
                }
                return (0, batches)
            }
        }
        #expect(ended.wait(timeout: .now() + 5) == .success)
    }

    /// A model large enough for the speculative draw whose system figure fits: the draw is
    /// cancelled and the figure is exact (2,000 independent front doors: A = Π a_i).
    @Test func largeModelWithAnExactSystemFigureIgnoresTheBackgroundDraw() {
        let count = AvailabilityAnalysis.backgroundEstimateComponents
        let model = TestModels.model((0..<count).map { TestModels.component("door\($0)", down: 1e-6) })
        let system = AvailabilityAnalysis(model).system()
        #expect(system.bounds == nil && system.estimate == nil)
        let expectedDown = -expm1(Double(count) * log1p(-1e-6))
        #expect(abs(system.probability.down - expectedDown) < 1e-12 * expectedDown)
    }

    /// Under a node budget, compilation gives up at the first component whose closure passes it and
    /// names it at its place in the file; under a budget it fits, the diagrams are the unbudgeted ones.
    @Test func structureOverItsNodeBudgetIsNamedAtTheComponent() throws {
        var rng = SplitMix64(seed: 5)
        var yaml = "version: 1\nsystem: tangle\ncomponents:\n"
        for leaf in 0..<24 { yaml += "  l\(leaf): { availability: 99% }\n" }
        for group in 0..<60 {
            let members = (0..<3).map { _ in "l\(rng.below(24))" }
            guard Set(members).count == 3 else { continue }
            yaml += "  g\(group): { availability: 99.9%, depends_on: [{k_of: {k: 2, of: [\(members.joined(separator: ", "))]}}] }\n"
        }
        let groups = yaml.split(separator: "\n").compactMap { $0.hasPrefix("  g") ? $0.dropFirst(2).split(separator: ":").first : nil }
        yaml += "  top: { availability: 99.9%, depends_on: [\(groups.joined(separator: ", "))] }\n"
        let model = try TestModels.load(yaml, file: "tangle.yaml")
        let full = CompiledStructure(model)
        #expect(full.bdd.nodeCount > 2_000)

        #expect(throws: StructureTooLarge(part: .component(model.components.count - 1), budget: 1_000)) {
            try CompiledStructure.checked(model, closureNodeLimit: 1_000)
        }
        let error = StructureTooLarge(part: .component(model.components.count - 1), budget: 1_000).diagnostic(in: model)
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].location?.description == "tangle.yaml:\(yaml.split(separator: "\n").count):3")
        #expect(error.diagnostics[0].message.hasPrefix("'top' and what it needs are too large to evaluate exactly: "
                                                        + "its decision diagram passed 1000 nodes or 4000 steps"))

        let roomy = try CompiledStructure.checked(model, closureNodeLimit: 10 * full.bdd.nodeCount)
        #expect(roomy.closure == full.closure && roomy.system == full.system)
        let analysis = try AvailabilityAnalysis.checked(model)
        #expect(analysis.closure(of: "top") == AvailabilityAnalysis(model).closure(of: "top"))
    }

    /// An objective whose diagram passes the budget (every component's closure fits) is named at
    /// the objective.
    @Test func objectiveOverItsNodeBudgetIsNamedAtTheObjective() throws {
        var rng = SplitMix64(seed: 5)
        var yaml = "version: 1\nsystem: tangle\ncomponents:\n"
        for leaf in 0..<24 { yaml += "  l\(leaf): { availability: 99% }\n" }
        var groups: [String] = []
        for group in 0..<60 {
            let members = (0..<3).map { _ in "l\(rng.below(24))" }
            guard Set(members).count == 3 else { continue }
            groups.append("g\(group)")
            yaml += "  g\(group): { availability: 99.9%, depends_on: [{k_of: {k: 2, of: [\(members.joined(separator: ", "))]}}] }\n"
        }
        let closuresOnly = try TestModels.load(yaml, file: "tangle.yaml")
        let closureNodes = CompiledStructure(closuresOnly, systemNodeLimit: 0).bdd.nodeCount
        yaml += "objectives:\n  everything:\n    path: [\(groups.joined(separator: ", "))]\n"
        let model = try TestModels.load(yaml, file: "tangle.yaml")
        let objectiveLine = yaml.split(separator: "\n").count - 1

        #expect(throws: StructureTooLarge(part: .objective(0), budget: closureNodes + 50)) {
            try CompiledStructure.checked(model, systemNodeLimit: 0, closureNodeLimit: closureNodes + 50)
        }
        let error = StructureTooLarge(part: .objective(0), budget: closureNodes + 50).diagnostic(in: model)
        #expect(error.diagnostics[0].location?.description == "tangle.yaml:\(objectiveLine):3")
        #expect(error.diagnostics[0].message.hasPrefix("objective 'everything' is too large to evaluate exactly: "
                                                        + "its decision diagram passed \(closureNodes + 50) nodes"))
        #expect(try CompiledStructure.checked(model, systemNodeLimit: 0).objectives == CompiledStructure(model, systemNodeLimit: 0).objectives)
    }
}
