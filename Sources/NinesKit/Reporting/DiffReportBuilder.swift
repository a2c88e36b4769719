/// Assembles a `DiffReport` from a `ModelComparison`: figures per objective and field-level changes.
package enum DiffReportBuilder {
    /// - Parameter allowedCost: the added downtime any objective may take per its own period,
    ///   hours (`--fail-on-cost`); nil for no limit.
    public static func diffReport(_ comparison: ModelComparison, old: String, new: String, allowedCost: Double? = nil) -> DiffReport {
        let oldReports = ReportBuilder.slaReports(comparison.old)
        let newReports = ReportBuilder.slaReports(comparison.new)
        let objectives = comparison.objectives.map { name -> ObjectiveDiff in
            let before = oldReports.first { $0.objective == name }
            let after = newReports.first { $0.objective == name }
            let shown = after ?? before!
            var attributions: [Attribution] = []
            if let before, let prediction = ModelComparison.objective(name, in: comparison.old) {
                for change in comparison.changed {
                    guard let variant = change.attribution, let alone = ModelComparison.objective(name, in: variant) else { continue }
                    let delta = (alone.figure.probability.down - prediction.figure.probability.down) * before.periodHours
                    if delta != 0 {
                        attributions.append(Attribution(component: change.name, change: fields(change).map(describe).joined(separator: ", "),
                                                        deltaHours: delta))
                    }
                }
            }
            attributions.sort { (abs($0.deltaHours), $1.component) > (abs($1.deltaHours), $0.component) }
            let delta = before.flatMap { b in after.map { $0.downtimeHours - b.downtimeHours } }
            return ObjectiveDiff(name: name, period: shown.period, periodHours: shown.periodHours, before: before, after: after,
                                 deltaHours: delta, attributions: attributions)
        }
        let components = comparison.changed.map { ComponentDiff(name: $0.name, change: $0.kind, fields: fields($0)) }
        return DiffReport(old: old, new: new, objectives: objectives, components: components, attributed: comparison.attributed,
                          allowedCostHours: allowedCost, failures: failures(objectives, allowedCost: allowedCost))
    }

    /// The gate: an objective whose verdict was met before (or a new one) and is missed now; an added
    /// downtime per period strictly above `allowedCost`. A target that already fell short is no
    /// news; only a cost limit catches it getting worse.
    static func failures(_ objectives: [ObjectiveDiff], allowedCost: Double?) -> [DiffFailure] {
        var result: [DiffFailure] = []
        for objective in objectives {
            // The objectives' one verdict (target, rto and rpo), as every other output shows it.
            if objective.after?.verdict?.met == false && objective.before?.verdict?.met != false {
                result.append(DiffFailure(objective: objective.name, reason: .fallsShort))
            }
            if let allowedCost, let delta = objective.deltaHours, delta > allowedCost {
                result.append(DiffFailure(objective: objective.name, reason: .costsTooMuch))
            }
        }
        return result
    }

    static func describe(_ field: FieldChange) -> String { "\(field.field) \(field.before) → \(field.after)" }

    /// The fields that differ, each value as the model would write it.
    static func fields(_ change: ModelComparison.ComponentChange) -> [FieldChange] {
        guard let a = change.before, let b = change.after else { return [] }
        let before = figures(a.figures), after = figures(b.figures)
        let pairs: [(String, String, String)] = [("layer", a.layer, b.layer)]
            + zip(before, after).map { ($0.0, $0.1, $1.1) } + [
            ("replicas", "\(a.replicas)", "\(b.replicas)"),
            ("needs", "\(a.needs)", "\(b.needs)"),
            ("common_cause", SLAText.percent(a.commonCause), SLAText.percent(b.commonCause)),
            ("depends_on", a.dependencies.map(ModelComparison.names).joined(separator: ", "),
             b.dependencies.map(ModelComparison.names).joined(separator: ", ")),
            ("responsibility", a.responsibility.rawValue, b.responsibility.rawValue),
            ("failover", failover(a.failover), failover(b.failover)),
            ("data", data(a.data), data(b.data)),
            ("masked_for", a.maskedFor.map { Format.duration(hours: $0) } ?? "none", b.maskedFor.map { Format.duration(hours: $0) } ?? "none"),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, before: $0.1, after: $0.2) }
    }

    /// availability, mtbf, rate and mttr as written ("none" when not given), always in this order.
    static func figures(_ figures: UnitFigures) -> [(String, String)] {
        var availability = "none", mtbf = "none", rate = "none"
        switch figures {
        case .availability(let p, _): availability = Format.target(p)
        case .mtbf(let hours, _): mtbf = Format.duration(hours: hours)
        case .rate(let perHour, _): rate = Format.perYear(perHour * 8760)
        }
        return [("availability", availability), ("mtbf", mtbf), ("rate", rate),
                ("mttr", figures.mttr.map { Format.duration(hours: $0) } ?? "none")]
    }

    static func failover(_ failover: Failover?) -> String {
        guard let f = failover else { return "none" }
        return "\(f.mode.rawValue) detect \(Format.duration(hours: f.detect)) switch \(Format.duration(hours: f.switchover))"
            + (f.success < 1 ? " success \(SLAText.percent(f.success))" : "")
            + (f.figures == .instance ? " (instance figures)" : "")
    }

    static func data(_ data: DataProtection?) -> String {
        guard let d = data else { return "none" }
        var parts = ["replication \(d.replication.rawValue)"]
        if let lag = d.lag { parts.append("lag \(Format.duration(hours: lag))") }
        if let every = d.backupEvery { parts.append("backup_every \(Format.duration(hours: every))") }
        if let duration = d.backupDuration { parts.append("backup_duration \(Format.duration(hours: duration))") }
        if let restore = d.restore { parts.append("restore \(Format.duration(hours: restore))") }
        return parts.joined(separator: " ")
    }
}
