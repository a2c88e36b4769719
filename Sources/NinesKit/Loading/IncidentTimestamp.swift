import Foundation

/// ISO 8601 timestamps as incident logs write them, with their zone: `2026-03-01T14:05:00Z`,
/// `2026-03-01T14:05+01:00`, `2026-03-01 14:05:30.250-05:00`. A time without a zone, a 12-hour
/// clock and day/month orders are refused with a message saying which, since reading them would
/// mean guessing (a log written in local time shifts every incident by the zone's offset).
enum IncidentTimestamp {
    /// Seconds since 1970-01-01T00:00:00Z, or why the text is not such a timestamp.
    static func parse(_ text: String) -> Result<Double, Problem> {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        let upper = text.uppercased()
        if upper.hasSuffix("AM") || upper.hasSuffix("PM") || upper.contains(" AM") || upper.contains(" PM") {
            return .failure(.twelveHourClock)
        }
        if text.contains("/") || (s.count >= 3 && isDigits(s, 0, 2) && (s[2] == UInt8(ascii: ".") || s[2] == UInt8(ascii: "-"))) {
            return .failure(.dayMonthOrder)
        }
        guard s.count >= 16, isDigits(s, 0, 4), s[4] == UInt8(ascii: "-"), isDigits(s, 5, 2), s[7] == UInt8(ascii: "-"),
              isDigits(s, 8, 2), s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " ") || s[10] == UInt8(ascii: "t"),
              isDigits(s, 11, 2), s[13] == UInt8(ascii: ":"), isDigits(s, 14, 2) else {
            return .failure(.notISO8601)
        }
        let year = number(s, 0, 4), month = number(s, 5, 2), day = number(s, 8, 2)
        let hour = number(s, 11, 2), minute = number(s, 14, 2)
        var index = 16
        var second = 0.0
        if index < s.count, s[index] == UInt8(ascii: ":") {
            guard isDigits(s, index + 1, 2) else { return .failure(.notISO8601) }
            second = Double(number(s, index + 1, 2))
            index += 3
            if index < s.count, s[index] == UInt8(ascii: ".") || s[index] == UInt8(ascii: ",") {
                var scale = 0.1
                index += 1
                let fractionStart = index
                while index < s.count, isDigits(s, index, 1) {
                    second += Double(s[index] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    index += 1
                }
                guard index > fractionStart else { return .failure(.notISO8601) }
            }
        }
        guard index < s.count else { return .failure(.missingZone) }
        var offsetMinutes = 0
        switch s[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = s[index] == UInt8(ascii: "-") ? -1 : 1
            guard isDigits(s, index + 1, 2) else { return .failure(.notISO8601) }
            let hours = number(s, index + 1, 2)
            index += 3
            var minutes = 0
            if index < s.count, s[index] == UInt8(ascii: ":") { index += 1 }
            if index < s.count {
                guard isDigits(s, index, 2) else { return .failure(.notISO8601) }
                minutes = number(s, index, 2)
                index += 2
            }
            guard hours <= 18, minutes < 60 else { return .failure(.outOfRange) }
            offsetMinutes = sign * (hours * 60 + minutes)
        default:
            return .failure(.notISO8601)
        }
        guard index == s.count else { return .failure(.notISO8601) }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
              second < 61 else { return .failure(.outOfRange) }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return .success(Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second - Double(offsetMinutes * 60))
    }

    enum Problem: Error, Equatable {
        case missingZone, twelveHourClock, dayMonthOrder, notISO8601, outOfRange

        var explanation: String {
            switch self {
            case .missingZone: "has no zone; write 'Z' for UTC or an offset such as '+01:00' (a local time would shift the incident by the zone's offset)"
            case .twelveHourClock: "uses a 12-hour clock (AM/PM); write ISO 8601 with a 24-hour clock, e.g. '2026-03-01T14:05:00Z'"
            case .dayMonthOrder: "is not in ISO 8601 year-month-day order (day/month or month/day dates are ambiguous); write e.g. '2026-03-01T14:05:00Z'"
            case .notISO8601: "is not an ISO 8601 timestamp; write e.g. '2026-03-01T14:05:00Z' or '2026-03-01T14:05:00+01:00'"
            case .outOfRange: "is not a valid date and time (a month, day, hour, minute or offset out of range)"
            }
        }
    }

    private static func isDigits(_ s: [UInt8], _ start: Int, _ count: Int) -> Bool {
        guard start >= 0, start + count <= s.count else { return false }
        return s[start..<(start + count)].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func number(_ s: [UInt8], _ start: Int, _ count: Int) -> Int {
        s[start..<(start + count)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse: eras of
    /// 400 years, each 146,097 days).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension IncidentTimestamp {
    /// `seconds` since the epoch as `2026-03-01T14:05:00Z` (whole seconds, UTC).
    static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let second = whole - days * 86_400
        // Civil date from days since 1970-01-01 (the inverse of `daysSinceEpoch`).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, second / 3600, second % 3600 / 60, second % 60)
    }
}
