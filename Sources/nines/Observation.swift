import Foundation
import NinesKit

/// Measures every objective that has an `sli:` by asking Prometheus its queries (`SLIQueries`),
/// for `nines observe` and `nines check --budget-left`. A server that cannot be reached stops
/// everything at once; a query refused or empty is reported at its objective's line, all of them
/// together.
struct Observation {
    let server: PrometheusServer
    let timeout: Double
    /// Replaces each objective's own period (`--period`).
    let period: Period?
    let end: Date
    /// Start of the measured window (`--since`); nil measures the whole period up to `end`.
    let since: Date?

    /// - Parameter judged: set the model's judged figure (the upper end of its unavailability interval) beside the measurement, as
    ///   `check` does, rather than its central figure.
    func measure(_ prediction: SLAPrediction, judged: Bool) throws -> [ObservedObjective] {
        let model = prediction.model
        let measured = prediction.objectives.filter { $0.objective.sli != nil }
        guard !measured.isEmpty else {
            throw DiagnosticError([Diagnostic("no objective of '\(model.name)' has an 'sli:' to measure; add one (docs/observe.md)")])
        }
        let client = PrometheusClient(server: server, timeout: timeout)
        var observed: [ObservedObjective] = []
        var problems: [Diagnostic] = []
        for item in measured {
            guard let indicator = item.objective.sli else { continue }
            let periodHours = model.calendar.hours(in: period ?? item.period)
            let windowHours = since.map { end.timeIntervalSince($0) / 3600 } ?? periodHours
            guard windowHours > 0, windowHours <= periodHours * (1 + 1e-9) else {
                throw DiagnosticError([Diagnostic("--since must be before --end and at most one period (\(Format.duration(hours: periodHours)) "
                                                  + "for objective '\(item.objective.name)') before it")])
            }
            let queries = SLIQueries.queries(indicator, windowSeconds: Int((windowHours * 3600).rounded()))
            do {
                let values = try queries.map { query throws(PrometheusFailure) in
                    let answer = try client.query(query, at: end.timeIntervalSince1970)
                    return try PrometheusAnswer.value(status: answer.status, body: answer.body, query: query, server: server.display)
                }
                let measurement = switch indicator {
                case .ratio: SLIMeasurement.ratio(good: values[0], total: values[1], windowHours: windowHours, queries: queries)
                case .up: SLIMeasurement.up(mean: values[0], windowHours: windowHours, queries: queries)
                }
                observed.append(ObservedObjective(objective: item.objective, periodHours: periodHours, measurement: try measurement.get(),
                                                  predicted: judged ? item.figure.judged : item.figure.probability))
            } catch {
                switch error {
                case .badQuery(let text), .empty(let text):
                    problems.append(Diagnostic(at: item.objective.location, "objective '\(item.objective.name)': \(text)"))
                case .badServer(let text), .unreachable(let text), .badAnswer(let text):
                    throw DiagnosticError([Diagnostic(text)])
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return observed
    }

    /// `end` as the report shows it: ISO 8601 in UTC.
    var endText: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: end)
    }
}
