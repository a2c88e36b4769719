/// How long the accounting periods are. Figures per period depend on it, so reports print it.
public struct CalendarConvention: Hashable, Sendable, Codable {
    /// Length of a year in days: 365 (default) or 365.25.
    public var yearDays: Double
    /// Month length rule: a fixed 30 days (default) or a twelfth of the year.
    public var month: MonthRule

    public enum MonthRule: String, Hashable, Sendable, Codable {
        case thirtyDays = "30d"
        case twelfthOfYear = "year/12"
    }

    public init(yearDays: Double = 365, month: MonthRule = .thirtyDays) {
        self.yearDays = yearDays
        self.month = month
    }

    public static let standard = CalendarConvention()

    /// Hours in a year.
    public var yearHours: Double { yearDays * 24 }
    /// Hours in a month under the month rule.
    public var monthHours: Double { month == .thirtyDays ? 30 * 24 : yearHours / 12 }

    /// Hours in a named period.
    public func hours(in period: Period) -> Double {
        switch period {
        case .day: return 24
        case .week: return 7 * 24
        case .month: return monthHours
        case .quarter: return 3 * monthHours
        case .year: return yearHours
        case .days(let days): return days * 24
        }
    }

    /// One line for reports, e.g. "365-day year, 30-day month".
    public var summary: String {
        let year = yearDays == yearDays.rounded() ? String(Int(yearDays)) : String(yearDays)
        let month = month == .thirtyDays ? "30-day month" : "month = year/12"
        return "\(year)-day year, \(month)"
    }
}

/// An accounting period for SLA figures.
public enum Period: Hashable, Sendable {
    case day, week, month, quarter, year
    /// A rolling window of a number of days (e.g. 28 or 30).
    case days(Double)

    public static let standardPeriods: [Period] = [.year, .quarter, .month, .week, .day]

    public var name: String {
        switch self {
        case .day: return "day"
        case .week: return "week"
        case .month: return "month"
        case .quarter: return "quarter"
        case .year: return "year"
        case .days(let days):
            return days == days.rounded() ? "\(Int(days))d" : "\(days)d"
        }
    }
}
