import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines report` as a user runs it: a bundled model against its golden text, a broken one located.
@Suite struct ReportCommandTests {
    @Test("the nines executable reports a bundled model and exits 0")
    func executableReportsModel() throws {
        let run = try NinesExecutable.run(["report", "models/two-tier-service.yaml"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        GoldenFiles.compare(run.stdout, with: "two-tier-service.text")
    }

    @Test("the nines executable rejects a broken model with file:line:col and exit 2")
    func executableRejectsBrokenModel() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.yaml")
        try "version: 1\nsystem: broken\ncomponents:\n  db:\n    availability: 120%\n".write(to: broken, atomically: true, encoding: .utf8)

        let run = try NinesExecutable.run(["report", broken.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(broken.path):5:19: error: 'availability' of component 'db'"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("found '120%'"))
    }

    /// Each process hashes with its own seed, so anything summed in a set's order changed its last
    /// digit from run to run (the mission MTTF did: three outputs in six runs). Five processes,
    /// one output.
    @Test("the same model gives the same bytes in every process, mission figures included")
    func reportBytesDoNotChangeFromProcessToProcess() throws {
        let arguments = ["report", "--mission", "1y", "--format", "json", "models/two-tier-service.yaml"]
        let outputs = try (0..<5).map { _ in try NinesExecutable.run(arguments) }
        #expect(outputs.allSatisfy { $0.status == 0 })
        #expect(Set(outputs.map(\.stdout)).count == 1)
    }
}
