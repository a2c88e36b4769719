/// Turns the SLA prediction into `nines check` results: one per objective target, `rto` and `rpo`,
/// then the resiliency policies on the scenarios, then each risk rule's findings, then model notes (failovers or masking that could not be costed).
package enum CheckReportBuilder {
    /// - Parameters:
    ///   - minMargin: share of each error budget that must stay unspent (0 to 1).
    ///   - rules: risk rules evaluated after the objectives, in this order.
    public static func checkReport(_ prediction: SLAPrediction, minMargin: Double = 0, rules: [any RiskRule] = []) -> CheckReport {
        let model = prediction.model
        var results: [CheckResult] = []
        for (report, item) in zip(ReportBuilder.slaReports(prediction, minMargin: minMargin), prediction.objectives) {
            results.append(contentsOf: objectiveResults(report, location: item.objective.location))
            if let exceeds = report.exceedsCeiling, let ceiling = SLAText.ceiling(report), let target = item.target {
                // At the target's line: that is the number to change.
                results.append(CheckResult(id: "\(report.objective)/ceiling", rule: "objective-ceiling", category: .objective,
                                           status: exceeds ? .fail : .pass,
                                           message: "\(report.objective): promises \(Format.target(target)), "
                                               + (exceeds ? "more than " : "no more than ") + ceiling,
                                           location: item.objective.targetLocation ?? item.objective.location))
            }
        }
        results.append(contentsOf: PolicyCheckResults.results(PolicyEvaluation(model, base: prediction.inScope)))
        if results.isEmpty {
            // A gate with nothing to gate would pass silently: say so (a warning, exit status 0).
            results.append(CheckResult(id: "\(model.name)/objectives", rule: "objectives-present", category: .objective, status: .warning,
                                       message: "no objective has a 'target', 'rto' or 'rpo': nothing to check",
                                       location: ModelLocation(file: model.sources.first ?? "<memory>", line: 1, column: 1)))
        }
        for rule in rules { results.append(contentsOf: rule.evaluate(model)) }
        for (component, note) in prediction.notes {
            results.append(CheckResult(id: "\(component.name)/model", rule: "model-note", category: .model, status: .warning,
                                       message: note, location: component.location))
        }
        var report = CheckReport(system: model.name, sources: model.sources, calendar: model.calendar.summary,
                                 minMargin: minMargin, results: results)
        report.overrides = model.overrides
        return report
    }

    /// One result per part of the objective's verdict (target, `rto`, `rpo`), each failing exactly
    /// when that part of `r.verdict` does: the gate reads the verdict and never judges again.
    static func objectiveResults(_ r: SLAReport, location: ModelLocation) -> [CheckResult] {
        guard let verdict = r.verdict else { return [] }
        var results: [CheckResult] = []
        if let holds = verdict.targetHolds {
            var message = "\(r.objective): " + SLAText.headline(r)
            if verdict.reasons.contains(.underMinMargin) {
                message += ", under the required \(SLAText.percent(verdict.minMargin))"
            }
            let details = [SLAText.method(r), SLAText.period(r), SLAText.exclusions(r), SLAText.allowedRecovery(r), SLAText.degraded(r)].compactMap { $0 }
            results.append(CheckResult(id: "\(r.objective)/target", rule: "objective-target", category: .objective,
                                       status: holds ? .pass : .fail, message: message, details: details, location: location))
        }
        if let text = SLAText.rto(r), let holds = verdict.rtoHolds {
            let status: CheckResult.Status = !holds ? .fail : (r.unknownRTO.isEmpty ? .pass : .warning)
            results.append(CheckResult(id: "\(r.objective)/rto", rule: "objective-rto", category: .recovery, status: status,
                                       message: "\(r.objective): " + text,
                                       details: [SLAText.allowedRecovery(r)].compactMap { $0 }, location: location))
        }
        if let text = SLAText.rpo(r), let holds = verdict.rpoHolds {
            results.append(CheckResult(id: "\(r.objective)/rpo", rule: "objective-rpo", category: .recovery,
                                       status: holds ? .pass : .fail, message: "\(r.objective): " + text, location: location))
        }
        return results
    }
}
