import Foundation

/// Strict parsing of the values a model states: plain decimals, percentages, durations and rates.
///
/// Only ordinary decimal notation is accepted (`0.9995`, `99.95%`, `1.5e-3`). Hexadecimal, octal,
/// base-60, `.nan`, `.inf` and values that overflow or underflow a double are refused, because a
/// reliability model must never quietly read `1:30` as 90.
package enum QuantityParser {
    /// Why a value was refused; the loader turns it into a located diagnostic.
    package struct Failure: Error, Equatable {
        public var expected: String
        public init(_ expected: String) { self.expected = expected }
    }

    /// Hours per unit. A year is 365 days here; calendar conventions apply to periods only.
    public static let hoursPerUnit: [(suffix: String, hours: Double)] = [
        ("ms", 1.0 / 3_600_000), ("s", 1.0 / 3600), ("min", 1.0 / 60), ("m", 1.0 / 60), ("h", 1), ("d", 24),
        ("w", 168), ("y", 8760),
    ]

    static let unitNames = "s, m, h, d, w, y"

    /// Limits that keep every derived figure (MTBF + MTTR, λ·MTTR, λ = q / (p·MTTR)) a finite
    /// double: times from 1 ms to a million years, availabilities from one in a million.
    public static let shortestDuration = 1.0 / 3_600_000
    public static let longestDuration = 1_000_000 * 8760.0
    public static let lowestAvailability = 1e-6

    /// A finite decimal number in plain or scientific notation, with its exact decimal text kept.
    public static func decimal(_ text: String) -> Double? {
        let trimmed = trimmingWhitespace(text)
        guard isDecimalSyntax(trimmed) else { return nil }
        if let exact = shortDecimal(trimmed) { return exact }
        guard let value = Double(trimmed), value.isFinite else { return nil }
        // Refuse underflow: a literal with a non-zero digit that became 0 (e.g. 1e-999).
        let mantissa = trimmed.prefix { $0 != "e" && $0 != "E" }
        if value == 0 && mantissa.contains(where: { ("1"..."9").contains($0) }) { return nil }
        return value
    }

    /// Text of `isDecimalSyntax` without an exponent and with at most 15 digits, read as D / 10^s:
    /// both are exact doubles, so the quotient is the correctly rounded value `Double(text)` gives
    /// (Clinger's fast path), without the general conversion on every figure of a large model.
    static func shortDecimal(_ text: String) -> Double? {
        var numerator: UInt64 = 0
        var digits = 0
        var places = 0
        var inFraction = false
        var negative = false
        for (position, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                numerator = numerator * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if inFraction { places += 1 }
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "-") where position == 0: negative = true
            case UInt8(ascii: "+") where position == 0: break
            default: return nil
            }
            if digits > 15 { return nil }
        }
        let value = Double(numerator) / powersOfTen[places]
        return negative ? -value : value
    }

    /// 10^0 … 10^15, each an exact double.
    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// Digits with an optional sign, one optional point and an optional exponent; no leading
    /// zero before another digit (so `017` is refused instead of guessing octal).
    static func isDecimalSyntax(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            func skipSign() { if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 } }
            func digits() -> Int {
                let start = index
                while index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { index += 1 }
                return index - start
            }
            skipSign()
            let wholeStart = index
            let whole = digits()
            if whole > 1 && bytes[wholeStart] == UInt8(ascii: "0") { return false }
            var fraction = 0
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                index += 1
                fraction = digits()
                if fraction == 0 { return false }
            }
            if whole == 0 && fraction == 0 { return false }
            if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
                index += 1
                skipSign()
                let exponent = digits()
                if exponent == 0 || exponent > 4 { return false }
            }
            return index == bytes.count
        }
    }

    /// `trimmingCharacters(in: .whitespaces)`, without its cost (Foundation, on every value of a
    /// large model) when neither end can be whitespace: an ASCII byte other than space and tab,
    /// the only ASCII characters in `.whitespaces`.
    static func trimmingWhitespace(_ text: String) -> String {
        let plain = { (byte: UInt8) in byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if let first = text.utf8.first, let last = text.utf8.last, plain(first), plain(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// An availability as a fraction in (0, 1] or a percentage in (0, 100]%, with the
    /// unavailability derived from the decimal text so that `99.9999999%` keeps every digit.
    public static func availability(_ text: String) -> Result<Probability, Failure> {
        let result = probability(text, allowZero: false, what: "a fraction in (0, 1] or a percentage in (0, 100]%")
        if case .success(let value) = result, value.up < lowestAvailability {
            return .failure(Failure("an availability of at least 0.000001 (0.0001%)"))
        }
        return result
    }

    /// A probability in [0, 1] (or 0–100%), e.g. a beta factor or a switchover success rate.
    public static func fraction(_ text: String) -> Result<Probability, Failure> {
        probability(text, allowZero: true, what: "a fraction in [0, 1] or a percentage in [0, 100]%")
    }

    static func probability(_ text: String, allowZero: Bool, what: String) -> Result<Probability, Failure> {
        var body = trimmingWhitespace(text)
        var places = 0
        // By bytes: a '%' that a character before it would absorb leaves text no decimal reads either.
        if body.utf8.last == UInt8(ascii: "%") {
            body = trimmingWhitespace(String(body.utf8.dropLast())!)
            places = 2
        }
        guard decimal(body) != nil else { return .failure(Failure(what)) }
        let probability: Probability
        if let short = ShortDecimal(body, places: places) {
            guard allowZero || !short.isZero else { return .failure(Failure(what)) }
            probability = Probability(up: short.double, down: short.complement)
        } else {
            guard let up = DecimalText(body)?.shifted(by: places), up.isAtMostOne, allowZero || !up.isZero else {
                return .failure(Failure(what))
            }
            probability = Probability(up: up.double, down: up.complement().double)
        }
        guard allowZero || probability.up > 0 else { return .failure(Failure(what)) }
        return .success(probability)
    }

    /// A duration with a unit (`30s`, `20m`, `2000h`, `1.5d`, `2w`, `1y`), in hours; must be ≥ 0
    /// (or > 0 when `positive`).
    public static func duration(_ text: String, positive: Bool) -> Result<Double, Failure> {
        let expected = { "\(positive ? "a positive" : "a non-negative") duration with a unit (\(unitNames)), e.g. '30m'" }
        let trimmed = trimmingWhitespace(text)
        // Units compared by bytes: where a character would absorb a unit's first letter, the number
        // before it is not a decimal, as when the unit is not matched at all.
        for (suffix, hours) in hoursPerUnit where trimmed.utf8.reversed().starts(with: suffix.utf8.reversed()) {
            let number = trimmingWhitespace(String(trimmed.utf8.dropLast(suffix.utf8.count))!)
            guard let value = decimal(number) else { continue }
            let result = value * hours
            guard result.isFinite, value >= 0, !(positive && value == 0), !(value > 0 && result == 0) else {
                return .failure(Failure(expected()))
            }
            if result > longestDuration { return .failure(Failure("a duration of at most 1000000y")) }
            if positive && result < shortestDuration { return .failure(Failure("a duration of at least 1ms")) }
            return .success(result)
        }
        return .failure(Failure(expected()))
    }

    /// A rate such as `2/y`, `0.001/h` or `3 per month`, in events per hour; must be > 0.
    public static func rate(_ text: String) -> Result<Double, Failure> {
        let expected = "a positive rate such as '2/y' or '0.001/h'"
        let trimmed = trimmingWhitespace(text)
        let parts: [String]
        if trimmed.contains("/") {
            parts = trimmed.split(separator: "/", maxSplits: 1).map { trimmingWhitespace(String($0)) }
        } else if let range = trimmed.range(of: " per ") {
            parts = [String(trimmed[..<range.lowerBound]), String(trimmed[range.upperBound...])].map(trimmingWhitespace)
        } else {
            return .failure(Failure(expected))
        }
        guard parts.count == 2, let count = decimal(parts[0]), count > 0 else { return .failure(Failure(expected)) }
        let unitHours: Double?
        switch parts[1] {
        case "ms": unitHours = 1.0 / 3_600_000
        case "s", "second": unitHours = 1.0 / 3600
        case "m", "min", "minute": unitHours = 1.0 / 60
        case "h", "hour": unitHours = 1
        case "d", "day": unitHours = 24
        case "w", "week": unitHours = 168
        case "month": unitHours = 720
        case "y", "year": unitHours = 8760
        default:
            if case .success(let hours) = duration(parts[1], positive: true) { unitHours = hours } else { unitHours = nil }
        }
        guard let unitHours else { return .failure(Failure(expected)) }
        let rate = count / unitHours
        guard rate.isFinite, rate > 0 else { return .failure(Failure(expected)) }
        if rate < 1 / longestDuration { return .failure(Failure("a rate of at least 1 per 1000000y")) }
        if rate > 1 / shortestDuration { return .failure(Failure("a rate of at most 1 per ms")) }
        return .success(rate)
    }

    /// A whole number in decimal digits.
    public static func integer(_ text: String) -> Int? {
        // By bytes: any text other than ASCII sign and digits is refused, so characters are bytes.
        let trimmed = trimmingWhitespace(text)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 9 else { return nil }
        var digits = Substring(trimmed).utf8
        if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard !digits.isEmpty, digits.allSatisfy(isDigit), !(digits.count > 1 && digits.first == UInt8(ascii: "0")) else { return nil }
        return Int(trimmed)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
