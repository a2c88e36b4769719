/// "No open failure mode with action priority H": the FMEA risk rule of `nines check`.
///
/// A row is open while its status is `open` or `in-progress` (no status means open). Its priority
/// is the one its scores before the action give under the worksheet's scoring (the action is not
/// done yet). Rows the workshop has not scored have no priority and never fail the rule.
package struct OpenRiskRule: RiskRule {
    public let worksheet: FMEAWorksheet
    /// Open rows at or above this priority fall short.
    public let threshold: ActionPriority

    public init(worksheet: FMEAWorksheet, threshold: ActionPriority = .high) {
        self.worksheet = worksheet
        self.threshold = threshold
    }

    public var id: String { "fmea-open-priority" }

    public func findings(in model: SystemModel) -> [RiskFinding] {
        let scoring = worksheet.effectiveScoring
        var results: [RiskFinding] = []
        for mode in worksheet.failureModes where mode.isOpen {
            guard let scores = mode.scores else { continue }
            let priority = scoring.priority(scores)
            guard priority >= threshold else { continue }
            // The worksheet's prose may span lines; a check message is one line in every format.
            var message = "failure mode '\(mode.id)' of '\(mode.componentList)' (\(OutputSanitizer.escaped(mode.mode))) is \(mode.effectiveStatus.rawValue) "
                + "with action priority \(priority.rawValue) (S \(scores.severity), O \(scores.occurrence), D \(scores.detection); "
                + "RPN \(scores.rpn))"
            if let owner = mode.owner { message += "; owner \(owner)" }
            if let due = mode.due { message += ", due \(due)" }
            var details = ["scoring: \(scoring.summary); rule: no open failure mode with action priority \(threshold.rawValue) or higher"]
            if let action = mode.recommendedAction { details.append("recommended action: \(OutputSanitizer.escaped(action))") }
            results.append(RiskFinding(id: "\(mode.id)/open-priority", holds: false, message: message, details: details,
                                       location: mode.location))
        }
        if results.isEmpty {
            let open = worksheet.failureModes.filter(\.isOpen).count
            let location = worksheet.failureModes.first?.location
                ?? ModelLocation(file: model.sources.first ?? "<memory>", line: 1, column: 1)
            results.append(RiskFinding(id: "fmea/open-priority", holds: true,
                                       message: "no open failure mode with action priority \(threshold.rawValue) or higher "
                                           + "(\(worksheet.failureModes.count) rows, \(open) open; \(scoring.summary))",
                                       location: location))
        }
        return results
    }
}
