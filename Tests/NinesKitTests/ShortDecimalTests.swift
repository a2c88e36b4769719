import Testing
@testable import NinesKit

/// The short-decimal reading of availabilities (ShortDecimal) gives the same doubles as the exact
/// digit arithmetic (DecimalText) it stands in for, and leaves to it what it cannot hold.
@Suite struct ShortDecimalTests {
    /// Both readings of `text` divided by 10^places: (up, down), or nil when refused.
    static func readings(_ text: String, places: Int) -> (short: (Double, Double)?, exact: (Double, Double)?) {
        let short = ShortDecimal(text, places: places).map { ($0.double, $0.complement) }
        let exact = DecimalText(text).map { $0.shifted(by: places) }.flatMap { value in
            value.isAtMostOne ? (value.double, value.complement().double) : nil
        }
        return (short, exact)
    }

    @Test func agreesWithTheDigitArithmeticOnEveryFigureOfUpToFourNinesAndMore() {
        var texts: [String] = ["0", "1", "0.5", "1.0", "100", "99.999999999999", "0.999999999999999", "0.000000000000001"]
        for whole in 0...100 {
            texts.append("\(whole)")
            for fraction in 0..<1000 { texts.append("\(whole).\(String(fraction).leftPadded(to: 3))") }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let places = Int.random(in: 1...14, using: &generator)
            let digits = (0..<places).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            texts.append("0." + digits)
        }
        var compared = 0
        for text in texts {
            for places in [0, 2] {
                let (short, exact) = Self.readings(text, places: places)
                guard let short else { continue }   // left to DecimalText
                compared += 1
                #expect(exact != nil, "\(text) / 10^\(places)")
                #expect(short.0 == exact?.0 && short.1 == exact?.1, "\(text) / 10^\(places)")
            }
        }
        #expect(compared > 100_000)
    }

    @Test func handValues() {
        // 99.95% = 9995 / 10^4: up 0.9995, down 0.0005 (the nearest doubles to those decimals).
        let figure = ShortDecimal("99.95", places: 2)
        #expect(figure?.double == 0.9995)
        #expect(figure?.complement == 0.0005)
        #expect(ShortDecimal("100", places: 2)?.complement == 0)
        #expect(ShortDecimal("0", places: 0)?.double == 0)
    }

    @Test(arguments: ["1.5", "101", "1e-3", "-0.5", "+0.5", "0.1234567890123456", "99.9999999999999999"])
    func leavesToTheDigitArithmetic(text: String) {
        #expect(ShortDecimal(text, places: 2) == nil || ShortDecimal(text, places: 0) == nil)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
