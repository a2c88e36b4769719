/// Chaos Mesh manifests (chaos-mesh.org/v1alpha1): a PodChaos `pod-kill` of every pod a lost
/// workload or zone holds, a NetworkChaos `partition` from a lost provider's host.
package enum ChaosMeshWriter {
    package static func files(_ plan: ChaosExperimentPlan) -> [ChaosManifestFile] {
        ChaosManifestText.files(plan, format: "chaos-mesh", manifest: manifest)
    }

    static func manifest(_ attack: ChaosExperimentPlan.Attack, name: String, experiment: ChaosExperimentPlan.Experiment,
                         system: String) -> [String] {
        switch attack {
        case .killPods(_, let selector, let zone):
            return ["apiVersion: chaos-mesh.org/v1alpha1", "kind: PodChaos"]
                + ChaosManifestText.metadata(name: name, namespace: selector.namespace, experiment: experiment, attack: attack, system: system)
                + ["spec:", "  action: pod-kill", "  mode: all"] + self.selector(selector, zone: zone)
        case .partition(_, let selector, _, let host):
            return ["apiVersion: chaos-mesh.org/v1alpha1", "kind: NetworkChaos"]
                + ChaosManifestText.metadata(name: name, namespace: selector.namespace, experiment: experiment, attack: attack, system: system)
                + ["spec:", "  action: partition", "  mode: all"] + self.selector(selector, zone: nil)
                + ["  direction: to", "  externalTargets:", "    - \(YAMLQuoted.string(host))",
                   "  duration: \(YAMLQuoted.string("\(ChaosManifestText.partitionSeconds)s"))"]
        }
    }

    static func selector(_ selector: KubernetesSelector, zone: String?) -> [String] {
        var lines = ["  selector:"]
        if let namespace = selector.namespace { lines += ["    namespaces:", "      - \(namespace)"] }
        lines.append("    labelSelectors:")
        lines += selector.sortedLabels.map { "      \(YAMLQuoted.string($0.key)): \(YAMLQuoted.string($0.value))" }
        if let zone { lines += ["    nodeSelectors:", "      \(ChaosManifestText.zoneLabel): \(YAMLQuoted.string(zone))"] }
        return lines
    }
}
