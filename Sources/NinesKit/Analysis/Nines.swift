import Foundation

/// Nines and downtime: the vocabulary of availability figures.
package enum Nines {
    /// −log10(unavailability): 99.95% is 3.30 nines. Infinite for a perfect system.
    public static func count(unavailability q: Double) -> Double {
        q <= 0 ? .infinity : -log10(q)
    }

    /// Expected downtime in hours over `hours` of calendar time.
    public static func downtime(unavailability q: Double, over hours: Double) -> Double { q * hours }

    /// The longest mean recovery per incident (hours) that still meets `target`, given
    /// `frequency` incidents per hour: Q = w · MDT ≤ 1 − target.
    public static func allowedRecovery(target: Probability, frequency: Double) -> Double? {
        frequency > 0 ? target.down / frequency : nil
    }
}

/// Expected downtime of one figure over each standard period, in hours.
public struct DowntimeTable: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public let period: String
        public let periodHours: Double
        public let downtimeHours: Double
    }
    public let entries: [Entry]

    public init(unavailability q: Double, calendar: CalendarConvention, periods: [Period] = Period.standardPeriods) {
        entries = periods.map { period in
            let hours = calendar.hours(in: period)
            return Entry(period: period.name, periodHours: hours, downtimeHours: Nines.downtime(unavailability: q, over: hours))
        }
    }
}
