import Foundation
import Testing
import NinesTestSupport

/// `nines advise` as a user runs it: each format, overrides applied first, bad input exits 2.
@Suite
struct AdviseCommandTests {
    static let model = "models/devops-job-runner.yaml"

    @Test func listsChangesWithTheirOverridesInEachFormat() throws {
        let text = try NinesExecutable.run(["advise", Self.model, "--objective", "submit-job", "--target", "99.99%"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.contains("advise: DevOps job runner, objective submit-job (availability)"))
        #expect(text.stdout.contains("1.  run 2 replicas of job-store (1 of 2 needed)\n"))
        #expect(text.stdout.contains("      --set job-store.replicas=2\n"))
        #expect(text.stdout.contains("smallest set of changes reaching 99.99%: 2 →"))
        let markdown = try NinesExecutable.run(["advise", Self.model, "--objective", "submit-job", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("### nines advise: DevOps job runner"))
        #expect(markdown.stdout.contains("| 1 | run 2 replicas of job-store (1 of 2 needed) |"))
        let json = try NinesExecutable.run(["advise", Self.model, "--format", "json", "--set", "api-gateway.replicas=2"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["objective"] as? String != nil)
        #expect(object["overrides"] as? [String] == ["api-gateway.replicas=2"])
        let suggestions = try #require(object["suggestions"] as? [[String: Any]])
        #expect(!suggestions.isEmpty)
        #expect(suggestions.allSatisfy { $0["set"] is [String] && $0["downtimeSavedHours"] is Double && $0["availability"] is Double })
    }

    /// A structural change is evaluated on the model read again after the command's own `--set`:
    /// the agent's detection, set to 10 min, is halved to 5 min (the file's 5 min would give 2.5).
    @Test func structuralChangesComeOnTopOfTheCommandsOverrides() throws {
        let run = try NinesExecutable.run(["advise", Self.model, "--objective", "job-completes", "--top", "40",
                                           "--set", "agent.detect=10m"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("notice outages of agent in half the time (detect 5m)"))
        #expect(run.stdout.contains("--set agent.detect=5m\n"))
        #expect(!run.stdout.contains("agent.detect=2.5m"))
    }

    @Test(arguments: [
        (["--objective", "submit-jb"], "--objective 'submit-jb' is not an objective of the model; did you mean 'submit-job'?"),
        (["--target", "101%"], "--target must be an availability in (0, 100]%"),
        (["--set", "api-gatway.replicas=2"], "names unknown component 'api-gatway'; did you mean 'api-gateway'?"),
    ])
    func refusesBadInput(options: [String], message: String) throws {
        let run = try NinesExecutable.run(["advise", Self.model] + options)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
    }
}
