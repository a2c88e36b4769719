import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// What `nines` does when its stdout or stderr cannot be written (issue 19, item 3): a full device
/// gives one sentence and exit 2, never a crash; a reader that went away ends it quietly, as
/// SIGPIPE would, even when the parent ignores that signal (as CI runners and test harnesses may).
@Suite struct StandardStreamTests {
    struct Outcome {
        var reason: Process.TerminationReason
        var status: Int32
        var stderr: String
    }

    /// Runs nines from the repository root with `stdout` (and `stderr`, when given) as its streams.
    static func run(_ arguments: [String], stdout: Any, stderr: Any? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = try NinesExecutable.required()
        process.arguments = arguments
        process.currentDirectoryURL = GoldenFiles.root
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        process.standardOutput = stdout
        let errors = Pipe()
        process.standardError = stderr ?? errors
        try process.run()
        let text = stderr == nil ? String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        process.waitUntilExit()
        return Outcome(reason: process.terminationReason, status: process.terminationStatus, stderr: text)
    }

    static func full() throws -> FileHandle { try #require(FileHandle(forWritingAtPath: "/dev/full")) }

    @Test(arguments: [
        ["report", "models/two-tier-service.yaml"],
        ["report", "models/two-tier-service.yaml", "--format", "json"],
        ["check", "examples/ci/model.yaml", "--format", "markdown"],
        ["--help"],
        ["--generate-completion-script", "bash"],
    ])
    func aFullDeviceOnStdoutIsOneSentenceAndExitTwo(arguments: [String]) throws {
        let outcome = try Self.run(arguments, stdout: try Self.full())
        #expect(outcome.reason == .exit && outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr == "nines: cannot write to standard output: no space left on the device\n")
    }

    @Test func aFullDeviceOnStderrStillExitsTwo() throws {
        let outcome = try Self.run(["report", "no-such-model.yaml"], stdout: Pipe(), stderr: try Self.full())
        #expect(outcome.reason == .exit && outcome.status == 2, "\(outcome)")
    }

    /// The pipe's reading end is closed before nines starts, so its first write fails with EPIPE.
    @Test func aClosedPipeEndsQuietlyAsSIGPIPEWould() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let outcome = try Self.run(["report", "models/two-tier-service.yaml"], stdout: pipe)
        #expect(outcome.reason == .uncaughtSignal && outcome.status == SIGPIPE, "\(outcome)")
        #expect(outcome.stderr.isEmpty)
    }
}
