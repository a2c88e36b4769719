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
    }
}
