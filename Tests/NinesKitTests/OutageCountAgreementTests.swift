import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// One outage count per objective everywhere: read from the JSON of `nines report` and of `nines
/// simulate`, each simulated block is held against the report's block of the same `view`
/// (`promise`: `figures[]`; `all-components`: `figures[].asUsersExperienceIt`), and the exact
/// figures — availability and outages per year — lie inside the simulation's stated 95% interval
/// widened to 99.9% (3.29 standard errors, as the other agreement tests). Fixed seed.
///
/// Measured (release build), promise view, simulated vs exact outages per year: job runner
/// (4,000,000 months, seeds 3 and 4) submit-job 7.371 / 7.390 ± 0.005 vs 7.384, job-completes
/// 8.653 / 8.649 vs 8.655; three-zone shop (200,000 months, seed 5) storefront 8.344 ± 0.023 vs
/// 8.341, checkout 8.688 vs 8.691.
@Suite struct OutageCountAgreementTests {
    typealias Object = [String: Any]

    @Test(arguments: GoldenFiles.models)
    func reportAndSimulateAgreeViewByView(_ name: String) throws {
        let file = GoldenFiles.root.appendingPathComponent("models/\(name).yaml").path
        let model = try ModelLoader.load(files: [file])
        let analysis = AvailabilityAnalysis(model)
        let report = try Self.object(ReportRenderers.availability(.json).render(ReportBuilder.availabilityReport(analysis)))
        let simulated = try simulatedReport(model, SimulationSettings(periods: 24_000, seed: 11, threads: 2))
        let simulation = try Self.object(ReportRenderers.simulation(.json).render(simulated))
        let figures = try #require(report["figures"] as? [Object])
        var compared = 0
        // `objectives[]` states each objective as the report's `figures[]` does (same name, same view).
        for (key, view) in [("objectives", "promise"), ("allComponents", "all-components"), ("sla", "promise")] {
            for block in try #require(simulation[key] as? [Object]) {
                #expect(block["view"] as? String == view, "\(name) \(key)[] is labelled \(block["view"] ?? "nothing")")
                let objective = try #require(block["name"] as? String)
                let figure = try #require(figures.first { $0["name"] as? String == objective && $0["kind"] as? String == "objective" })
                let exact = try Self.block(in: figure, view: view, simulatedExcluded: block["excluded"] as? [String] ?? [])
                let label = "\(name) \(objective) (\(view))"
                try Self.expectInside(exact: try #require(exact["availability"] as? Double),
                                      low: try #require(block["availabilityLow"] as? Double),
                                      high: try #require(block["availabilityHigh"] as? Double), what: "availability", label: label)
                let outages = try #require(exact["outagesPerYear"] as? Double)
                // The simulator's own exact column is the report's figure of the same view.
                let exactColumn = try #require(block["exactOutagesPerYear"] as? Double)
                #expect(abs(exactColumn - outages) <= 1e-9 * outages, "\(label): exactOutagesPerYear \(exactColumn), report \(outages)")
                try Self.expectInside(exact: outages, low: try #require(block["outagesPerYearLow"] as? Double),
                                      high: try #require(block["outagesPerYearHigh"] as? Double), what: "outages per year", label: label)
                compared += 1
            }
        }
        #expect(compared == 3 * model.objectives.count)
    }

    /// The interval's width by hand: one unit, λ = 1/500 h, exponential repairs of 1 h, 30-day
    /// months of a 365-day year. Its outages in a month are about Poisson with mean m = λ·A·T =
    /// 720/501 (it fails only while up), so over n months the 95% half-width of the count per year
    /// is 1.96·√(m/n)·8760/720. Tolerance: the sample spread's own error, 0.5·√((2 + 1/m)/n) =
    /// 0.75% at n = 12,000, times 3.29, plus the 0.4% by which a unit under repair (that cannot
    /// fail) makes the count less variable than Poisson (docs/simulation.md): 3%.
    @Test func outageIntervalIsThePoissonSpreadOfOneUnit() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: one unit
            calendar: { year: 365d, month: 30d }
            components:
              unit: { mtbf: 500h, mttr: 1h }
            objectives:
              up: { at: unit }
            """, file: "unit.yaml")
        let periods = 12_000
        let simulated = try simulatedReport(model, SimulationSettings(periods: periods, seed: 5, threads: 2)).sla[0]
        let m = 720.0 / 501
        let half = 1.959964 * (m / Double(periods)).squareRoot() * 8760 / 720
        let simulatedHalf = (simulated.outagesPerYearHigh - simulated.outagesPerYearLow) / 2
        #expect(abs(simulatedHalf - half) <= 0.03 * half, "half-width \(simulatedHalf), by hand \(half)")
        #expect(abs(simulated.outagesPerYear - (simulated.outagesPerYearLow + simulated.outagesPerYearHigh) / 2) < 1e-9)
        let exact = try #require(simulated.exactOutagesPerYear)
        #expect(abs(exact - 8760.0 / 501) < 1e-9)   // 1 / (MTBF + MTTR) per hour
        try Self.expectInside(exact: exact, low: simulated.outagesPerYearLow, high: simulated.outagesPerYearHigh,
                              what: "outages per year", label: "one unit")
    }

    /// The report's block of `view` for an objective: the figure itself (the promise), or its
    /// `asUsersExperienceIt`. An objective with nothing left out has no second block: its two views
    /// are one figure, so the simulation must say nothing is excluded either.
    static func block(in figure: Object, view: String, simulatedExcluded: [String]) throws -> Object {
        if figure["view"] as? String == view { return figure }
        if let users = figure["asUsersExperienceIt"] as? Object {
            #expect(users["view"] as? String == view)
            return users
        }
        #expect(simulatedExcluded.isEmpty, "\(figure["name"] ?? "?"): the simulation excludes \(simulatedExcluded), the report nothing")
        return figure
    }

    /// `exact` inside the stated 95% interval [low, high] widened to 99.9% about its middle.
    static func expectInside(exact: Double, low: Double, high: Double, what: String, label: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let middle = (low + high) / 2, half = (high - low) / 2 * 3.29 / 1.96
        #expect(half > 0, "\(label): no interval on \(what)", sourceLocation: sourceLocation)
        #expect(abs(exact - middle) <= half, "\(label): exact \(what) \(exact), simulated \(middle) ± \(half)",
                sourceLocation: sourceLocation)
    }

    static func object(_ json: String) throws -> Object {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? Object)
    }
}
