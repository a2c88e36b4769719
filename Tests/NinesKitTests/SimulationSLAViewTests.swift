import Foundation
import Testing
@testable import NinesKit

/// `simulate` shows the SLA view (customer and out-of-scope components never failing) beside the
/// full view, labelled, in text, JSON and CSV.
@Suite struct SimulationSLAViewTests {
    static let model = """
        version: 1
        system: shop
        components:
          db: { mtbf: 200h, mttr: 1h }
          sso: { mtbf: 100h, mttr: 1h, responsibility: customer }
          web: { availability: 100%, depends_on: [db, sso] }
          batch: { mtbf: 300h, mttr: 2h, depends_on: [db] }
        objectives:
          front: { at: web, target: 99.5% }
          nightly: { at: batch }
        """

    @Test func excludedComponentsNeverFailInTheSLAView() throws {
        let model = try ModelLoader.load(text: Self.model, file: "shop.yaml")
        let report = try simulatedReport(model, SimulationSettings(periods: 1200, seed: 9, threads: 2))
        #expect(report.allComponents.map(\.excluded) == [["sso"], []])
        #expect(report.sla.count == 2)
        // front: only db counts in the SLA view; the full view has db and sso.
        #expect(report.sla[0].availability > report.allComponents[0].availability)
        #expect(abs(report.sla[0].exactAvailability - 200.0 / 201) < 1e-12)
        #expect(report.sla[0].outagesPerPeriod < report.allComponents[0].outagesPerPeriod)
        // nightly has nothing excluded: its SLA view is its full view, named for the view it stands in.
        var promise = report.sla[1]
        #expect((promise.view, report.allComponents[1].view) == ("promise", "all-components"))
        promise.view = report.allComponents[1].view
        #expect(promise == report.allComponents[1])

        let text = SimulationTextRenderer().render(report)
        #expect(text.contains("  SLA view (sso excluded, treated as never failing):\n    availability "))
        #expect(text.contains("  all components counted:\n    availability "))
        #expect(!text.contains("objective nightly (availability)\n  at batch\n  SLA view"))
        let json = JSONReportRenderer.render(report)
        #expect(json.contains("\"sla\""))
        #expect(json.contains("\"excluded\""))
        let csv = SimulationCSVRenderer().render(report).split(separator: "\n")
        #expect(csv[0].hasSuffix(",excluded,sla_availability,sla_availability_low,sla_availability_high,sla_exact_availability,"
                                 + "sla_mean_downtime_h,sla_p99_downtime_h,sla_p_meet,sla_p_meet_low,sla_p_meet_high,"
                                 + "sla_outages_per_period,sla_mean_outage_h,outages_per_year,outages_per_year_low,"
                                 + "outages_per_year_high,exact_outages_per_year,sla_outages_per_year,sla_outages_per_year_low,"
                                 + "sla_outages_per_year_high,sla_exact_outages_per_year"))
        #expect(csv[1].contains(",sso,\(report.sla[0].availability),"))
    }

    /// The simulator samples the dependency graph itself: a shared dependency is one variable, and
    /// a 2-of-3 group needs two members up.
    @Test func sharedDependencyAndGroupMatchTheExactEngine() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: shared
            components:
              zone: { mtbf: 500h, mttr: 2h }
              a: { mtbf: 100h, mttr: 1h, depends_on: [zone] }
              b: { mtbf: 100h, mttr: 1h, depends_on: [zone] }
              c: { mtbf: 100h, mttr: 1h }
              front: { availability: 100%, depends_on: [{ k_of: { k: 2, of: [a, b, c] } }, a] }
            objectives:
              up: { at: front }
            """, file: "shared.yaml")
        let report = try simulatedReport(model, SimulationSettings(periods: 2400, seed: 4, threads: 2))
        let objective = report.allComponents[0]
        let half = SimulationTests.wideHalfWidth(objective)
        #expect(abs(objective.availability - objective.exactAvailability) <= half,
                "simulated \(objective.availability) ± \(half), exact \(objective.exactAvailability)")
    }

    /// An excluded component behind a queue (`masked_for`) with a dependency of ours: in the SLA
    /// view it never fails itself, but its window still hides the dependency's short outages from
    /// callers (in the simulator a mask hides outages of the component with what it needs). With
    /// exponential repairs of mean r the callers see q·e^(−w/r) of the database's unavailability q.
    @Test func excludedMaskStillHidesItsDependenciesInTheSLAView() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: queue
            components:
              db: { mtbf: 50h, mttr: 30m }
              queue: { mtbf: 200h, mttr: 1h, responsibility: customer, masked_for: 20m, depends_on: [db] }
              web: { availability: 100%, depends_on: [queue] }
            objectives:
              up: { at: web }
            """, file: "queue.yaml")
        let report = try simulatedReport(model, SimulationSettings(periods: 2400, seed: 6, threads: 2))
        let sla = report.sla[0]
        let expected = 0.5 / 50.5 * exp(-40.0 / 60)
        let half = SimulationTests.wideHalfWidth(sla)
        #expect(abs(sla.unavailability - expected) <= half, "simulated \(sla.unavailability) ± \(half), expected \(expected)")
        #expect(report.allComponents[0].unavailability > sla.unavailability)
    }
}
