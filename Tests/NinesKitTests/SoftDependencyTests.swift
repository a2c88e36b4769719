import Foundation
import Testing
@testable import NinesKit

/// Soft dependencies and fallbacks (docs/patterns.md, "Soft dependencies and fallbacks"): a soft
/// dependency's outage degrades its caller but does not stop it; a breaker with a fallback keeps
/// the caller up while the target or the fallback is up. The degraded time is the strict view's
/// unavailability less the tolerant view's, counted as up by default.
@Suite struct SoftDependencyTests {
    static func model(_ components: String, objectives: String = """
          front: { at: web, target: 99.9% }
          strict: { at: web, target: 99.9%, degraded: counts-as-down }
        """) throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: soft
            components:
            \(components)
            objectives:
            \(objectives)
            """, file: "soft.yaml")
    }

    static let shop = """
          reviews: { mtbf: 500h, mttr: 1h }
          payment: { mtbf: 1000h, mttr: 1h }
          backup: { mtbf: 1000h, mttr: 1h }
          catalog: { mtbf: 2000h, mttr: 1h }
          web: { mtbf: 1000h, mttr: 1h, depends_on: [catalog, {on: reviews, soft: true}, {on: payment, fallback: backup}] }
        """

    /// Hand computation, each unit A = MTBF/(MTBF + MTTR): web 1000/1001, catalog 2000/2001,
    /// reviews 500/501, payment and backup 1000/1001.
    /// Tolerant: A = a_web · a_catalog · (1 − q_payment · q_backup) = 0.9985008;
    /// strict: A = a_web · a_catalog · a_reviews · a_payment = 0.9955132;
    /// degraded = A_tolerant − A_strict = 0.0029875 (2.151 h of a 720 h month).
    @Test func degradedTimeIsTheStrictViewLessTheTolerantOne() throws {
        let model = try Self.model(Self.shop)
        let web = 1000.0 / 1001, catalog = 2000.0 / 2001, reviews = 500.0 / 501, payment = 1000.0 / 1001
        let tolerant = web * catalog * (1 - (1 - payment) * (1 - payment))
        let strict = web * catalog * reviews * payment
        let prediction = SLAPrediction(model)
        #expect(Closeness.relative(prediction.objectives[0].figure.probability.up, tolerant, within: 1e-12))
        #expect(Closeness.relative(prediction.objectives[1].figure.probability.up, strict, within: 1e-12))
        for item in prediction.objectives {
            let degraded = try #require(item.degraded)
            #expect(Closeness.relative(degraded.share, tolerant - strict, within: 1e-9), "\(degraded.share)")
            #expect(degraded.causes == ["reviews", "payment"])
        }
        #expect(prediction.objectives[1].objective.statedComponents == ["web"])
        #expect(Closeness.relative(try #require(prediction.objectives[0].degradedHours), (tolerant - strict) * 720, within: 1e-9))
        // A soft dependency is no root: the system is the tolerant front door.
        #expect(model.roots.map(\.name) == ["web"])
        #expect(Closeness.relative(AvailabilityAnalysis(model).system().probability.up, tolerant, within: 1e-12))
    }

    /// A static fallback stands in the structure as a soft dependency: the same figures.
    @Test func aStaticFallbackIsASoftDependency() throws {
        let soft = try Self.model("""
              payment: { mtbf: 1000h, mttr: 1h }
              web: { mtbf: 1000h, mttr: 1h, depends_on: [{on: payment, soft: true}] }
            """)
        let fallback = try Self.model("""
              payment: { mtbf: 1000h, mttr: 1h }
              web: { mtbf: 1000h, mttr: 1h, depends_on: [{on: payment, fallback: static}] }
            """)
        let a = SLAPrediction(soft), b = SLAPrediction(fallback)
        for index in 0..<2 {
            #expect(a.objectives[index].figure.probability == b.objectives[index].figure.probability)
            #expect(a.objectives[index].degraded == b.objectives[index].degraded)
        }
        #expect(Closeness.relative(b.objectives[0].figure.probability.up, 1000.0 / 1001, within: 1e-12))
    }

    /// Nothing soft on the way: no degraded time.
    @Test func noSoftDependencyNoDegradedTime() throws {
        let model = try Self.model("""
              payment: { mtbf: 1000h, mttr: 1h }
              web: { mtbf: 1000h, mttr: 1h, depends_on: [payment] }
            """)
        #expect(SLAPrediction(model).objectives.allSatisfy { $0.degraded == nil })
    }

    /// The report shows the degraded time separately (text, JSON) and the diagram draws the edges.
    @Test func reportsAndDiagramShowTheDegradedTime() throws {
        let model = try Self.model(Self.shop)
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        let degraded = try #require(report.sla?[1].degraded)
        #expect(degraded.countsAs == "counts-as-down" && degraded.causes == ["reviews", "payment"])
        let text = TextReportRenderer().render(report)
        #expect(text.contains("degraded 2.15 h/month, counted as up"), "\(text)")
        let json = JSONReportRenderer.render(report)
        #expect(json.contains("\"countsAs\" : \"counts-as-down\""), "\(json)")
        let diagram = StackDiagramBuilder.diagram(model, report: report)
        #expect(diagram.edges.compactMap(\.soft).sorted() == ["fallback to backup", "soft"])
    }

    /// Both engines read the tolerant structure and the strict objective: the simulation agrees,
    /// and so does the degraded time as the difference of the two simulated objectives.
    @Test func simulationAgreesWithTheExactFigures() throws {
        let model = try Self.model("""
              reviews: { mtbf: 50h, mttr: 2h }
              payment: { mtbf: 100h, mttr: 2h }
              backup: { mtbf: 80h, mttr: 3h }
              web: { mtbf: 300h, mttr: 1h, depends_on: [{on: reviews, soft: true}, {on: payment, fallback: backup}] }
            """)
        try FailoverAgreementTests.expectAgreement(model, periods: 4000, label: "soft")
        let simulated = try simulatedReport(model, SimulationSettings(periods: 4000, seed: 5, threads: 2))
        let degraded = try #require(SLAPrediction(model).objectives[0].degraded).share
        let difference = simulated.allComponents[0].availability - simulated.allComponents[1].availability
        let half = SimulationTests.wideHalfWidth(simulated.allComponents[0]) + SimulationTests.wideHalfWidth(simulated.allComponents[1])
        #expect(abs(difference - degraded) <= half, "simulated \(difference) ± \(half), exact \(degraded)")
    }
}
