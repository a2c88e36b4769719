import Foundation

/// A program outside Swift that browser and Graphviz tests drive (Debian `chromium`, `graphviz`),
/// found on PATH and run with a time limit so a stuck browser fails the test instead of hanging it.
struct ExternalTool {
    let url: URL

    /// The first of `names` on PATH.
    static func find(_ names: [String]) -> ExternalTool? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalTool(url: candidate) }
            }
        }
        return nil
    }

    static let chromium = find(["chromium", "chromium-browser", "google-chrome"])
    static let dot = find(["dot"])
    /// CI installs both (.ci/run): there, a missing tool fails the tests instead of skipping them.
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the tool, feeding `input` on stdin; kills it after `timeout` seconds.
    func run(_ arguments: [String], input: String? = nil, timeout: TimeInterval = 90) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let deadline = DispatchTime.now() + timeout
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: deadline)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        // Read both pipes while the tool runs, so a full pipe cannot stall it.
        nonisolated(unsafe) var stderrData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                   stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
