import Foundation

/// The sentences every human-readable format uses for an SLA prediction (text report, `check`
/// results, Markdown), so they read the same everywhere. Formats data; computes nothing.
package enum SLAText {
    /// "SLO 99.95% per month"
    public static func targetName(_ r: SLAReport) -> String {
        guard let target = r.targetProbability else { return "no target" }
        return "\(r.kind.uppercased()) \(Format.target(target)) per \(r.period)"
    }

    /// "predicted 99.9712% (12.4 min/month) against SLO 99.95% per month (budget 21.6 min): margin 9.2 min (42.6%)"
    public static func headline(_ r: SLAReport) -> String {
        guard let budget = budget(r) else { return predicted(r) }
        return predicted(r) + " against " + budget
    }

    /// "predicted 99.9712% (12.4 min/month)"
    public static func predicted(_ r: SLAReport) -> String {
        "predicted \(Format.percent(Probability(up: r.availability, down: r.unavailability))) "
            + "(\(Format.duration(hours: r.downtimeHours))/\(r.period))"
    }

    /// "SLO 99.95% per month (budget 21.6 min): margin 9.2 min (42.6%)"; nil without a target.
    public static func budget(_ r: SLAReport) -> String? {
        guard let budget = r.errorBudgetHours, let margin = r.marginHours else { return nil }
        var text = "\(targetName(r)) (budget \(Format.duration(hours: budget)))"
        if margin >= 0 {
            text += ": margin \(Format.duration(hours: margin))"
            if let share = r.marginShare { text += " (\(percent(share)))" }
        } else {
            text += ": over budget by \(Format.duration(hours: -margin))"
        }
        return text
    }

    /// "left out of the promise: sso (customer) 43.2 min/month; as users experience it, counting them:
    /// 99.8500% (64.8 min/month)"; nil when nothing on the objective is left out.
    public static func exclusions(_ r: SLAReport) -> String? {
        guard !r.excluded.isEmpty, let users = r.asUsersExperienceIt else { return nil }
        let items = r.excluded.map { "\($0.component) (\($0.responsibility)) \(Format.duration(hours: $0.downtimeHours))/\(r.period)" }
        return "left out of the promise: " + items.joined(separator: ", ") + "; as users experience it, counting them: "
            + figure(users, period: r.period)
    }

    /// The prediction the other way round for announced maintenance: "announced maintenance 1 h/month,
    /// not counted (counts_maintenance: false); counting it: 99.80% (1.44 h/month)"; nil when no window applies.
    public static func maintenance(_ r: SLAReport) -> String? {
        guard let hours = r.announcedMaintenanceHours, let counts = r.countsMaintenance else { return nil }
        let other = counts ? r.downtimeHours - hours : r.downtimeHours + hours
        let otherFigure = Format.percent(Probability(unavailability: other / r.periodHours))
        return "announced maintenance \(Format.duration(hours: hours))/\(r.period), "
            + (counts ? "counted (counts_maintenance: true); without it: " : "not counted (counts_maintenance: false); counting it: ")
            + "\(otherFigure) (\(Format.duration(hours: other))/\(r.period))"
    }

    /// "holds", or "falls short: worst RTO 1 h (job-queue, repair) exceeds rto 30 min"; nil when
    /// the objective promises nothing. The objective's one verdict (`ObjectiveVerdict`) in words.
    public static func verdict(_ r: SLAReport) -> String? {
        guard let verdict = r.verdict else { return nil }
        return verdict.met ? "holds" : "falls short: " + reasons(r).joined(separator: "; ")
    }

    /// Why the verdict is "missed", one phrase per reason, in the verdict's order.
    public static func reasons(_ r: SLAReport) -> [String] {
        (r.verdict?.reasons ?? []).map { reason in
            switch reason {
            case .overBudget:
                let judged = Format.duration(hours: r.judgedUnavailability * r.periodHours)
                let budget = r.errorBudgetHours.map { Format.duration(hours: $0) } ?? "?"
                let how = r.method == FigureMethod.exact.rawValue ? "" : ", the \(r.method) figure's pessimistic end"
                return "\(judged)/\(r.period) of downtime\(how), over the \(budget) budget of \(targetName(r))"
            case .underMinMargin:
                let left = r.marginShare.map { percent($0) } ?? "?"
                return "\(left) of the budget left, under the required \(percent(r.verdict?.minMargin ?? 0))"
            case .rtoExceeded:
                return rto(r) ?? "rto exceeded"
            case .rpoExceeded:
                return rpo(r) ?? "rpo exceeded"
            }
        }
    }

    /// "as users experience it, left-out parts counted: 99.897% (44.5 min/month; outages: 14.2/y)": the figure
    /// beside the promise, never judged.
    public static func usersExperience(_ users: UsersExperienceReport, period: String) -> String {
        "as users experience it, left-out parts counted: " + figure(users, period: period)
    }

    /// "99.897% (44.5 min/month; outages: 14.2/y)", the outages when the view has a frequency
    static func figure(_ users: UsersExperienceReport, period: String) -> String {
        "\(Format.percent(Probability(up: users.availability, down: users.unavailability))) "
            + "(\(Format.duration(hours: users.downtimeHours))/\(period)"
            + (users.outagesPerYear.map { "; outages: \(Format.perYear($0))" } ?? "") + ")"
    }

    /// "with 4.2 outages/month each must end within 13 min for 99.99% (modelled mean 8 min)"
    /// "the 99.9000% its dependencies' objectives allow (payments 99.9% from ../payments/nines.yaml#checkout)"; nil without any.
    public static func ceiling(_ r: SLAReport) -> String? {
        guard let up = r.ceiling, let down = r.ceilingUnavailability, let from = r.ceilingFrom else { return nil }
        return "the \(Format.percent(Probability(up: up, down: down))) its dependencies' objectives allow (\(from.joined(separator: "; ")))"
    }

    public static func allowedRecovery(_ r: SLAReport) -> String? {
        guard let allowed = r.allowedRecoveryHours, let outages = r.outagesPerPeriod, let target = r.targetProbability else { return nil }
        var text = "with \(String(format: "%.3g", outages)) outages/\(r.period) each must end within "
            + "\(Format.duration(hours: allowed)) for \(Format.target(target))"
        if let mean = r.meanRecoveryHours { text += " (modelled mean \(Format.duration(hours: mean)))" }
        return text
    }

    /// "worst RTO 1.5 min (postgres, failover) within rto 15 min"; nil without an `rto`.
    public static func rto(_ r: SLAReport) -> String? {
        guard let limit = r.rto else { return nil }
        var text: String
        if let worst = r.worstRTO {
            let notice = worst.detectionHours.map { ", \(Format.duration(hours: $0)) of it to notice" } ?? ""
            text = "worst RTO \(Format.duration(hours: worst.hours)) (\(worst.component), \(worst.basis)\(notice)) "
                + (worst.hours <= limit ? "within" : "exceeds") + " rto \(Format.duration(hours: limit))"
        } else if r.unknownRTO.isEmpty {
            text = "no in-scope component takes it down alone; rto \(Format.duration(hours: limit)) holds"
        } else {
            text = "recovery time not modelled; rto \(Format.duration(hours: limit))"
        }
        if !r.unknownRTO.isEmpty { text += "; unknown for " + list(r.unknownRTO) }
        return text
    }

    /// "degraded 43 min/month, counted as up ('reviews', 'payment' down)"; nil when nothing the
    /// objective needs is soft.
    public static func degraded(_ r: SLAReport) -> String? {
        guard let degraded = r.degraded else { return nil }
        let counted = degraded.countsAs == DegradedAccounting.countsAsDown.rawValue ? "counted as down" : "counted as up"
        return "degraded \(Format.duration(hours: degraded.hours))/\(r.period), \(counted) (\(list(degraded.causes)) down or breaker open)"
    }

    /// "unmonitored (no detect): a, b"; nil when the model gives no detection times or all are monitored.
    public static func unmonitored(_ r: SLAReport) -> String? {
        guard let names = r.unmonitored, !names.isEmpty else { return nil }
        return "unmonitored (no detect): " + list(names)
    }

    /// "worst RPO 25 h (db, backups; mean 13 h) exceeds rpo 5 min"; nil without an `rpo`.
    public static func rpo(_ r: SLAReport) -> String? {
        guard let limit = r.rpo else { return nil }
        if !r.unprotected.isEmpty {
            return "no replication or backups for " + list(r.unprotected) + ": any loss is unbounded, rpo \(Format.duration(hours: limit))"
        }
        guard let worst = r.worstRPO else { return "no component on the path keeps data; rpo \(Format.duration(hours: limit)) holds" }
        var source = "\(worst.component), \(worst.basis)"
        if let mean = worst.meanHours, mean != worst.hours { source += "; mean \(Format.duration(hours: mean))" }
        return "worst RPO \(Format.duration(hours: worst.hours)) (\(source)) "
            + (worst.hours <= limit ? "within" : "exceeds") + " rpo \(Format.duration(hours: limit))"
    }

    /// "accepted requests: RPO 0 (job-api stores each in job-store before processing, keeps it
    /// 24 h)", each write-ahead door in turn; nil without any.
    public static func acceptedRequests(_ r: SLAReport) -> String? {
        guard let doors = r.acceptedRequests, !doors.isEmpty else { return nil }
        return doors.map { accepted in
            let stored = "\(accepted.door) stores each in \(accepted.store) before processing, keeps it \(Format.duration(hours: accepted.retentionHours))"
            guard let rpo = accepted.rpoHours else {
                return "accepted requests: RPO 0 behind the door (\(stored)), but \(accepted.store) has no replication or backups"
            }
            guard rpo > 0 else { return "accepted requests: RPO 0 (\(stored))" }
            return "accepted requests: RPO 0 behind the door (\(stored)); \(Format.duration(hours: rpo)) if \(accepted.store) "
                + "itself is lost (\(accepted.storeBasis ?? ""))"
        }.joined(separator: "; ")
    }

    /// For a figure that is not exact, what the verdict was judged by: "bounded: judged by the
    /// certified interval's pessimistic end 99.9812% (8.12 min/month)".
    public static func method(_ r: SLAReport) -> String? {
        guard r.method != FigureMethod.exact.rawValue else { return nil }
        let what = r.method == FigureMethod.bounded.rawValue ? "the certified interval's" : "the estimate's 95% interval's"
        let judged = Probability(up: 1 - r.judgedUnavailability, down: r.judgedUnavailability)
        return "\(r.method): judged by \(what) pessimistic end \(Format.percent(judged)) "
            + "(\(Format.duration(hours: r.judgedUnavailability * r.periodHours))/\(r.period))"
    }

    /// "period: month (30 d), 365-day year, 30-day month"
    public static func period(_ r: SLAReport) -> String {
        "period: \(r.period) (\(Format.duration(hours: r.periodHours))); calendar: \(r.calendar)"
    }

    /// A share as a percentage with one decimal: "42.6%".
    public static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    static func list(_ names: [String]) -> String {
        names.prefix(4).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 4 ? " and \(names.count - 4) more" : "")
    }
}
