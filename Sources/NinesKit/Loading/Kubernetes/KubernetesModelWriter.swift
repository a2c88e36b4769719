/// Writes a `KubernetesModelPlan` as a model file: every figure the manifests give with its source
/// in a comment, every figure they do not give marked `# assumed` for the user to replace.
struct KubernetesModelWriter {
    let plan: KubernetesModelPlan
    let sources: [String]

    /// The placeholders, one place: a pod, a stateful pod, a zone, a provider, an objective's target.
    static let pod = (availability: "99.9%", mttr: "5m", why: "a failed pod is rescheduled and ready again")
    static let statefulPod = (availability: "99.9%", mttr: "30m", why: "a stateful pod waits for its volume to move")
    static let zone = (availability: "99.9%", mttr: "4h", why: "one availability zone of a cloud region")
    static let provider = (availability: "99.95%", mttr: "1h", why: "replace with the provider's published SLA")
    static let target = "99.9%"

    func write() -> String {
        var lines = [
            "# A model skeleton written by `nines import kubernetes` from: " + ModelComment.text(sources.joined(separator: ", ")),
            "# Figures marked 'assumed' are placeholders: replace them with measured or published ones.",
        ]
        if !plan.skipped.isEmpty {
            lines.append("# Not modelled:")
            lines += plan.skipped.map { "#   " + ModelComment.text($0) }
        }
        let system = plan.namespaces.count == 1 ? plan.namespaces[0] : "kubernetes"
        lines += ["version: 1", "system: \(scalar(system))",
                  "description: \(scalar("Kubernetes workloads of \(plan.namespaces.count == 1 ? "namespace " + plan.namespaces[0] : plan.namespaces.joined(separator: ", ")), imported from manifests"))"]
        if !plan.zones.isEmpty {
            lines += ["pools:", "  zones: [\(plan.zones.map(scalar).joined(separator: ", "))]"
                      + (plan.zonesAssumed ? "   # assumed: three zones (the manifests spread over zones but name none)" : "")]
        }
        lines.append("components:")
        for workload in plan.workloads { lines += self.workload(workload) }
        for provider in plan.providers {
            lines += ["  \(scalar(provider.name)):",
                      "    # \(ModelComment.text("\(provider.object.title), ExternalName \(provider.host) (\(provider.object.location))"))",
                      "    description: \(scalar("\(provider.object.title): \(provider.host)"))",
                      "    layer: external", "    kind: external-api", "    responsibility: provider",
                      "    availability: \(Self.provider.availability)   # assumed: \(Self.provider.why)",
                      "    mttr: \(Self.provider.mttr)   # assumed"]
            if KubernetesSelectorReader.isHost(provider.host) { lines.append("    selector: {host: \(scalar(provider.host))}") }
        }
        for zone in plan.zones {
            lines += ["  \(scalar(zone)):", "    layer: physical", "    kind: site",
                      "    availability: \(Self.zone.availability)   # assumed: \(Self.zone.why)",
                      "    mttr: \(Self.zone.mttr)   # assumed"]
        }
        if !plan.objectives.isEmpty {
            lines.append("objectives:")
            for objective in plan.objectives {
                lines += ["  \(scalar(objective.name)):   # \(ModelComment.text(objective.note))", "    at: \(scalar(objective.at))",
                          "    target: \(Self.target)   # assumed: a target to check the skeleton against; set your own"]
            }
        }
        if !plan.zones.isEmpty || !plan.providers.isEmpty {
            lines.append("scenarios:")
            for lost in plan.zones + plan.providers.map(\.name) {
                lines.append("  \(scalar(lost + "-lost")): {down: [\(scalar(lost))]}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func workload(_ item: KubernetesModelPlan.Workload) -> [String] {
        let object = item.workload.object
        let labels = item.workload.podLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let figures = object.kind == "StatefulSet" ? Self.statefulPod : Self.pod
        var lines = ["  \(scalar(item.name)):",
                     "    # \(ModelComment.text("\(object.title) (\(object.location))" + (labels.isEmpty ? "" : "; pods: " + labels)))",
                     "    description: \(scalar(object.title))",
                     "    layer: \(item.layer)", "    kind: \(item.kind)",
                     "    replicas: \(item.replicas.value)   # \(ModelComment.text(item.replicas.note))",
                     "    needs: \(item.needs.value)   # \(ModelComment.text(item.needs.note))",
                     "    availability: \(figures.availability)   # assumed: one pod",
                     "    mttr: \(figures.mttr)   # assumed: \(figures.why)"]
        if let selector = selector(of: item.workload) { lines.append("    selector: " + selector) }
        switch item.placement {
        case .none: break
        case .spread: lines.append("    placement: {spread: zones}   # \(ModelComment.text(item.placementNote))")
        case .zones(let zones): lines.append("    placement: [\(zones.map(scalar).joined(separator: ", "))]   # \(ModelComment.text(item.placementNote))")
        }
        if !item.dependsOn.isEmpty {
            lines.append("    depends_on: [\(item.dependsOn.map(scalar).joined(separator: ", "))]   # \(ModelComment.text(item.dependsOnNote))")
        }
        return lines
    }

    /// `{namespace: shop, labels: {app: web}}` from the pod template's labels, for chaos experiments;
    /// nil when there are none or one the loader would refuse.
    private func selector(of workload: KubernetesWorkload) -> String? {
        let labels = workload.podLabels.sorted { $0.key < $1.key }
        guard !labels.isEmpty, KubernetesSelectorReader.isLabel(workload.object.namespace, lowercase: true),
              labels.allSatisfy({ KubernetesSelectorReader.isLabelKey($0.key) && ($0.value.isEmpty || KubernetesSelectorReader.isLabel($0.value, lowercase: false)) })
        else { return nil }
        return "{namespace: \(scalar(workload.object.namespace)), labels: {"
            + labels.map { "\(scalar($0.key)): \(YAMLQuoted.string($0.value))" }.joined(separator: ", ") + "}}"
    }

    private func scalar(_ text: String) -> String { WorksheetYAMLWriter.scalar(text) }
}
