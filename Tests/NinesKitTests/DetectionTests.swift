import Foundation
import Testing
@testable import NinesKit

/// Detection time (docs/patterns.md, "Detection"): each outage lasts the time to notice plus the
/// repair, so with failure rate λ, repair r and detection d the unit is down with odds λ·(r + d).
@Suite struct DetectionTests {
    static let model = """
        version: 1
        system: detection
        layers:
          software: { detect: 2m }
        components:
          db: { layer: data, mtbf: 1000h, mttr: 1h, detect: 30m }
          cache: { layer: platform, availability: 99.9%, mttr: 1h }
          api: { mtbf: 720h, mttr: 10m, depends_on: [db, cache] }
        objectives:
          front: { at: api, target: 99.9%, rto: 45m }
        """

    /// Hand computation: db 1000 / (1000 + 1.5), api (layer default 2 min) 720 / (720 + 12/60),
    /// cache unmonitored 0.999; the objective is their product.
    @Test func detectionLengthensEveryOutage() throws {
        let model = try ModelLoader.load(text: Self.model, file: "detect.yaml")
        let db = 1000.0 / 1001.5, api = 720.0 / (720 + 12.0 / 60), cache = 0.999
        let exact = AvailabilityAnalysis(model).objective(0).probability
        #expect(Closeness.relative(exact.up, db * api * cache, within: 1e-12), "\(exact.up) vs \(db * api * cache)")
        // The failure rate stays: outages per hour of the db alone are p·λ with p = 1000/1001.5.
        let figures = OwnAvailability(try #require(model.component(named: "db")))
        #expect(Closeness.relative(try #require(figures.frequency), db / 1000, within: 1e-12))
        #expect(model.component(named: "db")?.detect == 0.5)
        #expect(model.component(named: "api")?.detect == 2.0 / 60)
    }

    /// An `availability` with `mttr`: λ = q / (p·r) stays, odds become (q/p)·(r + d)/r.
    @Test func statedAvailabilityKeepsItsFailureRate() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: provider
            components:
              queue: { availability: 99.9%, mttr: 1h, detect: 1h }
            """, file: "q.yaml")
        let odds = 0.001 / 0.999 * 2
        #expect(Closeness.relative(try #require(model.component(named: "queue")).figures.probability.down, odds / (1 + odds), within: 1e-12))
    }

    /// The RTO finding shows the time to notice, and the unmonitored components are listed.
    @Test func recoveryFindingsShowDetectionAndUnmonitored() throws {
        let model = try ModelLoader.load(text: Self.model, file: "detect.yaml")
        let report = try #require(ReportBuilder.slaReports(SLAPrediction(model)).first)
        #expect(report.worstRTO?.component == "db" && report.worstRTO?.hours == 1.5 && report.worstRTO?.detectionHours == 0.5)
        #expect(report.unmonitored == ["cache"])
        #expect(SLAText.rto(report) == "worst RTO 1.5 h (db, repair, 30 min of it to notice) exceeds rto 45 min")
        let plain = try ModelLoader.load(text: Self.model.replacingOccurrences(of: ", detect: 30m", with: "")
            .replacingOccurrences(of: "  software: { detect: 2m }\n", with: "  software:\n"), file: "plain.yaml")
        #expect(ReportBuilder.slaReports(SLAPrediction(plain)).first?.unmonitored == nil)   // no detection anywhere: no list
    }

    /// Both engines read the lengthened repair: the simulation agrees within its interval.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: detection
            components:
              db: { mtbf: 200h, mttr: 1h, detect: 30m }
              api: { mtbf: 300h, mttr: 10m, detect: 5m, replicas: 2, depends_on: [db] }
            objectives:
              front: { at: api, target: 99.9% }
            """, file: "sim.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 4000, label: "detection")
    }
}
