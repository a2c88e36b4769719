import Foundation

/// One row per objective, for spreadsheets. Hours and fractions, full precision, RFC 4180 quoting.
public enum SimulationCSVRenderer {
    public static let header = [
        "objective", "measure", "period", "periods", "target", "availability", "availability_low", "availability_high",
        "exact_availability", "mean_downtime_h", "p50_downtime_h", "p90_downtime_h", "p99_downtime_h", "max_downtime_h",
        "p_meet", "p_meet_low", "p_meet_high", "p_meet_every_period_of_year", "outages_per_period", "mean_outage_h",
        "longest_outage_h", "time_to_first_breach_h",
        // The SLA view (excluded components never failing); equal to the above when `excluded` is empty.
        "excluded", "sla_availability", "sla_availability_low", "sla_availability_high", "sla_exact_availability",
        "sla_mean_downtime_h", "sla_p99_downtime_h", "sla_p_meet", "sla_p_meet_low", "sla_p_meet_high",
        "sla_outages_per_period", "sla_mean_outage_h",
    ]

    public static func render(_ report: SimulationReport) -> String {
        var lines = [header.joined(separator: ",")]
        for (o, sla) in zip(report.objectives, report.sla) {
            let fields: [String] = [
                quote(o.name), o.measure, quote(o.period), String(o.periods), number(o.target), number(o.availability),
                number(o.availabilityLow), number(o.availabilityHigh), number(o.exactAvailability), number(o.meanDowntimeHours),
                number(o.downtimeP50Hours), number(o.downtimeP90Hours), number(o.downtimeP99Hours), number(o.downtimeMaxHours),
                number(o.meetProbability), number(o.meetLow), number(o.meetHigh), number(o.meetEveryPeriodOfYear),
                number(o.outagesPerPeriod), number(o.meanOutageHours), number(o.longestOutageHours), number(o.timeToFirstBreachHours),
                quote(o.excluded.joined(separator: " ")), number(sla.availability), number(sla.availabilityLow),
                number(sla.availabilityHigh), number(sla.exactAvailability), number(sla.meanDowntimeHours),
                number(sla.downtimeP99Hours), number(sla.meetProbability), number(sla.meetLow), number(sla.meetHigh),
                number(sla.outagesPerPeriod), number(sla.meanOutageHours),
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
