/// Reads `failure:` and `repair:` distributions of a component, e.g.
/// `repair: {distribution: weibull, shape: 1.5, scale: 30m}`. Kept apart from
/// `ModelDocumentReader` so the format's core stays readable; see docs/simulation.md.
struct DistributionReader {
    let diagnostics: DiagnosticCollector

    /// The parameters each family takes, in the order messages list them.
    static let parameters: [String: [String]] = [
        "exponential": ["mean"], "weibull": ["shape", "scale"], "lognormal": ["median", "sigma"], "fixed": ["duration"],
    ]

    /// Reads `key` of a component when present; nil (after reporting) when it is malformed.
    func read(_ key: String, of fields: MappingReader) -> TimeDistribution? {
        guard let value = fields.value(key) else { return nil }
        let context = "'\(key)' of \(fields.context)"
        guard let body = MappingReader(value, context: context, diagnostics: diagnostics) else { return nil }
        let expected = "one of " + TimeDistribution.familyNames.map { "'\($0)'" }.joined(separator: ", ")
        guard let family = body.scalar("distribution", required: true, expected: expected) else { return nil }
        guard let names = Self.parameters[family.text] else {
            diagnostics.error(family.location, "'distribution' of \(context) must be \(expected), found '\(family.clipped)'"
                              + Suggestion.hint(for: family.text, in: TimeDistribution.familyNames), length: family.text.count)
            return nil
        }
        defer { body.rejectUnknownKeys(known: ["distribution"] + names) }
        let distribution: TimeDistribution?
        switch family.text {
        case "exponential":
            distribution = body.duration("mean", positive: true, required: true).map { .exponential(mean: $0) }
        case "weibull":
            let shape = number(body, "shape", allowZero: false, limit: 100)
            let scale = body.duration("scale", positive: true, required: true)
            distribution = shape.flatMap { shape in scale.map { .weibull(shape: shape, scale: $0) } }
        case "lognormal":
            let median = body.duration("median", positive: true, required: true)
            let sigma = number(body, "sigma", allowZero: true, limit: 5)
            distribution = median.flatMap { median in sigma.map { .lognormal(median: median, sigma: $0) } }
        default:
            distribution = body.duration("duration", positive: true, required: true).map { .fixed($0) }
        }
        guard let distribution else { return nil }
        guard distribution.mean.isFinite else {
            diagnostics.error(body.location, "\(context) has an infinite mean time; use a larger 'shape'")
            return nil
        }
        return distribution
    }

    /// A plain number in (0, limit] (or [0, limit] when `allowZero`), e.g. a Weibull shape.
    private func number(_ body: MappingReader, _ key: String, allowZero: Bool, limit: Double) -> Double? {
        let range = "\(allowZero ? "[0" : "(0"), \(Int(limit))]"
        let expected = "a number in \(range)"
        return body.parsed(key, required: true, expected: expected) { text in
            guard let value = QuantityParser.decimal(text), value <= limit, allowZero ? value >= 0 : value > 0 else {
                return .failure(.init(expected))
            }
            return .success(value)
        }
    }
}
