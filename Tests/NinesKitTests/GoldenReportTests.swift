import Foundation
import NinesKit
import Testing

/// `nines report` on every bundled model, text and JSON, compared with recorded output.
///
/// A missing golden file is written and the test fails ("recorded, re-run"); run with
/// `NINES_RECORD=1` to re-record every golden file after an intended change, then review the diff.
@Suite("Golden reports of the bundled models")
struct GoldenReportTests {
    @Test("report matches the golden file", arguments: GoldenFiles.models, ["text", "json"])
    func report(model: String, format: String) throws {
        let path = "models/\(model).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        let system = try ModelLoader.load(text: text, file: path)
        let analysis = AvailabilityAnalysis(system)
        var report = ReportBuilder.availabilityReport(analysis)
        // As `nines report` does by default.
        let prediction = SLAPrediction(system, full: analysis)
        ReportBuilder.addCutSets(MinimalCutSets(prediction, maxOrder: ReportBuilder.reportCutSetOrder), to: &report)
        let savings = PatternSavings(prediction) { try? ModelLoader.load(documents: [(path, text)], removing: $0) }
        ReportBuilder.addPatternSavings(savings, model: system, to: &report)
        let output = format == "json" ? JSONReportRenderer.render(report) : TextReportRenderer().render(report)
        GoldenFiles.compare(output, with: "\(model).\(format)")
    }

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
}

/// Where the models and golden files live, found from this source file so no working directory is assumed.
enum GoldenFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("Tests/NinesKitTests/Golden")
    static let recording = ProcessInfo.processInfo.environment["NINES_RECORD"] == "1"

    /// Names (without `.yaml`) of the bundled system models, sorted. FMEA worksheets, which share
    /// the directory, are recognised by "fmea" in the name or by having no top-level `components:`.
    static var models: [String] {
        let directory = root.appendingPathComponent("models")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.lowercased().contains("fmea") }
            .filter { file in
                let text = (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
                return text.split(separator: "\n").contains { $0.hasPrefix("components:") }
            }
            .map { String($0.dropLast(".yaml".count)) }
            .sorted()
    }

    /// Records an issue unless `output` equals the golden file; writes the file when missing or recording.
    static func compare(_ output: String, with name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        guard !recording, let golden = try? String(contentsOf: url, encoding: .utf8) else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try output.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded Tests/NinesKitTests/Golden/\(name); review it and re-run\(recording ? " without NINES_RECORD" : "")",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        if output != golden {
            let difference = firstDifference(output, golden)
            Issue.record("output differs from Tests/NinesKitTests/Golden/\(name): \(difference); re-record with NINES_RECORD=1 if intended",
                         sourceLocation: sourceLocation)
        }
    }

    /// "line 12: got '…', golden '…'" for the first line that differs.
    static func firstDifference(_ output: String, _ golden: String) -> String {
        let got = output.components(separatedBy: "\n")
        let want = golden.components(separatedBy: "\n")
        for index in 0..<max(got.count, want.count) {
            let left = index < got.count ? got[index] : "<end of output>"
            let right = index < want.count ? want[index] : "<end of golden file>"
            if left != right { return "line \(index + 1): got '\(left)', golden '\(right)'" }
        }
        return "no line differs"
    }
}

/// The built `nines` executable, which SwiftPM puts in the same directory as the test bundle
/// (`.build/debug` of this package is the last resort, for runners that start tests from elsewhere).
/// The `nines` binary SwiftPM built beside the tests. A test that needs it fails, never skips, when
/// it is missing: a suite that cannot run must not pass.
enum NinesExecutable {
    static let url: URL? = {
        var directories = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                           Bundle.main.bundleURL.deletingLastPathComponent()]
        directories += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        directories.append(GoldenFiles.root.appendingPathComponent(".build/debug"))
        return directories.map { $0.appendingPathComponent("nines") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The binary, or a failed requirement that says how to get one.
    static func required(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(url, "the nines binary is missing beside the tests; build it with 'swift build'", sourceLocation: sourceLocation)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `nines` from the repository root with NO_COLOR set, so output is plain text.
    static func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        try launch(try required(sourceLocation: sourceLocation), arguments, in: GoldenFiles.root)
    }

    /// Runs `executable` in `folder` with NO_COLOR and `environment` added to this process's own.
    /// Both pipes are drained at once: read one after the other, a child that fills the second
    /// (64 KiB on Linux) blocks while the first is still open, and neither side ever finishes.
    static func launch(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"].merging(environment) { $1 }) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderr = PipeDrain(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once its writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
