import Foundation

/// Reads a figure stated with its uncertainty (docs/uncertainty.md): a range `low..high`
/// (`mttr: 15m..2h`, `availability: 99.9%..99.99%`) or a distribution
/// (`mtbf: {distribution: lognormal, median: 2000h, error_factor: 3}` or `sigma: 0.7`;
/// `{distribution: log-uniform, low: …, high: …}`). Returns nil for a plain figure, which the
/// caller reads as usual; the figure the engines use is the distribution's median.
struct UncertainFigureReader {
    let diagnostics: DiagnosticCollector

    /// The median in the field's unit (unavailability, hours, per hour) and the uncertain input;
    /// `.some(nil)` after a located error; nil when the figure is plain.
    func read(_ field: UncertainInput.Field, of fields: MappingReader) -> UncertainInput?? {
        guard let value = fields.value(field.rawValue) else { return nil }
        let key = field.rawValue
        switch value {
        case .scalar(let scalar) where !scalar.isQuoted && Self.isRange(scalar.text):
            let ends = scalar.text.components(separatedBy: "..")
            guard ends.count == 2, let low = parse(field, ends[0]), let high = parse(field, ends[1]) else {
                diagnostics.error(scalar.location, "'\(key)' of \(fields.context) must be a range 'LOW..HIGH' of \(Self.what(field)), "
                                  + "e.g. '\(Self.example(field))', found '\(scalar.clipped)'", length: scalar.text.count)
                return .some(nil)
            }
            guard low != high else {
                diagnostics.error(scalar.location, "the range of '\(key)' of \(fields.context) has two equal ends; "
                                  + "give the figure alone when it is known", length: scalar.text.count)
                return .some(nil)
            }
            return UncertainInput(field: field, distribution: .logUniform(low: min(low, high), high: max(low, high)),
                                  location: scalar.location)
        case .mapping(_, let location):
            return .some(readDistribution(field, value, at: location, context: fields.context))
        default:
            return nil
        }
    }

    /// Whether `text` holds "..": a scan of its bytes, since every figure of every component is
    /// asked (a substring search showed in the profile of loading 100,000 components).
    static func isRange(_ text: String) -> Bool {
        var afterDot = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                if afterDot { return true }
                afterDot = true
            } else {
                afterDot = false
            }
        }
        return false
    }

    private func readDistribution(_ field: UncertainInput.Field, _ value: YAMLValue, at location: ModelLocation,
                                  context: String) -> UncertainInput? {
        let key = field.rawValue
        guard let spec = MappingReader(value, context: "the distribution of '\(key)' of \(context)", diagnostics: diagnostics) else { return nil }
        defer { spec.rejectUnknownKeys(known: ["distribution", "median", "sigma", "error_factor", "low", "high"]) }
        guard let kind = spec.scalar("distribution", required: true, expected: "'lognormal' or 'log-uniform'") else { return nil }
        switch kind.text {
        case "lognormal":
            let median = figure(field, "median", of: spec, required: true)
            let spread = ["sigma", "error_factor"].filter(spec.has)
            if spread.count != 1 {
                diagnostics.error(spread.count == 0 ? spec.location : spec.keyLocation("error_factor"),
                                  "\(spec.context) needs one of 'sigma' (of ln x, e.g. 0.7) or 'error_factor' (x95/x50, e.g. 3)")
                return nil
            }
            let number = spec.scalar(spread[0]).flatMap { scalar -> Double? in
                guard let number = QuantityParser.decimal(scalar.text), number.isFinite,
                      spread[0] == "sigma" ? (number > 0 && number <= 5) : (number > 1 && number <= 1e4) else {
                    diagnostics.error(scalar.location, "'\(spread[0])' of \(spec.context) must be "
                                      + (spread[0] == "sigma" ? "a number in (0, 5]" : "a number above 1 (at most 10000)")
                                      + ", found '\(scalar.clipped)'", length: scalar.text.count)
                    return nil
                }
                return number
            }
            guard let median, let number else { return nil }
            let sigma = spread[0] == "sigma" ? number : InputDistribution.sigma(errorFactor: number)
            let distribution = InputDistribution.lognormal(median: median, sigma: sigma)
            if field == .availability, distribution.quantile(0.999) >= 1 {
                diagnostics.error(spec.location, "\(spec.context) reaches an unavailability of 1 (availability 0) within its "
                                  + "99.9th percentile; give a smaller spread or use a range")
                return nil
            }
            return UncertainInput(field: field, distribution: distribution, location: location)
        case "log-uniform":
            let low = figure(field, "low", of: spec, required: true), high = figure(field, "high", of: spec, required: true)
            guard let low, let high else { return nil }
            guard low != high else {
                diagnostics.error(spec.keyLocation("high"), "'low' and 'high' of \(spec.context) are equal; give the figure alone when it is known")
                return nil
            }
            return UncertainInput(field: field, distribution: .logUniform(low: min(low, high), high: max(low, high)), location: location)
        default:
            diagnostics.error(kind.location, "'distribution' of \(spec.context) must be 'lognormal' or 'log-uniform', found '\(kind.clipped)'"
                              + Suggestion.hint(for: kind.text, in: ["lognormal", "log-uniform"]), length: kind.text.count)
            return nil
        }
    }

    /// One figure of a distribution, in the field's unit.
    private func figure(_ field: UncertainInput.Field, _ key: String, of spec: MappingReader, required: Bool) -> Double? {
        guard let scalar = spec.scalar(key, required: required, expected: Self.one(field)) else { return nil }
        guard let value = parse(field, scalar.text) else {
            diagnostics.error(scalar.location, "'\(key)' of \(spec.context) must be \(Self.one(field)), e.g. '\(Self.example(field).components(separatedBy: "..")[0])', "
                              + "found '\(scalar.clipped)'", length: scalar.text.count)
            return nil
        }
        return value
    }

    /// A figure in the field's unit; an availability must leave some unavailability (a log scale).
    private func parse(_ field: UncertainInput.Field, _ text: String) -> Double? {
        switch field {
        case .availability:
            guard case .success(let p) = QuantityParser.availability(text), p.down > 0 else { return nil }
            return p.down
        case .mtbf, .mttr:
            guard case .success(let hours) = QuantityParser.duration(text, positive: true) else { return nil }
            return hours
        case .rate:
            guard case .success(let rate) = QuantityParser.rate(text) else { return nil }
            return rate
        }
    }

    private static func what(_ field: UncertainInput.Field) -> String {
        switch field {
        case .availability: "availabilities below 100%"
        case .mtbf, .mttr: "positive durations"
        case .rate: "positive rates"
        }
    }

    private static func one(_ field: UncertainInput.Field) -> String {
        switch field {
        case .availability: "an availability below 100%"
        case .mtbf, .mttr: "a positive duration"
        case .rate: "a positive rate"
        }
    }

    private static func example(_ field: UncertainInput.Field) -> String {
        switch field {
        case .availability: "99.9%..99.99%"
        case .mtbf: "1000h..8000h"
        case .mttr: "15m..2h"
        case .rate: "1/y..6/y"
        }
    }
}
