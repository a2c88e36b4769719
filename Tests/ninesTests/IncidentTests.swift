import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `nines incidents` against a 20-incident log whose figures were computed by hand, and a hostile log.
///
/// The log (Fixtures/incidents/twenty.csv) over 2026-01-01 to 2026-07-01 (181 days, 4344 h):
/// - api: 12 rows, two of them one outage (10:00–11:00 and 10:30–11:30 merge to 90 min), so 11
///   outages of 30+45+60+90+120+30+90+60+45+75+90 = 735 min = 12.25 h. MTTR 12.25 / 11 h;
///   exposure 4344 − 12.25 = 4331.75 up hours.
/// - db: 6 outages of 2+3+1+4+2+6 = 18 h (two written with offsets +01:00 and −05:00); 4326 up hours.
/// - lb: 2 outages of 10 + 20 min; 4343.5 up hours.
/// Chi-square values from the NIST/SEMATECH table (1.3.6.7.4), three decimals.
@Suite struct IncidentTests {
    static let folder = "Tests/NinesKitTests/Fixtures/incidents/"
    static let since = 1_767_225_600.0   // 2026-01-01T00:00:00Z
    static let until = since + 4344 * 3600

    static func comparison() throws -> (SystemModel, IncidentComparison) {
        let model = try ModelLoader.load(files: [folder + "shop.yaml"])
        let incidents = try IncidentLogReader.load(folder + "twenty.csv", model: model)
        #expect(incidents.count == 20)
        return (model, IncidentComparison(model: model, incidents: incidents, since: since, until: until))
    }

    @Test func timestampsReadTheirZones() throws {
        #expect(try IncidentTimestamp.parse("2026-01-01T00:00:00Z").get() == Self.since)
        #expect(try IncidentTimestamp.parse("2026-01-01T01:30:00+01:30").get() == Self.since)
        #expect(try IncidentTimestamp.parse("2025-12-31 19:00:00.000-05:00").get() == Self.since)
        #expect(IncidentTimestamp.format(Self.until) == "2026-07-01T00:00:00Z")
        #expect(IncidentTimestamp.format(951_782_400) == "2000-02-29T00:00:00Z")
    }

    @Test func apiGivesTheHandComputedRateAndMTTR() throws {
        let (_, comparison) = try Self.comparison()
        let api = try #require(comparison.components.first { $0.component == "api" })
        #expect(api.outages.count == 11)
        #expect(abs(try #require(api.mttr).mean - 12.25 / 11) < 1e-15)
        #expect(abs(api.upHours - 4331.75) < 1e-9)
        #expect(abs(api.rate.estimate - 11 / 4331.75) < 1e-15)
        // Garwood: [χ²(0.05; 22), χ²(0.95; 24)] / 2T.
        #expect(abs(api.rate.lower * 2 * 4331.75 - 12.338) < 0.0006)
        #expect(abs(api.rate.upper * 2 * 4331.75 - 36.415) < 0.0006)
        // Exponential mean: 2Σ / [χ²(0.95; 22), χ²(0.05; 22)] = 24.5 / [33.924, 12.338] h.
        #expect(abs(try #require(api.mttr).lower - 24.5 / 33.924) < 1e-4)
        #expect(abs(try #require(api.mttr).upper - 24.5 / 12.338) < 1e-3)
        // The model's 12.17 failures a year lie below the observed 12.48 to 36.8: worse; its 1 h MTTR inside.
        #expect(api.rateVerdict == .worse)
        #expect(api.mttrVerdict == .consistent)
    }

    @Test func verdictsPerComponentAndObjective() throws {
        let (_, comparison) = try Self.comparison()
        let verdicts = Dictionary(uniqueKeysWithValues: comparison.components.map { ($0.component, $0.verdict) })
        // db: 6/y inside [5.226, 23.685]/(2 · 4326) · 8760 = [5.29, 23.98]/y; 2 h inside 36/[21.026, 5.226] = [1.71, 6.89] h.
        // lb: MTTR 2 h above 1 / 0.711 = 1.41 h: better. queue: an availability without MTTR, no rate to test.
        #expect(verdicts == ["lb": .better, "api": .worse, "db": .consistent, "queue": .untested])
        let objectives = Dictionary(uniqueKeysWithValues: comparison.objectives.map { ($0.objective, $0) })
        #expect(objectives["checkout"]?.verdict == .worse)
        #expect(objectives["checkout"]?.drivers == ["api"])
        #expect(objectives["reports"]?.verdict == .consistent)
    }

