import Foundation
import Testing
import NinesTestSupport

/// `nines report` on a model with uncertain inputs, as a user runs it: the section in text and
/// JSON, `--uncertainty-samples 0` leaving it out, a bad count exiting 2, and `--set` replacing a
/// range with a figure.
@Suite
struct UncertaintyCommandTests {
    static let model = "examples/uncertainty/two-tier-uncertain.yaml"

    @Test func reportAddsTheSectionInTextAndJSON() throws {
        let text = try NinesExecutable.run(["report", Self.model])
        #expect(text.status == 1 || text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.contains("input uncertainty (10,000 Latin hypercube draws, seed 1"))
        #expect(text.stdout.contains("  az-a availability 99.5%..99.99% (log-uniform)"))
        let json = try NinesExecutable.run(["report", Self.model, "--format", "json", "--uncertainty-samples", "2000"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let uncertainty = try #require(object["uncertainty"] as? [String: Any])
        #expect(uncertainty["samples"] as? Int == 2000)
        let objectives = try #require(uncertainty["objectives"] as? [[String: Any]])
        #expect(objectives.map { $0["objective"] as? String } == ["front-door", "persist"])
        for objective in objectives {
            let (p5, p50, p95) = (objective["availabilityP5"] as? Double ?? 2, objective["availabilityP50"] as? Double ?? 2,
                                  objective["availabilityP95"] as? Double ?? 2)
            #expect(p5 <= p50 && p50 <= p95 && p95 < 1)
            #expect((0...1).contains(objective["probabilityMeetingTarget"] as? Double ?? -1))
        }
    }

    @Test func samplesZeroLeavesItOutAndABadCountExitsTwo() throws {
        let none = try NinesExecutable.run(["report", Self.model, "--format", "json", "--uncertainty-samples", "0"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [String: Any])
        #expect(object["uncertainty"] == nil)
        let bad = try NinesExecutable.run(["report", Self.model, "--uncertainty-samples=-3"])
        #expect(bad.status == 2 && bad.stderr.contains("--uncertainty-samples must be from 0 to 1000000"), "stderr: \(bad.stderr)")
    }

    @Test func aSetFigureReplacesTheRange() throws {
        let run = try NinesExecutable.run(["report", Self.model, "--set", "az-a.availability=99.9%", "--set", "az-a.mttr=4h"])
        #expect(!run.stdout.contains("  az-a availability"))
        #expect(run.stdout.contains("  az-b availability 99.5%..99.99% (log-uniform)"))
    }
}
