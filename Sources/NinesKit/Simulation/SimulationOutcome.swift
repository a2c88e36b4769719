/// What one simulation run counted: per tracked objective and view, the merged tallies of every
/// chunk, with the plan and settings that produced them. No figure is derived here; Reporting
/// turns an outcome into a `SimulationReport` beside the exact figures of the caller's analysis.
public struct SimulationOutcome: Sendable {
    public let model: SystemModel
    package let plan: SimulationPlan
    public let settings: SimulationSettings
    /// One tally per track: objective `i` in the full view at `i`, in the SLA view at `count + i`.
    let tallies: [ObjectiveTally]
    /// Periods simulated (fewer than asked when `stoppedEarly`).
    public let periods: Int
    public let events: Int
    /// The run reached its `precision` before its last chunk.
    public let stoppedEarly: Bool
}
