/// A decimal in [0, 1] of at most 15 places (`99.95%`, `0.9999`), read without building
/// digit arrays: every availability of every component is one, and `DecimalText` showed in the
/// profile of loading 100,000 components. Holds the value as D / 10^s with D ≤ 10^15, so both D and
/// 10^s − D are exact doubles and each quotient is the correctly rounded one, the double
/// `DecimalText` gives for the same exact value.
struct ShortDecimal: Equatable {
    /// The digits as one integer.
    let numerator: UInt64
    /// s, the number of decimal places (after shifting by `places`).
    let scale: Int

    private static let powers: [UInt64] = (0...15).map { (0..<$0).reduce(1) { value, _ in value * 10 } }

    /// Reads text already accepted by `QuantityParser.isDecimalSyntax` and divides it by
    /// 10^places; nil for anything else (a sign, an exponent, more digits or places, a value
    /// above 1) to leave to `DecimalText`.
    init?(_ text: String, places: Int) {
        var numerator: UInt64 = 0
        var fractionDigits = 0
        var inFraction = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                numerator = numerator * 10 + UInt64(byte - UInt8(ascii: "0"))
                guard numerator <= Self.powers[15] else { return nil }
                if inFraction { fractionDigits += 1 }
            case UInt8(ascii: ".") where !inFraction:
                inFraction = true
            default:
                return nil
            }
        }
        let scale = fractionDigits + places
        guard scale < Self.powers.count, numerator <= Self.powers[scale] else { return nil }
        self.numerator = numerator
        self.scale = scale
    }

    var isZero: Bool { numerator == 0 }

    /// D / 10^s.
    var double: Double { Double(numerator) / Double(Self.powers[scale]) }

    /// 1 − D / 10^s.
    var complement: Double { Double(Self.powers[scale] - numerator) / Double(Self.powers[scale]) }
}
