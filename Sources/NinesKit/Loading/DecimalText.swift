/// A non-negative decimal number held exactly as its digits, for the one subtraction that must
/// not round: the unavailability 1 − A of a stated availability A.
///
/// `Foundation.Decimal` keeps only 38 digits and exponents down to −128, so `1e-200` or an
/// availability written with 42 nines would come out wrong; digit arithmetic has no such limits.
struct DecimalText: Equatable {
    /// Significant digits without leading or trailing zeros (empty for zero).
    let digits: [UInt8]
    /// The value is `digits` (as an integer) × 10^exponent.
    let exponent: Int

    /// Reads text already accepted by `QuantityParser.isDecimalSyntax`; nil for a negative value.
    init?(_ text: some StringProtocol) {
        var digits: [UInt8] = []
        var fractionDigits = 0
        var inFraction = false
        var power = 0
        let bytes = Array(text.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        var index = bytes.first == UInt8(ascii: "+") || negative ? 1 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let exponent = Int(String(decoding: bytes[(index + 1)...], as: UTF8.self)) else { return nil }
                power = exponent
                break
            }
            if byte == UInt8(ascii: ".") && !inFraction {
                inFraction = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
            } else {
                return nil
            }
            index += 1
        }
        self.init(normalizing: digits, exponent: power - fractionDigits)
        if negative && !isZero { return nil }
    }

    /// Drops leading and trailing zeros (moving the trailing ones into the exponent).
    init(normalizing digits: [UInt8], exponent: Int) {
        var all = digits[...]
        var exponent = exponent
        while all.last == 0 { all.removeLast(); exponent += 1 }
        while all.first == 0 { all.removeFirst() }
        self.digits = Array(all)
        self.exponent = all.isEmpty ? 0 : exponent
    }

    var isZero: Bool { digits.isEmpty }

    /// This value divided by 10^places (e.g. 2 for a percentage).
    func shifted(by places: Int) -> DecimalText {
        DecimalText(normalizing: digits, exponent: exponent - places)
    }

    /// Is the value at most 1?
    var isAtMostOne: Bool {
        if isZero { return true }
        let integerDigits = digits.count + exponent   // digits before the decimal point
        if integerDigits != 1 { return integerDigits < 1 }
        return digits == [1]
    }

    /// 1 − self, for 0 ≤ self ≤ 1: with self = D · 10^−s, the result is (10^s − D) · 10^−s.
    func complement() -> DecimalText {
        if isZero { return DecimalText(normalizing: [1], exponent: 0) }
        if exponent >= 0 { return DecimalText(normalizing: [], exponent: 0) }   // self is exactly 1
        let scale = -exponent
        var padded = [UInt8](repeating: 0, count: max(0, scale - digits.count)) + digits
        // 10^s − D = (99…9 − D) + 1: the nines' complement plus one, carried from the right.
        for i in padded.indices { padded[i] = 9 - padded[i] }
        var index = padded.count - 1
        while index >= 0 {
            if padded[index] == 9 { padded[index] = 0; index -= 1 } else { padded[index] += 1; break }
        }
        return DecimalText(normalizing: padded, exponent: exponent)
    }

    /// The nearest double (`Double(String)` rounds correctly); 0 when the value underflows.
    var double: Double {
        if isZero { return 0 }
        return Double(String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self) + "e\(exponent)") ?? 0
    }
}
