/// The phrases the observed-scenario renderers share, so text and Markdown say the same thing.
enum ObservedScenarioWording {
    /// "zone; policy rto 15 min, rpo 0 s"
    static func heading(_ entry: ObservedScenarioReport.Entry) -> String {
        let limits = [entry.policyRTOHours.map { "rto \(Format.duration(hours: $0))" }, entry.policyRPOHours.map { "rpo \(Format.duration(hours: $0))" }]
            .compactMap { $0 }
        return "class \(entry.disruptionClass)" + (limits.isEmpty ? ", no policy" : "; policy " + limits.joined(separator: ", "))
    }

    /// "observation (obs.yaml:1)", "Litmus ChaosResult shop/x (r.yaml:1): inconclusive, phase 'Running'"
    static func source(_ source: ObservedScenarioReport.Source) -> String {
        "\(source.source) (\(source.file):\(source.line))" + (source.probeSuccess.map { ", probes \($0) % passed" } ?? "")
            + (source.inconclusive.map { ": inconclusive, \($0)" } ?? "")
    }

    static func fault(_ entry: ObservedScenarioReport.Entry) -> String? {
        guard let start = entry.faultStart else { return nil }
        return "injected \(start)" + (entry.faultEnd.map { ", removed \($0)" } ?? "")
    }

    /// "AS PREDICTED", "WORSE THAN PREDICTED (survival, recovery)"
    static func verdict(_ objective: ObservedScenarioReport.Objective) -> String {
        let aspects = objective.verdict == ObservedScenario.Verdict.worse.rawValue ? objective.worse
            : objective.verdict == ObservedScenario.Verdict.better.rawValue ? objective.better : []
        return objective.verdict.replacingOccurrences(of: "-", with: " ").uppercased()
            + (aspects.isEmpty ? "" : " (\(aspects.joined(separator: ", ")))")
    }

    static func survival(_ objective: ObservedScenarioReport.Objective) -> String {
        "predicted \(objective.predictedSurvives ? "survives" : "down"), observed "
            + (objective.observedStayedUp.map { $0 ? "stayed up" : "went down" } ?? "not observed")
    }

    static func recovery(_ objective: ObservedScenarioReport.Objective, policy: Double?) -> String {
        let predicted = objective.predictedRecoveryHours.map { "\(Format.duration(hours: $0)) (\(objective.predictedRecoveryBasis))" } ?? "unknown"
        let observed = objective.observedRecoveryHours.map { Format.duration(hours: $0) }
            ?? (objective.observedStayedUp == false ? "not measured" : "not observed")
        return "predicted \(predicted), observed \(observed)" + limit("rto", policy, holds: objective.rtoHolds)
    }

    static func data(_ objective: ObservedScenarioReport.Objective, policy: Double?) -> String {
        let predicted = objective.predictedUnprotected ? "everything (unprotected data)"
            : objective.predictedDataAtRiskHours.map { Format.duration(hours: $0) } ?? "none"
        return "predicted \(predicted), observed " + (objective.observedDataLostHours.map { Format.duration(hours: $0) } ?? "not observed")
            + limit("rpo", policy, holds: objective.rpoHolds)
    }

    /// "; policy rto 15 min: BROKEN"
    private static func limit(_ name: String, _ hours: Double?, holds: Bool?) -> String {
        guard let hours, let holds else { return "" }
        return "; policy \(name) \(Format.duration(hours: hours)): \(holds ? "holds" : "BROKEN")"
    }

    /// "2 objectives worse than predicted, 1 policy limit broken" or "every observation as predicted or better".
    static func summary(_ report: ObservedScenarioReport) -> String {
        let objectives = report.scenarios.flatMap(\.objectives)
        let worse = objectives.filter { $0.verdict == ObservedScenario.Verdict.worse.rawValue }.count
        let broken = objectives.reduce(0) { $0 + ($1.rtoHolds == false ? 1 : 0) + ($1.rpoHolds == false ? 1 : 0) }
        guard !report.holds else { return "no objective did worse than predicted and no policy limit was broken" }
        return [worse > 0 ? "\(worse) objective\(worse == 1 ? "" : "s") worse than predicted" : nil,
                broken > 0 ? "\(broken) policy limit\(broken == 1 ? "" : "s") broken" : nil].compactMap { $0 }.joined(separator: ", ")
    }
}
