import Foundation
import Testing
@testable import NinesKit

/// Bulkheads (docs/patterns.md, "Bulkheads"): a share `hangs` of a dependency's outages are
/// hangs; without a bulkhead a hung soft dependency exhausts the caller and fails every flow
/// through it, with one the hang stays with the flows that need the dependency.
@Suite struct BulkheadTests {
    static func load(_ components: String, objectives: String) throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: bulkheads
            components:
            \(components)
            objectives:
            \(objectives)
            """, file: "bulkhead.yaml")
    }

    static func model(bulkhead: String) throws -> SystemModel {
        try load("""
              reviews: { mtbf: 500h, mttr: 1h, hangs: 30% }
              catalog: { mtbf: 2000h, mttr: 1h }
              web: { mtbf: 1000h, mttr: 1h, \(bulkhead)depends_on: [catalog, {on: reviews, soft: true}] }
            """, objectives: """
              front: { at: web }
              browse: { path: [web, catalog] }
              read-reviews: { path: [web, reviews] }
            """)
    }

    /// Closed form. Reviews' odds of being down o = 1/500 split into hangs 0.3·o = 0.0006 and
    /// failures 0.7·o = 0.0014, each a unit 1/(1 + odds); web 1000/1001, catalog 2000/2001.
    /// Without a bulkhead front = browse = a_web·a_catalog·a_hang; with one a_web·a_catalog;
    /// read-reviews = a_web·a_catalog·a_fail·a_hang without a bulkhead (the split treats hangs and
    /// failures as independent units, a second-order difference: 1/(1.0014·1.0006) against
    /// 1/1.002), and a_web·a_catalog/(1 + o) with one, where reviews stays one unit.
    @Test(arguments: [false, true])
    func aBulkheadConfinesTheHang(bulkhead: Bool) throws {
        let model = try Self.model(bulkhead: bulkhead ? "bulkhead: true, " : "")
        let web = 1000.0 / 1001, catalog = 2000.0 / 2001, hang = 1 / 1.0006, fail = 1 / 1.0014
        let analysis = AvailabilityAnalysis(model)
        let shared = web * catalog * (bulkhead ? 1 : hang)
        #expect(Closeness.relative(analysis.objective(0).probability.up, shared, within: 1e-12))
        #expect(Closeness.relative(analysis.objective(1).probability.up, shared, within: 1e-12))
        #expect(Closeness.relative(analysis.objective(2).probability.up, web * catalog * (bulkhead ? 1 / 1.002 : fail * hang), within: 1e-12))
        #expect((model.component(named: "reviews#hang") != nil) == !bulkhead)
    }

    /// The hidden hanging share is listed as what it means to the user, "reviews hung", not by its
    /// internal name `reviews#hang`; JSON keeps the name (it is the component table's) and says
    /// whose part it is. Without a bulkhead the hang takes the front down (criticality
    /// q_hang·I_B > 0), so it is a contributor.
    @Test func contributorsShowTheHangAsTheUsersComponentHung() throws {
        let model = try Self.model(bulkhead: "")
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model), worksheet: nil, topRisks: 0)
        let front = try #require(report.figures.first { $0.name == "front" })
        let hang = try #require(front.contributors.first { $0.component == "reviews#hang" })
        #expect(hang.partOf == "reviews" && hang.part == "hung" && hang.shownName == "reviews hung")
        #expect(front.contributors.filter { $0.partOf != nil }.count == 1)
        let text = TextReportRenderer().render(report)
        #expect(text.contains("    reviews hung "), "\(text)")
        #expect(!text.contains("reviews#hang  "), "\(text)")
        #expect(JSONReportRenderer.render(report).contains("\"partOf\" : \"reviews\""))
    }

    /// A per-dependency bulkhead is the caller's for that dependency.
    @Test func aBulkheadOnTheDependencyEntry() throws {
        let entry = try Self.load("""
              reviews: { mtbf: 500h, mttr: 1h, hangs: 30% }
              web: { mtbf: 1000h, mttr: 1h, depends_on: [{on: reviews, soft: true, bulkhead: true}] }
            """, objectives: "  front: { at: web }")
        #expect(Closeness.relative(AvailabilityAnalysis(entry).objective(0).probability.up, 1000.0 / 1001, within: 1e-12))
    }

    /// Both engines read the split: the simulation agrees on every flow.
    @Test func simulationAgreesWithTheExactFigures() throws {
        let model = try Self.load("""
              reviews: { mtbf: 40h, mttr: 2h, hangs: 50% }
              catalog: { mtbf: 200h, mttr: 1h }
              web: { mtbf: 300h, mttr: 1h, depends_on: [catalog, {on: reviews, soft: true}] }
            """, objectives: """
              front: { at: web }
              read-reviews: { path: [web, reviews] }
            """)
        try FailoverAgreementTests.expectAgreement(model, periods: 4000, label: "bulkhead")
    }
}
