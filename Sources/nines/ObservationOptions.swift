import ArgumentParser
import Foundation
import NinesKit

/// Where and over what window `observe` and `check --budget-left` measure the objectives' `sli:`.
struct ObservationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Prometheus server to query, e.g. 'http://127.0.0.1:9090' (the only address contacted).", valueName: "url"))
    var prometheus: String?

    @Option(help: ArgumentHelp("The SLO period, e.g. '30d', 'month' (default: each objective's period, else the model's).", valueName: "period"))
    var period: String?

    @Option(help: ArgumentHelp("End of the measured window, ISO 8601 with a zone, e.g. '2026-12-01T00:00:00Z' (default: now).", valueName: "time"))
    var end: String?

    @Option(help: ArgumentHelp("Seconds allowed for each query, connection included.", valueName: "seconds"))
    var timeout: Double = 10

    func validate() throws {
        if let prometheus, case .failure(let failure) = PrometheusServer.parse(prometheus) { throw ValidationError(failure.message) }
        _ = try periodOverride()
        _ = try endTime()
        if !(timeout > 0 && timeout <= 600) { throw ValidationError("--timeout must be in (0, 600] seconds, found \(timeout)") }
    }

    func server() throws -> PrometheusServer {
        guard let prometheus else { throw ValidationError("give --prometheus URL, the server that holds the objectives' metrics") }
        switch PrometheusServer.parse(prometheus) {
        case .success(let server): return server
        case .failure(let failure): throw ValidationError(failure.message)
        }
    }

    func periodOverride() throws -> Period? {
        guard let period else { return nil }
        switch PeriodParser.parse(period) {
        case .success(let value): return value
        case .failure(let failure): throw ValidationError("--period must be \(failure.expected), found '\(period)'")
        }
    }

    func endTime() throws -> Date {
        guard let end else { return Date() }
        return try Self.time(end, option: "--end")
    }

    /// An ISO 8601 time with its zone ('Z' or '+01:00'), with or without fractional seconds.
    static func time(_ text: String, option: String) throws -> Date {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions.insert(.withFractionalSeconds)
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
            throw ValidationError("\(option) must be an ISO 8601 time with a zone, e.g. '2026-12-01T00:00:00Z', found '\(text)'")
        }
        return date
    }
}
