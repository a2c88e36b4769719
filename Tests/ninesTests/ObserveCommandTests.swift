import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `nines observe` and `nines check --budget-left` against a real Prometheus holding one generated
/// day (`PrometheusFixture`), each measured figure against a hand computation from that data:
///
/// - checkout, `{good, total}` over the day: 1000 requests a minute for 1439 minutes are good
///   (1,439,000) and 5 a minute for 60 minutes fail (300), so A = 1,439,000 / 1,439,300 and the
///   99.9 % budget of 1.44 min a day is spent 300 / 1,439,300 / 0.001 = 20.84 %.
/// - probe, `{up}` over the day: 1430 of 1440 minutes up, A = 1430 / 1440; the 99.5 % budget of
///   7.2 min is spent (10 / 1440) / 0.005 = 138.9 %.
/// - from 12:00 (`--since`), checkout counts 720 minutes: 720,000 good of 720,300, so it spent
///   300 / 720,300 × 12 h = 17.99 s of its 1.44 min day budget (20.82 %), leaving 79.18 %; the model
///   (front 99.95 %) predicts 0.05 % × 12 h = 21.6 s for the rest of the day.
@Suite struct ObserveCommandTests {
    static let model = "Tests/NinesKitTests/Fixtures/observe/shop.yaml"
    static let day = ["--period", "1d", "--end", "2026-11-02T00:00:00Z"]

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func measuresTheGeneratedDayAsAHandComputationDoes() throws {
        let prometheus = try PrometheusFixture()
        defer { prometheus.stop() }
        let run = try NinesExecutable.run(["observe", Self.model, "--prometheus", prometheus.url, "--format", "json"] + Self.day)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Self.json(run.stdout)
        let objectives = try #require(report["objectives"] as? [[String: Any]])
        #expect(objectives.map { $0["objective"] as? String } == ["checkout", "probe"])
        #expect(report["notMeasured"] as? [String] == ["search"])
        let checkout = objectives[0], probe = objectives[1]
        #expect(checkout["good"] as? Double == 1_439_000)
        #expect(checkout["total"] as? Double == 1_439_300)
        let q = try #require(checkout["measuredUnavailability"] as? Double)
        #expect(abs(q - 300.0 / 1_439_300) < 1e-15)
        #expect(abs(try #require(checkout["budgetSpentShare"] as? Double) - 300.0 / 1_439_300 / 0.001) < 1e-12)
        #expect(checkout["measuredHolds"] as? Bool == true)
        #expect(checkout["predictedDowntimeHours"] as? Double == 0.0005 * 24)
        #expect(checkout["queries"] as? [String] == ["sum(increase(http_requests_total{code!~\"5..\"}[86400s]))",
                                                     "sum(increase(http_requests_total[86400s]))"])
        #expect(abs(try #require(probe["measuredAvailability"] as? Double) - 1430.0 / 1440) < 1e-15)
        #expect(abs(try #require(probe["budgetSpentShare"] as? Double) - (10.0 / 1440) / 0.005) < 1e-12)
        #expect(probe["measuredHolds"] as? Bool == false)

        let text = try NinesExecutable.run(["observe", Self.model, "--prometheus", prometheus.url] + Self.day)
        #expect(text.status == 0)
        #expect(text.stdout.contains("checkout    99.9%   99.9500%  99.9792%    24 h      18 s         20.8%  met\n"))
        #expect(text.stdout.contains("probe       99.5%   99.9500%   99.306%    24 h    10 min        138.9%  missed\n"))
        #expect(text.stdout.contains("1,439,000 good of 1,439,300 events"))
        #expect(text.stdout.hasSuffix("not measured (no 'sli'): search\n"))
        let markdown = try NinesExecutable.run(["observe", Self.model, "--prometheus", prometheus.url, "--format", "markdown"] + Self.day)
        #expect(markdown.stdout.contains("| checkout | 99.9% | 99.9500% | 99.9792% | 24 h | 18 s | 20.8% | met |\n"))
    }

    @Test func budgetLeftGatesOnWhatThePeriodHasLeft() throws {
        let prometheus = try PrometheusFixture()
        defer { prometheus.stop() }
        let gate = ["check", Self.model, "--budget-left", "--prometheus", prometheus.url, "--since", "2026-11-01T12:00:00Z"] + Self.day
        let passes = try NinesExecutable.run(gate)
        #expect(passes.status == 0, "\(passes.stdout)\(passes.stderr)")
        #expect(passes.stdout.contains("PASS  checkout: 79.2% of the error budget left after 12 h measured at 99.9584%; "
                                       + "the model predicts 21.6 s over the remaining 12 h, within the 1.14 min left\n"))
        #expect(passes.stdout.contains("PASS  probe: 100.0% of the error budget left after 12 h measured at 100%"))
        let results = try #require(try Self.json(NinesExecutable.run(gate + ["--format", "json"]).stdout)["results"] as? [[String: Any]])
        let budget = try #require(results.first { $0["id"] as? String == "checkout/budget-left" })
        #expect(budget["rule"] as? String == "error-budget-left" && budget["line"] as? Int == 6)

        // Front at 99.8 %: 0.2 % × 12 h = 1.44 min predicted for the rest, more than the 1.14 min left.
        let worse = try NinesExecutable.run(gate + ["--set", "front.availability=99.8%"])
        #expect(worse.status == 1)
        #expect(worse.stdout.contains("FAIL  checkout: 79.2% of the error budget left after 12 h measured at 99.9584%; "
                                      + "the model predicts 1.44 min over the remaining 12 h, more than the 1.14 min left\n"))
        // The freeze threshold fails every change under it, in every check format.
        for format in ["text", "json", "junit", "github", "markdown", "sarif"] {
            let frozen = try NinesExecutable.run(gate + ["--freeze-below", "85%", "--format", format])
            #expect(frozen.status == 1, "\(format)")
            // (GitHub's annotations escape '%' as '%25'.)
            #expect(frozen.stdout.contains("of the error budget left after 12 h measured at 99.9584"), "\(format)")
            #expect(frozen.stdout.contains("freeze threshold: changes are frozen"), "\(format)")
        }
        #expect(try NinesExecutable.run(gate + ["--freeze-below", "75%"]).status == 0)
    }

    @Test func refusedAndEmptyQueriesAreLocatedErrors() throws {
        let prometheus = try PrometheusFixture()
        defer { prometheus.stop() }
        let run = try NinesExecutable.run(["observe", "Tests/NinesKitTests/Fixtures/observe/broken-queries.yaml", "--prometheus", prometheus.url] + Self.day)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Tests/NinesKitTests/Fixtures/observe/broken-queries.yaml:6:3: error: objective 'misspelt': "
                                   + "'avg_over_time((probe_upp{service=\"checkout\"})[86400s:1m])' returned no data over the period"))
        #expect(lines[1].hasPrefix("Tests/NinesKitTests/Fixtures/observe/broken-queries.yaml:10:3: error: objective 'unparsable': Prometheus refused"))
        #expect(lines[1].contains("bad_data: invalid parameter"))
        #expect(lines[2].hasSuffix("objective 'every-instance': 'avg_over_time((http_requests_total > bool 0)[86400s:1m])' returns 2 series; "
                                   + "aggregate the expression to one (e.g. min(...) or sum(...))"))
    }

    @Test func anUnreachableServerIsAnErrorNotAStall() throws {
        let url = "http://127.0.0.1:\(try PrometheusFixture.freePort())"
        let run = try NinesExecutable.run(["observe", Self.model, "--prometheus", url, "--timeout", "5"] + Self.day)
        #expect(run.status == 2)
        #expect(run.stderr == "error: cannot connect to \(url): Connection refused\n")
        let https = try NinesExecutable.run(["observe", Self.model, "--prometheus", "https://prometheus.example"])
        #expect(https.status == 2)
        #expect(https.stderr.contains("--prometheus must be an http:// URL"))
        let noServer = try NinesExecutable.run(["check", Self.model, "--budget-left"])
        #expect(noServer.status == 2)
        #expect(noServer.stderr.contains("give --prometheus URL"))
    }
}
