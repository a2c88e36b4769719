/// `nines scenario --observed` for a terminal: per scenario what observed it, per objective the
/// verdict and the prediction beside the observation.
struct ObservedScenarioTextRenderer: ReportRenderer {
    func render(_ report: ObservedScenarioReport) -> String {
        var out = "\(report.system): experiments against the prediction\n"
        for entry in report.scenarios {
            out += "\n\(entry.name) (\(ObservedScenarioWording.heading(entry)))\n"
            for source in entry.sources { out += "  observed by: \(ObservedScenarioWording.source(source))\n" }
            if let fault = ObservedScenarioWording.fault(entry) { out += "  fault:       \(fault)\n" }
            for objective in entry.objectives {
                out += "  \(objective.objective): \(ObservedScenarioWording.verdict(objective))\n"
                out += "    survival:  \(ObservedScenarioWording.survival(objective))\n"
                out += "    recovery:  \(ObservedScenarioWording.recovery(objective, policy: entry.policyRTOHours))\n"
                out += "    data lost: \(ObservedScenarioWording.data(objective, policy: entry.policyRPOHours))\n"
            }
        }
        return out + "\n\(report.holds ? "OK" : "FAIL"): \(ObservedScenarioWording.summary(report))\n"
    }
}
