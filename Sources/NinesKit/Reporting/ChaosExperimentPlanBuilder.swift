/// Maps each scenario onto the Kubernetes objects its components stand for (their `selector:`):
/// a lost workload's pods are killed, a lost zone kills the pods placed in it (by the zone label of
/// their nodes), a lost external provider is cut off from the workloads that call it.
package enum ChaosExperimentPlanBuilder {
    package static func plan(_ report: ScenarioReport, model: SystemModel) -> ChaosExperimentPlan {
        var plan = ChaosExperimentPlan(system: report.system, experiments: [], unmapped: [])
        for entry in report.scenarios {
            let attacks = attacks(down: entry.down, in: model)
            if attacks.isEmpty { plan.unmapped.append(entry.name) } else {
                plan.experiments.append(.init(scenario: entry.name, attacks: attacks, prediction: entry.objectives))
            }
        }
        return plan
    }

    static func attacks(down: [String], in model: SystemModel) -> [ChaosExperimentPlan.Attack] {
        let visible = model.components.filter { !$0.isMadeByLoader }
        var attacks: [ChaosExperimentPlan.Attack] = []
        var killed: Set<String> = []
        for name in down {
            guard let lost = model.component(named: name), let selector = lost.selector, !selector.labels.isEmpty else { continue }
            attacks.append(.killPods(component: name, selector: selector, zone: nil))
            killed.insert(name)
        }
        // A zone: the components with a replica placed in it, whose pods run on its nodes.
        for zone in down {
            for placed in model.components where placed.placedReplica?.on == zone {
                guard let owner = placed.placedReplica?.of, !killed.contains(owner),
                      let selector = model.component(named: owner)?.selector, !selector.labels.isEmpty else { continue }
                attacks.append(.killPods(component: owner, selector: selector, zone: zone))
                killed.insert(owner)
            }
        }
        for name in down {
            guard let provider = model.component(named: name), let host = provider.selector?.host else { continue }
            for caller in visible where !killed.contains(caller.name) {
                let calls = caller.dependencyNames.contains(name) || caller.softDependencies.contains { $0.target == name }
                guard calls, let selector = caller.selector, !selector.labels.isEmpty else { continue }
                attacks.append(.partition(component: caller.name, selector: selector, provider: name, host: host))
            }
        }
        return attacks
    }
}
