import Foundation
import Testing

/// The `nines` binary SwiftPM built beside the tests (`.build/debug` of this package is the last
/// resort, for runners that start tests from elsewhere). Only ninesTests, which depends on the
/// executable so that `swift test` builds it first, runs it; a test that needs it fails, never
/// skips, when it is missing: a suite that cannot run must not pass.
package enum NinesExecutable {
    package static let url: URL? = {
        var directories = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                           Bundle.main.bundleURL.deletingLastPathComponent()]
        directories += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        directories.append(GoldenFiles.root.appendingPathComponent(".build/debug"))
        return directories.map { $0.appendingPathComponent("nines") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The binary, or a failed requirement that says how to get one.
    package static func required(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(url, "the nines binary is missing beside the tests; build it with 'swift build'", sourceLocation: sourceLocation)
    }

    package struct Run {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// Runs `nines` from the repository root with NO_COLOR set, so output is plain text.
    package static func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        try launch(try required(sourceLocation: sourceLocation), arguments, in: GoldenFiles.root)
    }

    /// Runs `executable` in `folder` with NO_COLOR and `environment` added to this process's own.
    /// Both pipes are drained at once: read one after the other, a child that fills the second
    /// (64 KiB on Linux) blocks while the first is still open, and neither side ever finishes.
    package static func launch(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
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
