import Foundation

/// The terminal view of a simulation: per objective the mean with its interval, the spread of
/// downtime per period, the chance of meeting the target, outages and a histogram.
struct SimulationTextRenderer {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ report: SimulationReport) -> String {
        var out: [String] = []
        out.append(bold(report.system) + " — Monte Carlo simulation")
        out.append("\(report.periodsSimulated) \(report.period)s simulated (seed \(report.seed), \(report.events) events"
                   + (report.stoppedEarly ? ", stopped early at ±\(percent(report.precision ?? 0)) precision" : "") + ")")
        out.append("calendar: \(report.calendar)")
        if let overrides = Format.overrides(report.overrides) { out.append(overrides) }
        if !report.componentsWithAssumedRepair.isEmpty {
            out.append("repair time assumed \(Format.duration(hours: report.assumedRepairHours)) (no mttr given): "
                       + Format.names(report.componentsWithAssumedRepair))
        }
        if !report.failoverNotModelled.isEmpty {
            out.append("failover not modelled (no failure rate: give 'mttr' with the availability): "
                       + Format.names(report.failoverNotModelled))
        }
        for (objective, sla) in zip(report.allComponents, report.sla) {
            out.append("")
            out.append(contentsOf: render(objective, sla: sla))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One objective: every component counted, and beside it the SLA view when something in its
    /// closure is excluded from the SLA.
    public func render(_ objective: SimulatedObjective, sla: SimulatedObjective? = nil) -> [String] {
        var lines: [String] = []
        lines.append(bold("objective \(objective.name) (\(objective.measure))"))
        let subject = objective.components.count == 1 ? "at \(objective.components[0])" : "path " + objective.components.joined(separator: " → ")
        lines.append("  \(subject)")
        if let sla, !objective.excluded.isEmpty {
            lines.append("  SLA view (\(Format.names(objective.excluded)) excluded, treated as never failing):")
            lines.append(contentsOf: figures(sla, indent: "    "))
            lines.append("  all components counted:")
            lines.append(contentsOf: figures(objective, indent: "    "))
        } else {
            lines.append(contentsOf: figures(objective, indent: "  "))
        }
        lines.append("  downtime per \(objective.period) (share of \(objective.period)s\(objective.excluded.isEmpty ? "" : ", all counted")):")
        let total = max(1, objective.histogram.reduce(0) { $0 + $1.periods })
        for bucket in objective.histogram where bucket.periods > 0 {
            let share = Double(bucket.periods) / Double(total)
            let bar = String(repeating: "█", count: Int((share * 40).rounded(.up)))
            lines.append("    " + Format.column(bucket.label, 9) + " " + Format.column(bar, 40) + " "
                         + Format.column(percent(share), 8, right: true))
        }
        return lines
    }

    /// Availability, spread of downtime, the target's odds and outages of one view.
    func figures(_ objective: SimulatedObjective, indent: String) -> [String] {
        var lines: [String] = []
        let period = objective.period
        lines.append(indent + "availability \(availability(objective.availability, objective.unavailability)) "
                     + "(95% CI \(availability(objective.availabilityLow, 1 - objective.availabilityLow))"
                     + " – \(availability(objective.availabilityHigh, 1 - objective.availabilityHigh)))")
        lines.append(indent + "exact steady state \(availability(objective.exactAvailability, 1 - objective.exactAvailability))")
        lines.append(indent + "downtime per \(period): mean \(Format.duration(hours: objective.meanDowntimeHours)), "
                     + "p50 \(Format.duration(hours: objective.downtimeP50Hours)), p90 \(Format.duration(hours: objective.downtimeP90Hours)), "
                     + "p99 \(Format.duration(hours: objective.downtimeP99Hours)), max \(Format.duration(hours: objective.downtimeMaxHours))")
        if let target = objective.targetProbability, let budget = objective.budgetHours, let meet = objective.meetProbability,
           let low = objective.meetLow, let high = objective.meetHigh {
            let targetText = Format.percent(target)
            let verdict = paint(percent(meet), good: meet >= 0.5)
            lines.append(indent + "target \(targetText) (budget \(Format.duration(hours: budget))/\(period)): met in \(verdict) of \(period)s "
                         + "(95% CI \(percent(low)) – \(percent(high)))")
            if let year = objective.meetEveryPeriodOfYear, let yearLow = objective.meetEveryPeriodOfYearLow,
               let yearHigh = objective.meetEveryPeriodOfYearHigh {
                lines.append(indent + "every \(period) of a year met: \(percent(year)) of \(objective.years) simulated years "
                             + "(95% CI \(percent(yearLow)) – \(percent(yearHigh)))")
            }
            if let breach = objective.timeToFirstBreachHours {
                lines.append(indent + "first missed \(period) after \(Format.duration(hours: breach)) on average")
            } else {
                lines.append(indent + "no \(period) missed the target in \(objective.periods) simulated")
            }
        }
        var outages = indent + "outages: \(String(format: "%.3g", objective.outagesPerPeriod))/\(period) "
            + "(\(Format.perYear(objective.outagesPerYear)), 95% CI \(String(format: "%.3g", objective.outagesPerYearLow))"
            + " – \(String(format: "%.3g", objective.outagesPerYearHigh))"
            + (objective.exactOutagesPerYear.map { "; exact \(Format.perYear($0))" } ?? "") + ")"
        if let mean = objective.meanOutageHours {
            outages += ", mean \(Format.duration(hours: mean)), longest \(Format.duration(hours: objective.longestOutageHours))"
        }
        lines.append(outages)
        return lines
    }

    /// An availability to as many digits as the interval needs (two past its nines).
    func availability(_ up: Double, _ down: Double) -> String {
        Format.percent(Probability(up: up, down: max(0, down)))
    }

    /// A share in percent with enough decimals to tell it from 0 and from 100%.
    func percent(_ share: Double) -> String {
        if share > 0 && share < 0.001 { return String(format: "%.2g%%", share * 100) }
        let rest = 1 - share
        if rest > 0 && rest < 0.01 {
            let decimals = min(6, Int((-log10(rest)).rounded(.down)) + 1)
            return String(format: "%.\(decimals)f%%", share * 100)
        }
        return String(format: "%.1f%%", share * 100)
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func paint(_ text: String, good: Bool) -> String { colour ? "\u{1B}[\(good ? 32 : 31)m\(text)\u{1B}[0m" : text }
}
