/// The chaos experiments `nines scenario --format chaos-mesh|litmus` writes, as plain data: per
/// scenario, what to break in the cluster and what the model predicts will happen.
package struct ChaosExperimentPlan: Hashable, Sendable {
    package var system: String
    package var experiments: [Experiment]
    /// Scenarios with nothing the cluster can break (no component of theirs has a `selector:`).
    package var unmapped: [String]

    /// One scenario's experiment.
    package struct Experiment: Hashable, Sendable {
        package var scenario: String
        package var attacks: [Attack]
        /// The model's prediction for each objective while the scenario lasts.
        package var prediction: [ScenarioReport.Outcome]
    }

    /// One thing to break.
    package enum Attack: Hashable, Sendable {
        /// Kill the pods of `component`; with `zone`, only those on nodes in that zone.
        case killPods(component: String, selector: KubernetesSelector, zone: String?)
        /// Cut the pods of `component` off from an external provider's host.
        case partition(component: String, selector: KubernetesSelector, provider: String, host: String)

        package var component: String {
            switch self {
            case .killPods(let component, _, _), .partition(let component, _, _, _): component
            }
        }
    }
}

extension ChaosExperimentPlan.Experiment {
    /// Whether every objective can be up while the scenario lasts.
    package var survives: Bool { prediction.allSatisfy(\.survives) }

    /// The longest predicted recovery of any objective (hours); nil when one is unknown or there is none.
    package var worstRecoveryHours: Double? {
        let hours = prediction.map(\.recoveryHours)
        guard !hours.isEmpty, !hours.contains(nil) else { return nil }
        return hours.compactMap { $0 }.max()
    }
}
