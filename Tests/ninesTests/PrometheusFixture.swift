import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real Prometheus (Debian's `prometheus` and `promtool`) on 127.0.0.1, holding one generated
/// day of data backfilled with `promtool tsdb create-blocks-from openmetrics`, for the tests of
/// `nines observe` and `check --budget-left`. Each sample is at a whole minute i = 1…1440 after
/// `start` (2026-11-01T00:00:00Z), so the day [start, start + 1 d] holds exactly these samples:
///
/// - `http_requests_total{code="200"}`: 0 at i = 1, then 1000 more each minute: 1,439,000 in the day.
/// - `http_requests_total{code="500"}`: 5 more each minute for i = 1201…1260 (20:01–21:00): 300.
/// - `probe_up{service="checkout"}`: 0 for i = 601…610 (10:01–10:10), else 1: 1430 of 1440 minutes up.
///
/// Both counters start at 0 inside the window, so `increase()` extrapolates nothing and returns
/// exactly last − first.
final class PrometheusFixture {
    static let start = 1_793_491_200   // 2026-11-01T00:00:00Z
    let url: String
    private let process: Process
    private let folder: URL

    /// The OpenMetrics text of the generated day.
    static var openMetrics: String {
        var lines = ["# TYPE http_requests counter"]
        for (code, perMinute) in [("200", { (i: Int) in i >= 2 ? 1000 : 0 }), ("500", { (i: Int) in (1201...1260).contains(i) ? 5 : 0 })] {
            var count = 0
            for i in 1...1440 {
                count += perMinute(i)
                lines.append("http_requests_total{code=\"\(code)\"} \(count) \(start + 60 * i)")
            }
        }
        lines.append("# TYPE probe_up gauge")
        for i in 1...1440 { lines.append("probe_up{service=\"checkout\"} \((601...610).contains(i) ? 0 : 1) \(start + 60 * i)") }
        lines.append("# EOF")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Backfills the day and starts Prometheus on a free port; returns once it answers a query.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nines-prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = folder.appendingPathComponent("day.om")
        try Self.openMetrics.write(to: data, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("prometheus.yml")
        try "global:\n  scrape_interval: 1m\n".write(to: config, atomically: true, encoding: .utf8)
        let tsdb = folder.appendingPathComponent("tsdb").path
        let backfill = try Self.run(Self.tool("promtool"), ["tsdb", "create-blocks-from", "openmetrics", data.path, tsdb])
        guard backfill == 0 else { throw FixtureError("promtool could not backfill the generated day (exit \(backfill))") }
        let port = try Self.freePort()
        url = "http://127.0.0.1:\(port)"
        process = Process()
        process.executableURL = try Self.tool("prometheus")
        // Retention far beyond the backfilled day, or Prometheus deletes the blocks as too old.
        process.arguments = ["--config.file=\(config.path)", "--storage.tsdb.path=\(tsdb)", "--storage.tsdb.retention.time=100y",
                             "--web.listen-address=127.0.0.1:\(port)"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // Ready once promtool's query is answered; a bounded wait, not a timing assertion.
        for _ in 0..<300 {
            if try Self.run(Self.tool("promtool"), ["query", "instant", url, "vector(1)"]) == 0 { return }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw FixtureError("Prometheus did not start on \(url)")
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// A Debian tool the tests need (`.ci/run` installs the `prometheus` package when missing).
    static func tool(_ name: String) throws -> URL {
        let path = "/usr/bin/\(name)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw FixtureError("\(path) is missing: apt-get install prometheus (.ci/run installs it)")
        }
        return URL(fileURLWithPath: path)
    }

    private static func run(_ tool: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A port nothing listens on now: the kernel's pick for a socket bound to port 0.
    static func freePort() throws -> Int {
        #if os(Linux)
        let handle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let handle = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard handle >= 0 else { throw FixtureError("no socket") }
        defer { close(handle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(handle, $0, length) == 0 && getsockname(handle, $0, &length) == 0 }
        }
        guard bound else { throw FixtureError("cannot bind a port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
