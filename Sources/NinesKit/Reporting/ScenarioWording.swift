/// The phrases the scenario renderers share, so text and Markdown say the same thing.
enum ScenarioWording {
    /// "lost: az-a (class zone, from what is lost)".
    static func heading(_ entry: ScenarioReport.Entry) -> String {
        "down: \(entry.down.joined(separator: ", ")); class: \(entry.disruptionClass)"
            + (entry.classStated ? "" : " (from what is lost)")
    }

    static func survival(_ outcome: ScenarioReport.Outcome) -> String {
        outcome.survives ? "survives" : "DOWN"
    }

    static func availability(_ outcome: ScenarioReport.Outcome) -> String {
        let figure = Format.percent(Probability(up: outcome.availability, down: outcome.unavailability))
        return outcome.method == "exact" ? figure : "\(figure) (\(outcome.method))"
    }

    /// "2 min (failover: database)", "1 h (recovery: database restore from backup)", "unknown (no repair time: x)".
    static func recovery(_ outcome: ScenarioReport.Outcome) -> String {
        guard let hours = outcome.recoveryHours else {
            return "unknown (no recovery time for \(outcome.unknownRecovery.joined(separator: ", ")))"
        }
        let action: ScenarioRecovery.Step.Action = outcome.recoveryBasis == ScenarioRecovery.Basis.failover.rawValue ? .failover : .recover
        let worst = outcome.steps.filter { $0.action == action && $0.hours == hours }.map(\.component)
        switch outcome.recoveryBasis {
        case ScenarioRecovery.Basis.failover.rawValue:
            return "\(Format.duration(hours: hours)) (failover of \(worst.joined(separator: ", ")))"
        case ScenarioRecovery.Basis.recovery.rawValue:
            let basis = outcome.steps.first { $0.action == .recover && $0.hours == hours }?.rtoBasis?.rawValue ?? "repair"
            return "\(Format.duration(hours: hours)) (\(basis) of \(worst.joined(separator: ", ")))"
        case ScenarioRecovery.Basis.redundancy.rawValue:
            return "0 s (surviving redundancy carries the load)"
        default:
            return "0 s (nothing it needs is lost)"
        }
    }

    /// "0 s (database: sync replication)", "everything (x: no replication or backups)", "none".
    static func dataAtRisk(_ outcome: ScenarioReport.Outcome) -> String {
        if !outcome.unprotected.isEmpty { return "everything kept by \(outcome.unprotected.joined(separator: ", ")) (no replication or backups)" }
        guard let hours = outcome.dataAtRiskHours else { return "none (nothing lost keeps data)" }
        let sources = outcome.steps.filter { $0.dataAtRisk == hours }.map { step in
            "\(step.component): \(step.action == .failover ? "failover" : "lost"), \(step.rpoBasis?.rawValue ?? "")"
        }
        return "\(Format.duration(hours: hours)) (\(sources.joined(separator: "; ")))"
    }

    static func singlePoints(_ outcome: ScenarioReport.Outcome) -> String? {
        guard outcome.survives else { return nil }
        guard !outcome.singlePointsOfFailure.isEmpty else { return "none" }
        let exposed = Set(outcome.exposedSinglePoints)
        return Format.names(outcome.singlePointsOfFailure.map { exposed.contains($0) ? "\($0) (new)" : $0 })
    }
}
