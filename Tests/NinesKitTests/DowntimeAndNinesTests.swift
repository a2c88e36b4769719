import Testing
@testable import NinesKit

/// Downtime per period under both calendar conventions, and nines.
///
/// For Q = 0.001 (99.9%), downtime = Q × period hours:
///   year  365 d = 8760 h → 8.76 h;         365.25 d = 8766 h → 8.766 h
///   month 30 d = 720 h → 0.72 h;           year/12 = 730 h (365) → 0.73 h, 730.5 h (365.25) → 0.7305 h
///   quarter = 3 months: 2160 h → 2.16 h;   2190 h → 2.19 h;   2191.5 h → 2.1915 h
///   week 168 h → 0.168 h;                  day 24 h → 0.024 h
struct DowntimeAndNinesTests {
    @Test(arguments: [
        (365.0, CalendarConvention.MonthRule.thirtyDays, [8.76, 2.16, 0.72, 0.168, 0.024]),
        (365.25, .thirtyDays, [8.766, 2.16, 0.72, 0.168, 0.024]),
        (365.0, .twelfthOfYear, [8.76, 2.19, 0.73, 0.168, 0.024]),
        (365.25, .twelfthOfYear, [8.766, 2.1915, 0.7305, 0.168, 0.024]),
    ])
    func downtimePerPeriod(yearDays: Double, month: CalendarConvention.MonthRule, expected: [Double]) {
        let table = DowntimeTable(unavailability: 0.001, calendar: CalendarConvention(yearDays: yearDays, month: month))
        #expect(table.entries.map(\.period) == ["year", "quarter", "month", "week", "day"])
        for (entry, hours) in zip(table.entries, expected) {
            #expect(Closeness.relative(entry.downtimeHours, hours, within: 1e-14), "\(entry.period): \(entry.downtimeHours) h")
        }
    }

    /// The calendar is read from the file and printed with the figures.
    @Test func calendarFromTheFileIsPrinted() throws {
        let model = try TestModels.load("""
            version: 1
            system: calendar
            period: quarter
            calendar: { year: 365.25d, month: year/12 }
            components:
              app: { availability: 99.9% }
            """)
        #expect(model.calendar == CalendarConvention(yearDays: 365.25, month: .twelfthOfYear))
        #expect(model.calendar.summary == "365.25-day year, month = year/12")
        #expect(CalendarConvention.standard.summary == "365-day year, 30-day month")
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        #expect(report.calendar == "365.25-day year, month = year/12")
        #expect(report.periodHours == 2191.5)
        let system = try #require(report.figures.last)
        #expect(Closeness.relative(system.downtimeHours, 2.1915, within: 1e-14))
    }

    /// Nines = −log10(Q): 99.9% → 3, 99.95% → 3.30103 (log10 2000), 99.999% → 5; perfect → ∞.
    @Test(arguments: [("99.9%", 3.0), ("99.95%", 3.3010299956639813), ("99.999%", 5.0), ("90%", 1.0)])
    func nines(text: String, expected: Double) throws {
        let probability = try QuantityParser.availability(text).get()
        #expect(Closeness.absolute(Nines.count(unavailability: probability.down), expected, within: 1e-13))
    }

    @Test func perfectHasInfiniteNines() {
        #expect(Nines.count(unavailability: 0) == .infinity)
    }
}
