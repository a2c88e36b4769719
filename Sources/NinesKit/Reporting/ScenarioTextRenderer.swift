/// `nines scenario` for a terminal: per scenario, per objective, whether it survives, its
/// availability while the scenario lasts, recovery, data at risk and single points of failure.
struct ScenarioTextRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: ScenarioReport) -> String {
        var out = "\(report.system): disruption scenarios\n"
        if report.scenarios.isEmpty { out += "\nno scenarios: add 'scenarios:' to the model or give --down\n" }
        for entry in report.scenarios {
            out += "\n\(entry.name)\n  \(ScenarioWording.heading(entry))\n"
            if let description = entry.description { out += "  \(Format.oneLine(description))\n" }
            for outcome in entry.objectives {
                out += "  \(outcome.objective) (\(outcome.measure)): \(ScenarioWording.survival(outcome)), "
                    + "\(ScenarioWording.availability(outcome)) while it lasts\n"
                out += "    recovery:       \(ScenarioWording.recovery(outcome))\n"
                out += "    data at risk:   \(ScenarioWording.dataAtRisk(outcome))\n"
                if let single = ScenarioWording.singlePoints(outcome) {
                    out += "    single points:  " + Format.wrap(single, width: 60).joined(separator: "\n                    ") + "\n"
                }
            }
            if entry.objectives.isEmpty { out += "  the model has no objectives to judge\n" }
        }
        return out
    }
}
