@testable import NinesKit

/// A simulation's report as the commands build it: the run, then Reporting beside the exact
/// figures of one compilation of the same model.
func simulatedReport(_ simulation: MonteCarloSimulation, _ settings: SimulationSettings) throws -> SimulationReport {
    let outcome = try simulation.run(settings)
    return ReportBuilder.simulationReport(outcome, analysis: AvailabilityAnalysis(simulation.model, scope: .objectivesOnly))
}

func simulatedReport(_ model: SystemModel, _ settings: SimulationSettings) throws -> SimulationReport {
    try simulatedReport(MonteCarloSimulation(model), settings)
}
