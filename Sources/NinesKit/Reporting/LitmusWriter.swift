/// LitmusChaos manifests (litmuschaos.io/v1alpha1 ChaosEngine): `pod-delete` of every pod a lost
/// workload or zone holds (`NODE_LABEL` picks a zone's nodes), `pod-network-loss` of all packets
/// to a lost provider's host.
package enum LitmusWriter {
    package static func files(_ plan: ChaosExperimentPlan) -> [ChaosManifestFile] {
        ChaosManifestText.files(plan, format: "litmus", manifest: manifest)
    }

    static func manifest(_ attack: ChaosExperimentPlan.Attack, name: String, experiment: ChaosExperimentPlan.Experiment,
                         system: String) -> [String] {
        let selector: KubernetesSelector
        let experimentName: String
        var env: [(String, String)]
        switch attack {
        case .killPods(_, let pods, let zone):
            selector = pods
            experimentName = "pod-delete"
            env = [("PODS_AFFECTED_PERC", "100"), ("FORCE", "true")]
            if let zone { env.append(("NODE_LABEL", "\(ChaosManifestText.zoneLabel)=\(zone)")) }
        case .partition(_, let pods, _, let host):
            selector = pods
            experimentName = "pod-network-loss"
            env = [("NETWORK_PACKET_LOSS_PERCENTAGE", "100"), ("DESTINATION_HOSTS", host),
                   ("TOTAL_CHAOS_DURATION", String(ChaosManifestText.partitionSeconds))]
        }
        let labels = selector.sortedLabels.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        var lines = ["apiVersion: litmuschaos.io/v1alpha1", "kind: ChaosEngine"]
            + ChaosManifestText.metadata(name: name, namespace: selector.namespace, experiment: experiment, attack: attack, system: system)
            + ["spec:", "  engineState: active", "  appinfo:"]
        if let namespace = selector.namespace { lines.append("    appns: \(namespace)") }
        lines += ["    applabel: \(YAMLQuoted.string(labels))",
                  "  chaosServiceAccount: \(experimentName)-sa",
                  "  experiments:", "    - name: \(experimentName)", "      spec:", "        components:", "          env:"]
        for (key, value) in env { lines += ["            - name: \(key)", "              value: \(YAMLQuoted.string(value))"] }
        return lines
    }
}
