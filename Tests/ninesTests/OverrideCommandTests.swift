import Foundation
import Testing
import NinesTestSupport

/// `--set` on every command that reads a model: applied, said in the output, and a bad one exits 2
/// with the error at the argument.
@Suite
struct OverrideCommandTests {
    static let model = "models/devops-job-runner.yaml"

    @Test(arguments: [
        ["report", model],
        ["report", model, "--format", "json"],
        ["check", model],
        ["check", model, "--format", "json"],
        ["check", model, "--format", "markdown"],
        ["simulate", model, "--periods", "600"],
        ["simulate", model, "--periods", "600", "--format", "json"],
        ["diff", model],
        ["advise", model, "--format", "json"],
    ])
    func eachCommandSaysWhichOverridesItApplied(command: [String]) throws {
        let run = try NinesExecutable.run(command + ["--set", "job-store.mttr=15m", "--set", "job-api.replicas=4"])
        #expect(run.status == 0 || run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("job-store.mttr=15m") && run.stdout.contains("job-api.replicas=4"), "\(run.stdout)")
    }

    @Test func anOverrideChangesTheFigureAsEditingTheFileWould() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(contentsOf: GoldenFiles.root.appendingPathComponent(Self.model), encoding: .utf8)
        let edited = directory.appendingPathComponent("edited.yaml")
        try original.replacingOccurrences(of: "    replicas: 3\n    needs: 2", with: "    replicas: 4\n    needs: 2")
            .write(to: edited, atomically: true, encoding: .utf8)
        let overridden = try NinesExecutable.run(["report", Self.model, "--format", "json", "--set", "job-api.replicas=4"])
        let byFile = try NinesExecutable.run(["report", edited.path, "--format", "json"])
        #expect(overridden.stdout != byFile.stdout)   // the sources and overrides differ …
        func figures(_ json: String) throws -> [Double] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return (object?["figures"] as? [[String: Any]] ?? []).compactMap { $0["unavailability"] as? Double }
        }
        #expect(try figures(overridden.stdout) == figures(byFile.stdout))   // … the figures do not
        #expect(try !figures(overridden.stdout).isEmpty)
        let diff = try NinesExecutable.run(["diff", Self.model, "--set", "job-api.replicas=4"])
        #expect(diff.stdout.contains("job-api"), "\(diff.stdout)")
    }

    @Test(arguments: ["report", "check", "simulate", "diff", "advise"])
    func aBadOverrideExitsTwoAtTheArgument(command: String) throws {
        let run = try NinesExecutable.run([command, Self.model, "--set", "job-stor.mttr=15m"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--set job-stor.mttr=15m:1:7: error: '--set job-stor.mttr=15m' names unknown component 'job-stor'; did you mean 'job-store'?"),
                "\(run.stderr)")
        let value = try NinesExecutable.run([command, Self.model, "--set", "job-store.availability=101%"])
        #expect(value.status == 2)
        #expect(value.stderr.contains("--set job-store.availability=101%:1:30: error: 'availability' of component 'job-store' must be"), "\(value.stderr)")
    }
}
