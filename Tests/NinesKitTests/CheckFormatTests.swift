import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines check` in every format against golden files, and the JUnit shape CI readers expect.
@Suite struct CheckFormatTests {
    static func report(minMargin: Double = 0) throws -> CheckReport {
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent("Tests/NinesKitTests/Fixtures/sla/check-model.yaml"), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: "models/check-model.yaml")
        return CheckReportBuilder.checkReport(SLAPrediction(model), minMargin: minMargin)
    }

    @Test func outcomes() throws {
        let report = try Self.report()
        #expect(report.results.map(\.id) == ["browse/target", "pay/target", "pay/rto", "pay/rpo", "cache/model"])
        #expect(report.results.map(\.status) == [.pass, .fail, .fail, .pass, .warning])
        #expect(!report.holds)
        #expect(report.results[0].line == 34 && report.results[1].line == 38)   // the line naming each objective
    }

    @Test func minimumMarginTurnsAThinPassIntoAFailure() throws {
        let plain = try Self.report()
        let margin = try #require(try CheckFixture.marginShare(of: "browse"))
        #expect(margin > 0.1 && margin < 0.9)
        let strict = try Self.report(minMargin: (margin + 1) / 2)
        #expect(plain.results[0].status == .pass)
        #expect(strict.results[0].status == .fail)
        #expect(strict.results[0].message.hasSuffix("under the required \(SLAText.percent((margin + 1) / 2))"))
    }

    @Test func text() throws { GoldenFiles.compare(CheckTextRenderer().render(try Self.report()), with: "check.text") }
    @Test func json() throws { GoldenFiles.compare(JSONReportRenderer.render(try Self.report()), with: "check.json") }
    @Test func junit() throws { GoldenFiles.compare(CheckJUnitRenderer().render(try Self.report()), with: "check.junit.xml") }
    @Test func github() throws { GoldenFiles.compare(CheckGitHubRenderer().render(try Self.report()), with: "check.github.txt") }
    @Test func markdown() throws { GoldenFiles.compare(CheckMarkdownRenderer().render(try Self.report()), with: "check.md") }
    @Test func sarif() throws { GoldenFiles.compare(CheckSARIFRenderer().render(try Self.report()), with: "check.sarif.json") }

    /// `nines check` on every bundled model, text and Markdown.
    @Test(arguments: GoldenFiles.models, ["text", "md"])
    func bundledModel(model: String, format: String) throws {
        let path = "models/\(model).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        let report = CheckReportBuilder.checkReport(SLAPrediction(try ModelLoader.load(text: text, file: path)))
        let output = format == "md" ? CheckMarkdownRenderer().render(report) : CheckTextRenderer().render(report)
        GoldenFiles.compare(output, with: "\(model).check.\(format)")
    }

    @Test func jsonRoundTrips() throws {
        let report = try Self.report()
        let decoded = try JSONDecoder().decode(CheckReport.self, from: Data(JSONReportRenderer.render(report).utf8))
        #expect(decoded == report)
    }

    /// testsuites > testsuite > testcase (> failure | system-out), counts that add up, escaped text.
    @Test func junitShape() throws {
        var report = try Self.report()
        report.results[1].message += " <&> \"quoted\" 'single' \u{1}"
        let xml = CheckJUnitRenderer().render(report)
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["objective", "recovery", "model"])
        var total = 0, failures = 0
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            #expect(suite.attribute(forName: "tests")?.stringValue == String(cases.count))
            let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }
            #expect(suite.attribute(forName: "failures")?.stringValue == String(failed.count))
            for testcase in cases {
                #expect(testcase.attribute(forName: "name")?.stringValue?.isEmpty == false)
                #expect(testcase.attribute(forName: "classname")?.stringValue?.hasPrefix("nines.") == true)
                for failure in testcase.elements(forName: "failure") {
                    #expect(failure.attribute(forName: "message")?.stringValue?.isEmpty == false)
                }
            }
            total += cases.count
            failures += failed.count
        }
        #expect(root.attribute(forName: "tests")?.stringValue == String(total))
        #expect(root.attribute(forName: "failures")?.stringValue == String(failures))
        let message = suites[0].elements(forName: "testcase")[1].elements(forName: "failure")[0].attribute(forName: "message")?.stringValue
        #expect(message?.hasSuffix(" <&> \"quoted\" 'single' \u{FFFD}") == true)
    }

    @Test func githubAnnotationsPointAtTheObjective() throws {
        let lines = CheckGitHubRenderer().render(try Self.report()).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error file=models/check-model.yaml,line=38,col=3,") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("::warning file=models/check-model.yaml,line=17,col=3,") }.count == 1)
        #expect(lines.allSatisfy { !$0.dropFirst(2).contains("\n") })
        #expect(CheckGitHubRenderer.data("50%\nnext") == "50%25%0Anext")
        #expect(CheckGitHubRenderer.property("a:b,c") == "a%3Ab%2Cc")
    }

    @Test func sarifIsVersion210WithLocatedResults() throws {
        let json = try JSONSerialization.jsonObject(with: Data(CheckSARIFRenderer().render(try Self.report()).utf8)) as? [String: Any]
        #expect(json?["version"] as? String == "2.1.0")
        let runs = try #require(json?["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == 5)
        #expect(results.map { $0["level"] as? String } == ["none", "error", "error", "none", "warning"])
    }
}

/// The browse objective's margin, computed independently of the check builder.
enum CheckFixture {
    static func marginShare(of objective: String) throws -> Double? {
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent("Tests/NinesKitTests/Fixtures/sla/check-model.yaml"), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: "check-model.yaml")
        return SLAPrediction(model).objectives.first { $0.objective.name == objective }?.marginShare
    }
}

extension CheckFormatTests {
    @Test func aModelWithNothingToCheckWarnsInsteadOfPassingSilently() throws {
        let model = try ModelLoader.load(text: "version: 1\nsystem: t\ncomponents: { api: { availability: 99% } }\nobjectives: { front: { at: api } }\n",
                                         file: "t.yaml")
        let report = CheckReportBuilder.checkReport(SLAPrediction(model))
        #expect(report.results.map(\.status) == [.warning])
        #expect(report.results[0].file == "t.yaml" && report.results[0].line == 1)
        #expect(report.holds)
    }
}
