import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import NinesKit
import NinesTestSupport

/// An invalid model under `nines check --format github|junit|sarif|markdown`: the CI formats carry
/// every diagnostic (golden files), and the executable still prints the compiler-style errors on
/// stderr and exits 2.
@Suite struct InputErrorFormatTests {
    static let fixture = "Tests/NinesKitTests/Fixtures/invalid/three-errors.yaml"

    /// The three-error fixture's diagnostics, plus one about no file and one whose message needs
    /// escaping in every format.
    static func report() throws -> InputErrorReport {
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(fixture), encoding: .utf8)
        let error = try #require(throws: DiagnosticError.self) { try ModelLoader.load(text: text, file: fixture) }
        #expect(error.diagnostics.count == 3)
        let odd = Diagnostic(at: ModelLocation(file: "odd, name:1.yaml", line: 2, column: 3),
                             "50% of 'x' <y> & \"z\" | w\nnext line", length: 4)
        return InputErrorReport(sources: [fixture, "odd, name:1.yaml"],
                                diagnostics: error.diagnostics + [odd, Diagnostic("--set names unknown component 'q'")])
    }

    @Test func github() throws { GoldenFiles.compare(InputErrorGitHubRenderer().render(try Self.report()), with: "input-errors.github.txt") }
    @Test func junit() throws { GoldenFiles.compare(InputErrorJUnitRenderer().render(try Self.report()), with: "input-errors.junit.xml") }
    @Test func sarif() throws { GoldenFiles.compare(InputErrorSARIFRenderer().render(try Self.report()), with: "input-errors.sarif.json") }
    @Test func markdown() throws { GoldenFiles.compare(InputErrorMarkdownRenderer().render(try Self.report()), with: "input-errors.md") }

    /// One failing test case per file (the unlocated diagnostic under "options"), XML that parses.
    @Test func junitHasAFailingCasePerFile() throws {
        let document = try XMLDocument(xmlString: InputErrorJUnitRenderer().render(try Self.report()), options: [])
        let cases = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase"))
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == [Self.fixture, "odd, name:1.yaml", "options"])
        #expect(cases.allSatisfy { $0.elements(forName: "failure").count == 1 })
        let failure = try #require(cases[0].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue?.hasSuffix("(and 2 more)") == true)
        #expect(failure.stringValue?.components(separatedBy: "\n").count == 3)
        #expect(cases[1].elements(forName: "failure").first?.stringValue?.contains("<y> & \"z\"") == true)
    }

    /// Every diagnostic a result of level error; located ones carry their region.
    @Test func sarifResultsAreErrorsWithRegions() throws {
        let json = try JSONSerialization.jsonObject(with: Data(InputErrorSARIFRenderer().render(try Self.report()).utf8)) as? [String: Any]
        let run = try #require((json?["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0["level"] as? String == "error" && $0["ruleId"] as? String == "input-valid" })
        let region = (((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]) as? [String: Int]
        #expect(region == ["startLine": 4, "startColumn": 24])
        #expect((results[4]["locations"] as? [Any])?.isEmpty == true)
    }

    /// Properties escape ',' and ':' and messages '%' and new lines, as GitHub's runner reads them.
    @Test func githubEscapesPropertiesAndMessages() throws {
        let lines = InputErrorGitHubRenderer().render(try Self.report()).split(separator: "\n")
        #expect(lines.contains("::error file=odd%2C name%3A1.yaml,line=2,col=3,endColumn=7,title=nines%3A invalid input::"
                               + "50%25 of 'x' <y> & \"z\" | w%0Anext line"))
        #expect(lines.contains("::error title=nines%3A invalid input::--set names unknown component 'q'"))
    }
}
