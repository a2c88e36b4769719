import Foundation

/// Reads an objective's `sli:`: `{good: PROMQL, total: PROMQL}` or `{up: PROMQL}`. A query is one
/// line of at most 2,000 characters without control characters: it is written into rule files and
/// sent to a Prometheus server, so nothing in it may start a line or a field of its own there.
struct SLIReader {
    let diagnostics: DiagnosticCollector
    static let keys = ["good", "total", "up"]
    static let longest = 2000

    func read(_ value: YAMLValue, objective: String) -> ServiceLevelIndicator? {
        guard let fields = MappingReader(value, context: "'sli' of objective '\(objective)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: Self.keys) }
        let example = "e.g. '{good: http_requests_total{code!~\"5..\"}, total: http_requests_total}' or '{up: probe_success{job=\"shop\"}}'"
        func query(_ key: String) -> String? {
            guard let scalar = fields.scalar(key, expected: "a PromQL query") else { return nil }
            let text = scalar.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                diagnostics.error(scalar.location, "'\(key)' of objective '\(objective)' is empty; write a PromQL query, \(example)")
                return nil
            }
            if text.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }) || text.count > Self.longest {
                diagnostics.error(scalar.location, "'\(key)' of objective '\(objective)' must be one line of at most \(Self.longest) characters "
                                  + "without control characters", length: min(text.count, 40))
                return nil
            }
            return text
        }
        switch (fields.has("good") || fields.has("total"), fields.has("up")) {
        case (true, true):
            diagnostics.error(fields.keyLocation("up"), "'sli' of objective '\(objective)' gives both 'up' and 'good'/'total'; give one, \(example)")
            return nil
        case (true, false):
            let good = query("good"), total = query("total")
            if good != nil && !fields.has("total") { fields.missing("total", expected: "the counter of all events, \(example)") }
            if total != nil && !fields.has("good") { fields.missing("good", expected: "the counter of good events, \(example)") }
            guard let good, let total else { return nil }
            return .ratio(good: good, total: total)
        case (false, true):
            return query("up").map(ServiceLevelIndicator.up)
        case (false, false):
            if !Self.keys.contains(where: { fields.misspells($0, known: Self.keys) }) { fields.missing("good", expected: example) }
            return nil
        }
    }
}
