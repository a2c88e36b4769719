import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines report --explain`: each figure's plan, in text and JSON.
@Suite struct ExplainCommandTests {
    /// `report --explain` on a bundled model, text and JSON; without it, no plan anywhere.
    @Test func reportExplainShowsEachFiguresPlan() throws {
        let text = try NinesExecutable.run(["report", "models/two-tier-service.yaml", "--explain"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.contains("  plan:\n    one diagram ("))
        #expect(text.stdout.contains("      why: the structure compiled into one decision diagram within the node\n"))
        let plain = try NinesExecutable.run(["report", "models/two-tier-service.yaml"])
        #expect(!plain.stdout.contains("plan:"))
        let json = try NinesExecutable.run(["report", "models/two-tier-service.yaml", "--explain", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let figures = try #require(object?["figures"] as? [[String: Any]])
        #expect(!figures.isEmpty)
        for figure in figures {
            let plan = try #require(figure["plan"] as? [String: Any])
            #expect(plan["kind"] as? String == "diagram")
            #expect(plan["summary"] as? String == "one diagram (\(figure["diagramNodes"] as? Int ?? -1) nodes)")
        }
        let plainJSON = try NinesExecutable.run(["report", "models/two-tier-service.yaml", "--format", "json"])
        #expect(!plainJSON.stdout.contains("\"plan\""))
    }
}
