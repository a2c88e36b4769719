import Foundation

/// One row per objective, for spreadsheets. Hours and fractions, full precision, RFC 4180 quoting.
struct SimulationCSVRenderer: ReportRenderer {
    public init() {}

    public static let header = [
        "objective", "measure", "period", "periods", "target", "availability", "availability_low", "availability_high",
        "exact_availability", "mean_downtime_h", "p50_downtime_h", "p90_downtime_h", "p99_downtime_h", "max_downtime_h",
        "p_meet", "p_meet_low", "p_meet_high", "p_meet_every_period_of_year", "outages_per_period", "mean_outage_h",
        "longest_outage_h", "time_to_first_breach_h",
        // The SLA view (excluded components never failing); equal to the above when `excluded` is empty.
        "excluded", "sla_availability", "sla_availability_low", "sla_availability_high", "sla_exact_availability",
        "sla_mean_downtime_h", "sla_p99_downtime_h", "sla_p_meet", "sla_p_meet_low", "sla_p_meet_high",
        "sla_outages_per_period", "sla_mean_outage_h",
        // Outages per year with their 95% interval and the exact frequency, each view (appended, so
        // earlier columns keep their places).
        "outages_per_year", "outages_per_year_low", "outages_per_year_high", "exact_outages_per_year",
        "sla_outages_per_year", "sla_outages_per_year_low", "sla_outages_per_year_high", "sla_exact_outages_per_year",
    ]

    public func render(_ report: SimulationReport) -> String {
        var lines = [Self.header.joined(separator: ",")]
        for (o, sla) in zip(report.allComponents, report.sla) {
            let fields: [String] = [
                Self.quote(o.name), o.measure, Self.quote(o.period), String(o.periods), Self.number(o.target), Self.number(o.availability),
                Self.number(o.availabilityLow), Self.number(o.availabilityHigh), Self.number(o.exactAvailability), Self.number(o.meanDowntimeHours),
                Self.number(o.downtimeP50Hours), Self.number(o.downtimeP90Hours), Self.number(o.downtimeP99Hours), Self.number(o.downtimeMaxHours),
                Self.number(o.meetProbability), Self.number(o.meetLow), Self.number(o.meetHigh), Self.number(o.meetEveryPeriodOfYear),
                Self.number(o.outagesPerPeriod), Self.number(o.meanOutageHours), Self.number(o.longestOutageHours), Self.number(o.timeToFirstBreachHours),
                Self.quote(o.excluded.joined(separator: " ")), Self.number(sla.availability), Self.number(sla.availabilityLow),
                Self.number(sla.availabilityHigh), Self.number(sla.exactAvailability), Self.number(sla.meanDowntimeHours),
                Self.number(sla.downtimeP99Hours), Self.number(sla.meetProbability), Self.number(sla.meetLow), Self.number(sla.meetHigh),
                Self.number(sla.outagesPerPeriod), Self.number(sla.meanOutageHours),
                Self.number(o.outagesPerYear), Self.number(o.outagesPerYearLow), Self.number(o.outagesPerYearHigh),
                Self.number(o.exactOutagesPerYear), Self.number(sla.outagesPerYear), Self.number(sla.outagesPerYearLow),
                Self.number(sla.outagesPerYearHigh), Self.number(sla.exactOutagesPerYear),
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return "\(value)"
    }

    static func quote(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
