import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// Runs the built `nines` executable (built with the tests by `swift test`) the way CI does:
/// exit codes for each outcome, and the model of the examples/ci pipelines.
@Suite struct CheckCommandTests {
    static let fallsShort = "Tests/NinesKitTests/Fixtures/sla/check-model.yaml"

    @Test func exitsZeroWhenEverythingHolds() throws {
        let run = try NinesExecutable.run(["check", "examples/ci/model.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("4 passed, 0 failed, 0 warnings: all objectives hold\n"))
    }

    @Test(arguments: CheckFormatTestsFormats.all)
    func exitsOneWhenAnythingFallsShort(format: String) throws {
        let run = try NinesExecutable.run(["check", Self.fallsShort, "--format", format])
        #expect(run.status == 1)
        #expect(!run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }

    @Test func minimumMarginCanFailAModelThatHolds() throws {
        #expect(try NinesExecutable.run(["check", "examples/ci/model.yaml", "--min-margin", "10%"]).status == 0)
        let strict = try NinesExecutable.run(["check", "examples/ci/model.yaml", "--min-margin", "0.99"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("under the required 99.0%"))
    }

    @Test(arguments: [
        (["check", "Tests/NinesKitTests/Fixtures/sla/invalid-objective.yaml"], "6:16: error: objective 'front' names unknown component 'apii'"),
        (["check", "no-such-model.yaml"], "no-such-model.yaml:1:1: error: no such file"),
        (["check", "examples/ci/model.yaml", "--min-margin", "120%"], "--min-margin must be"),
        (["check", "examples/ci/model.yaml", "--format", "xml"], "format"),
        (["diff", "examples/ci/model.yaml"], "give the new version too"),
        (["diff", "--base", "--no-such-rev", "examples/ci/model.yaml"], "--base"),
    ])
    func exitsTwoOnInvalidInput(arguments: [String], message: String) throws {
        let run = try NinesExecutable.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message))
    }

    /// The over-the-limit error says "raise it with --max-input-size": every command that reads a
    /// file takes that option, and applies it (a 1 MB limit refuses this 1.2 MB file).
    @Test(arguments: [["report", "BIG"], ["check", "BIG"], ["simulate", "BIG"], ["diff", "BIG", "BIG"],
                      ["fmea", "init", "BIG"], ["fmea", "rank", "BIG"], ["fmea", "export", "BIG"],
                      ["fmea", "import", "BIG", "--worksheet", "unwritten.yaml", "--model", "BIG"]])
    func everyCommandTakesTheInputLimitItsErrorNames(arguments: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = directory.appendingPathComponent("big.yaml")
        let model = try String(contentsOf: GoldenFiles.root.appendingPathComponent("examples/ci/model.yaml"), encoding: .utf8)
        try (model + "# " + String(repeating: "x", count: 1_200_000) + "\n").write(to: big, atomically: true, encoding: .utf8)
        let command = arguments.map { $0 == "BIG" ? big.path : $0 == "unwritten.yaml" ? directory.appendingPathComponent($0).path : $0 }
        let limited = try NinesExecutable.run(command + ["--max-input-size", "1"])
        #expect(limited.status == 2)
        #expect(limited.stderr.contains("over the 1.0 MB input limit; raise it with --max-input-size"), "\(arguments): \(limited.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("unwritten.yaml").path))
        let refused = try NinesExecutable.run(command + ["--max-input-size", "0"])
        #expect(refused.status == 2 && refused.stderr.contains("--max-input-size must be between 1 and 4096 MB"))
    }

    /// The model of the CI examples holds, and its Markdown report (the PR comment the Action and
    /// the GitLab template post) is as recorded; scripts/test-ci-integration.sh runs the pipelines.
    @Test func ciExampleModelHoldsAndItsCommentIsAsRecorded() throws {
        let run = try NinesExecutable.run(["check", "examples/ci/model.yaml", "--format", "markdown"])
        #expect(run.status == 0)
        GoldenFiles.compare(run.stdout, with: "examples-ci-check.md")
    }

    /// `--base` reads the committed version with `git show`; the working copy drops a replica.
    @Test func diffAgainstAGitRevision() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.yaml")
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent("examples/ci/model.yaml"), encoding: .utf8)
        try text.write(to: model, atomically: true, encoding: .utf8)
        try GitFixture.commit(["model.yaml"], in: directory)
        // One replica without failover (with failover, one replica's figure would be the service as delivered).
        let changed = text.replacingOccurrences(of: "    mttr: 2h\n    replicas: 2\n    failover: { mode: active-passive, detect: 30s, switch: 60s }\n",
                                                with: "    mttr: 2h\n")
        try #require(changed != text)
        try changed.write(to: model, atomically: true, encoding: .utf8)
        let run = try NinesExecutable.run(["diff", "--base", "HEAD", model.path])
        #expect(run.status == 1, "stderr: \(run.stderr)")   // the target now falls short
        #expect(run.stdout.contains("changing postgres (replicas 2 → 1, failover active-passive detect 30 s switch 1 min → none) costs 21.3 min/month on submit-job"))
        // Without the failover postgres is repaired, not switched: job-completes' RTO is missed too.
        let reasons = ["submit-job: now falls short: 21.8 min/month of downtime, over the 21.6 min budget of SLA 99.95% per month",
                       "job-completes: now falls short: worst RTO 2 h (postgres, repair) exceeds rto 15 min"]
        #expect(run.stdout.contains("(+21.3 min); now falls short"))
        #expect(run.stdout.hasSuffix("fails (2 reasons):\n" + reasons.map { "    \($0)\n" }.joined()))
        #expect(run.stderr == reasons.map { "nines diff fails: \($0)\n" }.joined())
        let missing = try NinesExecutable.run(["diff", "--base", "no-such-revision", model.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read"))
    }

    @Test func fmeaRuleFailsOnAnOpenHighPriorityRow() throws {
        let model = "models/devops-job-runner.yaml", worksheet = "models/devops-job-runner.fmea.yaml"
        let run = try NinesExecutable.run(["check", model, "--fmea", worksheet, "--format", "markdown"])
        #expect(run.status == 1)
        GoldenFiles.compare(run.stdout, with: "devops-job-runner.check-fmea.md")
        let skipped = try NinesExecutable.run(["check", model, "--fmea", worksheet, "--fail-on-open", "none"])
        #expect(!skipped.stdout.contains("failure mode"))
        let bad = try NinesExecutable.run(["check", model, "--fail-on-open", "X"])
        #expect(bad.status == 2 && bad.stderr.contains("--fail-on-open must be H, M, L or none"))
        let stranger = try NinesExecutable.run(["check", model, "--fmea", "models/retail-omnichannel.fmea.yaml"])
        #expect(stranger.status == 2 && stranger.stderr.contains("which the model (models/devops-job-runner.yaml) does not have; "
                                                               + "is 'models/retail-omnichannel.fmea.yaml' the worksheet of another model"))
    }

    @Test func diffAgainstAFile() throws {
        let run = try NinesExecutable.run(["diff", "examples/ci/model.yaml", "examples/ci/model.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("submit-job: 99.99887% → 99.99887%, 29.4 s → 29.4 s/month (unchanged)"))
        #expect(run.stdout.contains("no component changed"))
    }
}

enum CheckFormatTestsFormats {
    static let all = ["text", "json", "junit", "github", "markdown", "sarif"]
}

/// A resiliency policy breach fails the gate like an objective: exit 1 in every format.
@Suite struct PolicyCheckCommandTests {
    @Test(arguments: ["text", "json", "junit", "github", "markdown", "sarif"])
    func policyBreachExitsOne(format: String) throws {
        let run = try NinesExecutable.run(["check", "Tests/NinesKitTests/Fixtures/sla/policy-breach.yaml", "--format", format])
        #expect(run.status == 1)
        #expect(run.stdout.contains("policy-rto") || run.stdout.contains("rto 2 min"))
    }

    @Test func scenarioCommandRefusesAnUnknownComponent() throws {
        let run = try NinesExecutable.run(["scenario", "models/two-tier-service.yaml", "--down", "az-c"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean"))
    }
}
