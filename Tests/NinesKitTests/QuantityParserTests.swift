import Testing
@testable import NinesKit

/// The strict value syntax of model files: durations, rates, availabilities and plain numbers.
struct QuantityParserTests {
    static let durationCases: [(String, Double)] = [
        ("30s", 30.0 / 3600), ("20m", 1.0 / 3), ("5min", 5.0 / 60), ("2000h", 2000), ("1d", 24), ("1.5d", 36), ("2w", 336),
        ("1y", 8760), ("0.5y", 4380), ("500ms", 0.5 / 3600), ("1e3h", 1000), (" 30 m ", 0.5), ("1ms", 1.0 / 3_600_000),
        ("1000000y", 8.76e9),
    ]
    static let rateCases: [(String, Double)] = [
        ("2/y", 2.0 / 8760), ("0.001/h", 0.001), ("3 per month", 3.0 / 720), ("1 / d", 1.0 / 24), ("1/5m", 12),
        ("4/2w", 4.0 / 336), ("6/min", 360), ("1 per year", 1.0 / 8760), ("1/ms", 3.6e6), ("1/1000000y", 1 / 8.76e9),
    ]
    /// (text, up, down): both halves exactly the doubles nearest the decimal values.
    static let availabilityCases: [(String, Double, Double)] = [
        ("99.95%", 0.9995, 5e-4), ("0.9995", 0.9995, 5e-4), ("99.95 %", 0.9995, 5e-4), ("100%", 1, 0), ("1", 1, 0),
        ("1.0", 1, 0), ("0.1e1", 1, 0), ("1e-4%", 1e-6, 0.999999), ("+0.5", 0.5, 0.5), ("99.9999999%", 0.999999999, 1e-9),
        ("99.9999999999999999999%", 1, 1e-21), ("1e-6", 1e-6, 0.999999), ("0.9999999999999999999999999999999999999999", 1, 1e-40),
    ]
    static let decimalCases: [(String, Double?)] = [
        ("0", 0.0), ("017", nil), ("0x10", nil), ("0o17", nil), ("1:30", nil), ("1:30:00", nil), (".nan", nil), (".NaN", nil),
        (".inf", nil), ("-.inf", nil), ("1e999", nil), ("-1e999", nil), ("1e-999", nil), ("0e-999", 0), ("1.5e-3", 0.0015),
        (".5", 0.5), ("-2", -2), ("1.", nil), (".", nil), ("1e", nil), ("e5", nil), ("1e5e3", nil), ("1E5e3", nil),
        ("1_000", nil), ("Infinity", nil), ("nan", nil), ("0.0", 0),
    ]
    static let integerCases: [(String, Int?)] = [
        ("3", 3), ("+3", 3), ("0", 0), ("017", nil), ("0x10", nil), ("1e3", nil), ("3.0", nil), ("1_000", nil), ("1:30", nil),
        ("", nil), ("9999999999", nil), ("three", nil),
    ]

    // MARK: durations (hours)

    @Test(arguments: durationCases)
    func durations(text: String, hours: Double) throws {
        let value = try QuantityParser.duration(text, positive: true).get()
        #expect(Closeness.relative(value, hours, within: 1e-15), "\(text) → \(value)")
    }

    @Test func zeroDurationOnlyWhereAllowed() throws {
        #expect(try QuantityParser.duration("0m", positive: false).get() == 0)
        #expect(throws: QuantityParser.Failure.self) { try QuantityParser.duration("0m", positive: true).get() }
    }

    @Test(arguments: ["30", "m", "-5m", "30x", "30M", "30 minutes", "1:30", "1:30h", "017m", "0x10h", ".nanh", ".infh",
                      "-.infh", "1e999h", "1e-999s", "1_000h", "1.h", "", "h30", "30sec", "0.5ms", "1000001y", "1e300y"])
    func refusedDurations(text: String) {
        #expect(throws: QuantityParser.Failure.self, "\(text)") { try QuantityParser.duration(text, positive: true).get() }
    }

    @Test func durationFailureSaysWhatIsExpected() {
        let failure = QuantityParser.duration("soon", positive: true)
        #expect(failure == .failure(.init("a positive duration with a unit (s, m, h, d, w, y), e.g. '30m'")))
    }

    // MARK: rates (per hour)

    @Test(arguments: rateCases)
    func rates(text: String, perHour: Double) throws {
        let value = try QuantityParser.rate(text).get()
        #expect(Closeness.relative(value, perHour, within: 1e-15), "\(text) → \(value)")
    }

    @Test(arguments: ["2", "0/y", "-1/y", "2/x", "2/", "/y", "1e999/y", "2/0m", "017/y", "0x10/y", ".nan/y", ".inf/h", "1:30/h",
                      "2 per", "2/y/y", "2/ms", "1/2000000y"])
    func refusedRates(text: String) {
        #expect(throws: QuantityParser.Failure.self, "\(text)") { try QuantityParser.rate(text).get() }
    }

    // MARK: availabilities

    @Test(arguments: availabilityCases)
    func availabilities(text: String, up: Double, down: Double) throws {
        let value = try QuantityParser.availability(text).get()
        #expect(value.up == up && value.down == down, "\(text) → \(value)")
    }

    @Test(arguments: ["0", "0%", "0.0", "-0", "120%", "100.0001%", "1.5", "1.0000000000000000000001", "-1%", "-0.5", "017",
                      "0x10", "1:30", ".nan", ".inf", "-.inf", "1e999", "1e-999", "5e-325", "%", "50%%", "ninety", "1_000",
                      "99,95%", "0.99 9", "0.00000099", "1e-200"])
    func refusedAvailabilities(text: String) {
        #expect(throws: QuantityParser.Failure.self, "\(text)") { try QuantityParser.availability(text).get() }
    }

    /// Fractions (beta factors, switchover success) may be 0.
    @Test func fractionsAllowZero() throws {
        #expect(try QuantityParser.fraction("0").get() == Probability(up: 0, down: 1))
        #expect(try QuantityParser.fraction("2%").get() == Probability(up: 0.02, down: 0.98))
        #expect(try QuantityParser.fraction("1e-200").get() == Probability(up: 1e-200, down: 1))   // past Decimal's exponent range
        #expect(throws: QuantityParser.Failure.self) { try QuantityParser.fraction("101%").get() }
    }

    // MARK: plain numbers

    @Test(arguments: decimalCases)
    func decimals(text: String, value: Double?) {
        #expect(QuantityParser.decimal(text) == value, "\(text)")
    }

    /// Decimals of up to 15 digits are read as D / 10^s (`QuantityParser.shortDecimal`); the
    /// reference is the standard library's correctly rounded `Double(String)`, bit for bit, on random
    /// texts of every length and point position (and one digit past the fast path's limit).
    @Test func shortDecimalsAreTheCorrectlyRoundedDoubles() {
        var generator = SplitMix64(seed: 20)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 16) + 1
            var digits = (0..<count).map { _ in Character(String(generator.next() % 10)) }
            if count > 1 && digits[0] == "0" { digits[0] = "7" }   // no leading zero (refused as octal-like)
            let point = Int(generator.next() % UInt64(count + 1))
            var text = String(digits[..<point]) + (point < count ? "." + String(digits[point...]) : "")
            if point == 0 { text = "0" + text }
            if generator.next() % 4 == 0 { text = "-" + text }
            #expect(QuantityParser.decimal(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test(arguments: integerCases)
    func integers(text: String, value: Int?) {
        #expect(QuantityParser.integer(text) == value, "\(text)")
    }
}
