/// What one chaos experiment (or one person watching it) saw of one scenario, for
/// `nines scenario --observed`: per objective whether it stayed up, how long it took to come back
/// and how much data was lost. Read from a nines observation file, a Litmus ChaosResult or a Chaos
/// Mesh experiment's status (`ScenarioObservationReader`). Hours.
package struct ScenarioObservation: Hashable, Sendable {
    /// The model's scenario this run tested.
    package var scenario: String
    /// What it was read from, for the report: "observation", "Litmus ChaosResult shop/zone-a-lost-web-pod-delete".
    package var source: String
    package var location: ModelLocation
    /// What was seen, per objective.
    package var objectives: [Seen]
    /// Why the run says nothing about the objectives (the experiment errored, was stopped, is still
    /// running, the fault was not injected); nil when it counts.
    package var inconclusive: String?
    /// When the fault was first injected and last removed, when the source says.
    package var faultStart: ObservedTime?
    package var faultEnd: ObservedTime?
    /// The share of the tool's steady-state probes that passed, as it writes it (Litmus `probeSuccessPercentage`).
    package var probeSuccess: String?

    /// What was seen of one objective (every objective of the scenario when `objective` is nil:
    /// a Litmus verdict whose probes do not name objectives).
    package struct Seen: Hashable, Sendable {
        package var objective: String?
        /// Whether the objective stayed up while the scenario lasted.
        package var stayedUp: Bool?
        /// Time until the objective was back (0 when it never went down), hours.
        package var recoveryHours: Double?
        /// Writes lost, hours.
        package var dataLostHours: Double?
        package var location: ModelLocation

        package init(objective: String?, stayedUp: Bool? = nil, recoveryHours: Double? = nil, dataLostHours: Double? = nil,
                     location: ModelLocation) {
            self.objective = objective
            self.stayedUp = stayedUp
            self.recoveryHours = recoveryHours
            self.dataLostHours = dataLostHours
            self.location = location
        }
    }

    package init(scenario: String, source: String, location: ModelLocation, objectives: [Seen] = [], inconclusive: String? = nil,
                 faultStart: ObservedTime? = nil, faultEnd: ObservedTime? = nil) {
        self.scenario = scenario
        self.source = source
        self.location = location
        self.objectives = objectives
        self.inconclusive = inconclusive
        self.faultStart = faultStart
        self.faultEnd = faultEnd
    }
}