    /// Gamma–Poisson with weight 1: api's rate (1 + 11) / (720 + 4331.75) per hour, MTTR (1 · 1 + 12.25) / (1 + 11) h.
    @Test func posteriorAndOverlayChangeTheFiguresAsDocumented() throws {
        let (model, comparison) = try Self.comparison()
        let posterior = PosteriorFigures(comparison, model: model, priorWeight: 1)
        let api = try #require(posterior.updates.first { $0.component == "api" })
        #expect(abs(api.rate - 12 / 5051.75) < 1e-18)
        #expect(abs(api.mttr - 13.25 / 12) < 1e-15)
        #expect(!posterior.updates.contains { $0.component == "queue" })
        let overlay = OverlayYAMLWriter.yaml(posterior, source: "twenty.csv", since: "2026-01-01T00:00:00Z", until: "2026-07-01T00:00:00Z")
        #expect(overlay.contains("  \"api\":\n    mtbf: 420.979167h\n    mttr: 1.104167h\n"))
        let text = try String(contentsOfFile: Self.folder + "shop.yaml", encoding: .utf8)
        let updated = try ModelLoader.load(documents: [("shop.yaml", text), ("overlay.yaml", overlay)])
        let figures = try #require(updated.components.first { $0.name == "api" }).figures
        #expect(figures == .mtbf(420.979167, mttr: 1.104167))
        #expect(updated.components.first { $0.name == "queue" }?.figures == model.components.first { $0.name == "queue" }?.figures)
    }

