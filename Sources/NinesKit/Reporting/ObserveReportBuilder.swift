/// Turns the measured objectives into `nines observe`'s report.
package enum ObserveReportBuilder {
    /// - Parameters:
    ///   - server: how to name the Prometheus server asked.
    ///   - end: the end of the measured window, as the user should read it (ISO 8601).
    public static func report(_ model: SystemModel, server: String, end: String, observed: [ObservedObjective]) -> ObserveReport {
        ObserveReport(system: model.name, sources: model.sources, server: server, end: end,
                      objectives: observed.map(ObservedObjectiveReport.init),
                      notMeasured: model.objectives.filter { $0.sli == nil }.map(\.name))
    }
}
