/// 1 − p written exactly in decimal from p's decimal text: the availability a basic event's
/// probability of failure stands for, with every digit the file gave (a probability of 1.2e-17
/// becomes 0.999999999999999988, which a binary double could not hold).
enum DecimalComplement {
    /// Most decimal places written; past them (a probability below about 1e-300) the value is 1.
    static let maximumPlaces = 400

    /// `1 - p` for p in (0, 1) written as a plain decimal (`1.5e-3`, `0.25`), or nil when the text is
    /// not such a number.
    static func complement(of text: String) -> String? {
        var digits: [UInt8] = []
        var fractionDigits = 0, seenPoint = false, exponent = 0
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte - UInt8(ascii: "0"))
                if seenPoint { fractionDigits += 1 }
            case UInt8(ascii: ".") where !seenPoint: seenPoint = true
            default: return nil
            }
        }
        if !bytes.isEmpty {
            guard let value = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)), abs(value) < 100_000 else { return nil }
            exponent = value
        }
        while digits.first == 0 { digits.removeFirst() }
        guard !digits.isEmpty else { return nil }
        // p = digits × 10^-places
        let places = fractionDigits - exponent
        guard places >= digits.count, places <= maximumPlaces else {
            return places > maximumPlaces ? "1" : nil   // p ≥ 1, or too small to change 1
        }
        // 10^places − digits = (99…9 − digits) + 1, right-aligned in `places` digits; digits ≥ 1, so no carry out.
        var result = ([UInt8](repeating: 0, count: places - digits.count) + digits).map { 9 - $0 }
        var index = result.count - 1
        while result[index] == 9 {
            result[index] = 0
            index -= 1
        }
        result[index] += 1
        while result.last == 0 { result.removeLast() }
        return "0." + String(decoding: result.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