    @Test func anOverlayOnlySetsFiguresOfKnownComponents() throws {
        let text = try String(contentsOfFile: Self.folder + "shop.yaml", encoding: .utf8)
        let overlay = "version: 1\noverlay: hand-written\ncomponents:\n  apx: {mtbf: 10h}\n  db: {replicas: 3}\n  api: {mttr: soon}\n"
        #expect(throws: DiagnosticError.self) { try ModelLoader.load(documents: [("o.yaml", overlay)]) }
        do {
            _ = try ModelLoader.load(documents: [("shop.yaml", text), ("o.yaml", overlay)])
            Issue.record("the overlay was accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("o.yaml:4:3: error: overlay names unknown component 'apx'") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("o.yaml:5:8: error: an overlay sets only figures") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("o.yaml:6:15:") }, "\(messages)")
        }
    }

    /// Every bad row at once, each at its row and column.
    @Test func aHostileLogGetsLocatedErrors() throws {
        let model = try ModelLoader.load(files: [Self.folder + "shop.yaml"])
        do {
            _ = try IncidentLogReader.load(Self.folder + "hostile.csv", model: model)
            Issue.record("the hostile log was accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            let file = Self.folder + "hostile.csv"
            for expected in ["\(file):2:1: error: row 2: unknown component 'apii'; did you mean 'api'?",
                             "\(file):3:25: error: row 3: the incident ends before it starts",
                             "\(file):4:5: error: row 4: 'start' '2026-01-19T08:00:00' has no zone",
                             "\(file):5:5: error: row 5: 'start' '2026-01-20 8:00 PM' uses a 12-hour clock",
                             "\(file):6:5: error: row 6: 'start' '03/02/2026 10:00' is not in ISO 8601 year-month-day order",
                             "\(file):7:1: error: row 7: unknown component '=HYPERLINK(x)'",
                             "\(file):8:4: error: row 8: 'start' '2026-02-30T10:00:00Z' is not a valid date",
                             "\(file):9:1: error: row 9 has 5 fields; the header has 4"] {
                #expect(messages.contains { $0.hasPrefix(expected) }, "missing \(expected) in \(messages)")
            }
            #expect(messages.count == 8, "\(messages)")
        }
    }

    @Test func aHeaderWithoutTheRequiredColumnsIsRefused() {
        #expect(throws: DiagnosticError.self) {
            try IncidentLogReader.read("component,begin,end\napi,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z\n", file: "x.csv", components: ["api"])
        }
    }

    /// As a user runs it: JSON with the exact mean MTTR, the overlay written and read back by
    /// `report`, and the hostile log exiting 2 with nothing on stdout.
    @Test func theCommandAsAUserRunsIt() throws {
        let window = ["--since", "2026-01-01T00:00:00Z", "--until", "2026-07-01T00:00:00+00:00"]
        let run = try NinesExecutable.run(["incidents", Self.folder + "shop.yaml", Self.folder + "twenty.csv", "--format", "json"] + window)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["components"] as? [[String: Any]])
        let api = try #require(rows.first { $0["component"] as? String == "api" })
        // Read as text: JSONSerialization on Linux rounds the last digit of some doubles.
        #expect(run.stdout.contains("\"observedMttrHours\" : \(12.25 / 11),"), "\(run.stdout)")
        #expect(abs((api["observedMttrHours"] as? Double ?? 0) - 12.25 / 11) < 1e-15)
        #expect(api["verdict"] as? String == "worse")

        let overlay = try FMEAFixtures.scratch().appendingPathComponent("overlay.yaml").path
        let update = try NinesExecutable.run(["incidents", Self.folder + "shop.yaml", Self.folder + "twenty.csv", "--update", "-o", overlay] + window)
        #expect(update.status == 0, "\(update.stderr)")
        let report = try NinesExecutable.run(["report", Self.folder + "shop.yaml", overlay, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")

        let hostile = try NinesExecutable.run(["incidents", Self.folder + "shop.yaml", Self.folder + "hostile.csv"])
        #expect(hostile.status == 2)
        #expect(hostile.stdout.isEmpty)
        #expect(hostile.stderr.contains("8 errors"), "\(hostile.stderr)")
    }

    /// An outage straddling the window's start counts with its part inside; touching outages merge.
    @Test func outagesAreClippedToTheWindowAndMerged() {
        let hour = 3600.0
        let incidents = [Incident(component: "a", start: -2 * hour, end: hour), Incident(component: "a", start: hour, end: 2 * hour),
                         Incident(component: "a", start: 5 * hour, end: 6 * hour), Incident(component: "a", start: 20 * hour, end: 30 * hour)]
        let merged = OutageMerging.merged(incidents, since: 0, until: 24 * hour)
        #expect(merged.map(\.start) == [0, 5 * hour, 20 * hour])
        #expect(merged.map(\.end) == [2 * hour, 6 * hour, 24 * hour])
    }

    /// With w + n = 1 the posterior gamma is exponential: its quantile is −ln(1 − p) / β.
    @Test func theCredibleIntervalOfOneEventIsExponential() throws {
        let model = try ModelLoader.load(text: "version: 1\nsystem: s\ncomponents:\n  a: {mtbf: 100h, mttr: 1h}\n", file: "m.yaml")
        let comparison = IncidentComparison(model: model, incidents: [], since: 0, until: 900 * 3600)
        let update = try #require(PosteriorFigures(comparison, model: model, priorWeight: 1).updates.first)
        let beta = 1.0 / (1.0 / 100) + 900   // w/λ₀ + T
        #expect(abs(update.rate - 1 / beta) < 1e-18)
        #expect(abs(update.rateLower - (-log(0.95) / beta)) < 1e-15)
        #expect(abs(update.rateUpper - (-log(0.05) / beta)) < 1e-15)
        #expect(update.mttr == 1)
    }

    /// `--set` applies after every file, overlays included: the command line has the last word.
    @Test func setBeatsAnOverlay() throws {
        let text = try String(contentsOfFile: Self.folder + "shop.yaml", encoding: .utf8)
        let overlay = "version: 1\noverlay: test\ncomponents:\n  api: {mtbf: 500h, mttr: 2h}\n"
        let model = try ModelLoader.load(documents: [("shop.yaml", text), ("o.yaml", overlay)], overrides: [try ModelOverride("api.mttr=3h")])
        #expect(model.components.first { $0.name == "api" }?.figures == .mtbf(500, mttr: 3))
    }
}
