/// `nines check --budget-left`: one result per measured objective with a target, at the line of
/// the objective: the error budget the period has left after what Prometheus measured, against
/// the downtime the model predicts for the rest of the period (`ObservedObjective.budgetHolds`).
package enum BudgetLeftCheckResults {
    /// - Parameter freezeBelow: the share of the budget under which every change fails (0 for none).
    public static func results(_ observed: [ObservedObjective], freezeBelow: Double) -> [CheckResult] {
        observed.compactMap { item in
            guard let holds = item.budgetHolds(freezeBelow: freezeBelow), let left = item.leftHours, let leftShare = item.leftShare else {
                return nil
            }
            let name = item.objective.name
            let measured = "\(Format.duration(hours: item.measurement.windowHours)) measured at \(Format.percent(item.measurement.availability))"
            var message = "\(name): \(Format.share(max(0, leftShare))) of the error budget left after \(measured)"
            if left < 0 {
                message += "; the measured downtime already overspent it by \(Format.duration(hours: -left))"
            } else if leftShare < freezeBelow {
                message += ", under the \(Format.share(freezeBelow)) freeze threshold: changes are frozen"
            } else if item.remainingHours > 0 {
                let fits = item.predictedRestHours <= left
                message += "; the model predicts \(Format.duration(hours: item.predictedRestHours)) over the remaining "
                    + "\(Format.duration(hours: item.remainingHours)), \(fits ? "within" : "more than") the \(Format.duration(hours: left)) left"
            }
            var details = ["budget \(Format.duration(hours: item.budgetHours ?? 0)) per \(Format.duration(hours: item.periodHours)) "
                + "(target \(Format.target(item.target ?? .perfect))); spent \(Format.duration(hours: item.spentHours)) "
                + "(\(Format.share(item.spentShare ?? 0)))"]
            details.append("predicted availability \(Format.percent(item.predicted)); queries: "
                + item.measurement.queries.joined(separator: "; "))
            return CheckResult(id: "\(name)/budget-left", rule: "error-budget-left", category: .objective,
                               status: holds ? .pass : .fail, message: message, details: details, location: item.objective.location)
        }
    }
}
