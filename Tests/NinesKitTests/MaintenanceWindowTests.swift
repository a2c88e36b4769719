import Foundation
import Testing
@testable import NinesKit

/// Maintenance windows (docs/patterns.md, "Maintenance windows"): a calendar of windows
/// independent of failures and repairs puts the part in series with the windows, so its
/// availability is the product A_instance · (1 − d/T) (series of independent blocks, e.g.
/// Rausand & Høyland, *System Reliability Theory*, 2nd ed., §6.2; with planned downtime as the
/// second block, O'Connor & Kleyner, *Practical Reliability Engineering*, 5th ed., §16.2).
@Suite struct MaintenanceWindowTests {
    static func model(counts: Bool) -> String {
        """
        version: 1
        system: windows
        components:
          db: { mtbf: 1000h, mttr: 1h, maintenance: { every: 30d, duration: 1h, announced: true } }
          queue: { mtbf: 2000h, mttr: 2h, maintenance: { every: 7d, duration: 30m, announced: false } }
          api: { availability: 100%, depends_on: [db, queue] }
        objectives:
          front: { at: api, target: 99.8%, counts_maintenance: \(counts) }
        """
    }

    /// Hand computation: db 1000/1001 · (1 − 1/720), queue 2000/2002 · (1 − 0.5/168). Counting
    /// the announced window or not changes the db's factor only; the unannounced queue window always counts.
    @Test func promiseCountsAnnouncedWindowsByPolicy() throws {
        let db = 1000.0 / 1001, queue = 2000.0 / 2002 * (1 - 0.5 / 168)
        let counting = db * (1 - 1.0 / 720) * queue, notCounting = db * queue
        for counts in [true, false] {
            let model = try ModelLoader.load(text: Self.model(counts: counts), file: "windows.yaml")
            let prediction = SLAPrediction(model)
            let item = prediction.objectives[0]
            let expected = counts ? counting : notCounting
            #expect(Closeness.relative(item.figure.probability.down, 1 - expected, within: 1e-9), "counts \(counts)")
            // Shown both ways: the announced window's downtime per month (720 h).
            let hours = try #require(item.announcedMaintenanceHours)
            #expect(Closeness.relative(hours, (notCounting - counting) * 720, within: 1e-9))
            let report = ReportBuilder.slaReports(prediction)[0]
            #expect(report.countsMaintenance == counts)
            let line = try #require(SLAText.maintenance(report))
            #expect(line.contains(counts ? "counted (counts_maintenance: true)" : "not counted (counts_maintenance: false)"), "\(line)")
        }
    }

    /// The simulator opens the windows on the calendar (random phase per part) and agrees with
    /// the folded series figure, failures and repairs going on inside the windows.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: windows
            components:
              primary: { mtbf: 300h, mttr: 5h, maintenance: { every: 7d, duration: 4h } }
              secondary: { mtbf: 400h, mttr: 5h, maintenance: { every: 5d, duration: 3h } }
              api: { mtbf: 5000h, mttr: 1h, depends_on: [ { any: [primary, secondary] } ] }
            objectives:
              front: { at: api, target: 99.9% }
            """, file: "windows.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 20000, label: "maintenance")
    }
}
