import Foundation

/// The text report's "input uncertainty" section: per objective the spread of its availability
/// over what the modeller does not know, and the chance of meeting its target.
enum UncertaintyTextSection {
    static func lines(_ report: UncertaintyReport) -> [String] {
        var lines = ["input uncertainty (\(Format.count(report.samples)) Latin hypercube draws, seed \(report.seed); "
                     + "figures above at the inputs' medians)"]
        for input in report.inputs { lines.append("  " + input.component + " " + input.text) }
        for objective in report.objectives {
            let percent = { (a: Double) in Format.percent(Probability(up: a, down: 1 - a)) }
            lines.append("  \(objective.objective): \(percent(objective.availabilityAtMedians)) at the medians")
            if let reason = objective.notPropagated {
                lines.append(contentsOf: Format.wrap("not propagated: " + reason, width: 74).map { "    " + $0 })
                continue
            }
            lines.append("    5th–95th percentile \(percent(objective.availabilityP5))–\(percent(objective.availabilityP95)), "
                         + "median \(percent(objective.availabilityP50))")
            lines.append("    downtime \(Format.duration(hours: objective.downtimeHoursP95))–\(Format.duration(hours: objective.downtimeHoursP5))"
                         + "/\(objective.period) (95th to 5th percentile of availability)")
            if let meeting = meeting(objective, samples: report.samples) { lines.append("    " + meeting) }
        }
        return lines
    }

    /// "meets its 99.9% target in 93.1% of draws" (in all, or in none, when so).
    static func meeting(_ objective: UncertaintyReport.Objective, samples: Int) -> String? {
        guard let share = objective.probabilityMeetingTarget, let target = objective.target else { return nil }
        let head = "meets its \(Format.target(Probability(up: target, down: 1 - target))) target in "
        switch share {
        case 1: return head + "all \(Format.count(samples)) draws"
        case 0: return head + "none of the \(Format.count(samples)) draws"
        default:   // one decimal, unless that would round a miss away (99.96 % is not 100.0 %)
            return head + String(format: share > 0.999 || share < 0.001 ? "%.2f%%" : "%.1f%%", share * 100) + " of draws"
        }
    }
}
