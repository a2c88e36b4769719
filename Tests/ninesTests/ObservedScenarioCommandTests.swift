import Foundation
import Testing
import NinesTestSupport

/// `nines scenario MODEL --observed RESULT…`: exit 0 when every objective did as predicted or
/// better and the policies hold, 1 when one did worse or a policy limit broke, 2 on invalid input;
/// a folder of results is walked without following links. Figures: ObservedScenarioTests.
@Suite struct ObservedScenarioCommandTests {
    static let model = "models/two-tier-service.yaml"
    static func fixture(_ name: String) -> String { "Tests/NinesKitTests/Fixtures/observed/\(name)" }

    @Test func asPredictedOrBetterExitsZero() throws {
        let run = try NinesExecutable.run(["scenario", Self.model, "--observed", Self.fixture("zone-a-lost.yaml"),
                                           Self.fixture("database-lost-chaosresult.yaml")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("persist: BETTER THAN PREDICTED (recovery)"))
        #expect(run.stdout.contains("predicted 2 min (failover), observed 1.58 min; policy rto 15 min: holds"), "\(run.stdout)")
    }

    @Test func worseThanPredictedExitsOneInEveryFormat() throws {
        for format in ["text", "json", "markdown"] {
            let run = try NinesExecutable.run(["scenario", Self.model, "--observed", Self.fixture("zone-a-lost-slow.yaml"), "--format", format])
            #expect(run.status == 1, "\(format): \(run.stderr)")
            if format == "json" {
                let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
                #expect(json["holds"] as? Bool == false)
                let scenario = try #require((json["scenarios"] as? [[String: Any]])?.first)
                let persist = try #require((scenario["objectives"] as? [[String: Any]])?.last)
                #expect(persist["verdict"] as? String == "worse-than-predicted" && persist["rtoHolds"] as? Bool == false)
            }
            if format == "markdown" { #expect(run.stdout.contains("| `persist` | WORSE THAN PREDICTED (recovery, data) |")) }
        }
    }

    @Test func invalidResultsExitTwoWithLocatedErrors() throws {
        let run = try NinesExecutable.run(["scenario", Self.model, "--observed", Self.fixture("invalid.yaml")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("invalid.yaml:3:11: error: 'zone-a-lots' is not a scenario of the model; did you mean 'zone-a-lost'?"))
        #expect(run.stderr.contains("6 errors"))
        let mixed = try NinesExecutable.run(["scenario", Self.model, "--observed", Self.fixture("zone-a-lost.yaml"), "--format", "litmus"])
        #expect(mixed.status == 2 && mixed.stderr.contains("--observed reports in text, json or markdown"))
        // A device that never ends is read up to the input limit, then refused.
        let endless = try NinesExecutable.run(["scenario", Self.model, "--observed", "/dev/zero", "--max-input-size", "1"])
        #expect(endless.status == 2 && endless.stderr.contains("over the 1.0 MB input limit"), "\(endless.stderr)")
    }

    /// A results folder holding a link to a file outside it: the link is not followed, so the
    /// file outside (an observation that would break the policy) is not read.
    @Test func aResultsFolderIsWalkedWithoutFollowingLinks() throws {
        let folder = NSTemporaryDirectory() + "nines-observed-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/results", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = GoldenFiles.root.path + "/"
        try FileManager.default.copyItem(atPath: root + Self.fixture("zone-a-lost.yaml"), toPath: folder + "/results/game-day.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/results/slow.yaml", withDestinationPath: root + Self.fixture("zone-a-lost-slow.yaml"))
        let run = try NinesExecutable.run(["scenario", Self.model, "--observed", folder + "/results"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("game-day.yaml") && !run.stdout.contains("slow.yaml"))
    }
}
