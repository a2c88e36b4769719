/// What a Deployment, StatefulSet or DaemonSet says about availability: how many pods, where
/// they may run, what they are labelled, and the text in which they may name a Service.
struct KubernetesWorkload {
    let object: KubernetesObject
    /// `spec.replicas` (default 1); nil for a DaemonSet, which runs a pod per node.
    let replicas: Int?
    let replicasLocation: ModelLocation?
    let podLabels: [String: String]
    /// The pods are spread over zones (a topology spread constraint or a pod anti-affinity on the zone key).
    let spreadOverZones: Bool
    /// The zones the pods are pinned to (a required node affinity or node selector on the zone key), in order.
    let pinnedZones: [String]
    /// Env values, commands and arguments of every container: where a Service may be named.
    let texts: [String]
    /// ConfigMaps the pods read (env, envFrom, volumes), whose data may name a Service too.
    let configMaps: [String]
    let images: [String]

    static let kinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet"]
    /// The well-known zone label and its deprecated predecessor.
    static let zoneKeys: Set<String> = ["topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]

    /// Nil, with a diagnostic, when `spec.replicas` is not a whole number.
    init?(_ object: KubernetesObject, problems: inout [Diagnostic]) {
        self.object = object
        let spec = object.body["spec"]
        if object.kind == "DaemonSet" {
            replicas = nil
            replicasLocation = nil
        } else if let value = spec?["replicas"] {
            guard let text = value.text, let count = Int(text), count >= 0 else {
                problems.append(Diagnostic(at: value.location, "'spec.replicas' of \(object.title) must be a whole number, found \(value.kindDescription)"))
                return nil
            }
            replicas = count
            replicasLocation = value.location
        } else {
            replicas = 1   // the API's default
            replicasLocation = nil
        }
        let template = spec?["template"]
        podLabels = template?["metadata"]?["labels"]?.stringMap ?? [:]
        let pod = template?["spec"]
        let spreads = pod?["topologySpreadConstraints"]?.items.contains { Self.zoneKeys.contains($0["topologyKey"]?.text ?? "") } ?? false
        let antiAffinity = pod?["affinity"]?["podAntiAffinity"]
        let required = antiAffinity?["requiredDuringSchedulingIgnoredDuringExecution"]?.items ?? []
        let preferred = antiAffinity?["preferredDuringSchedulingIgnoredDuringExecution"]?.items.compactMap { $0["podAffinityTerm"] } ?? []
        let antiZone = (required + preferred).contains { Self.zoneKeys.contains($0["topologyKey"]?.text ?? "") }
        spreadOverZones = spreads || antiZone
        var zones: [String] = []
        let terms = pod?["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?.items ?? []
        for expression in terms.flatMap({ $0["matchExpressions"]?.items ?? [] })
        where Self.zoneKeys.contains(expression["key"]?.text ?? "") && expression["operator"]?.text == "In" {
            zones += (expression["values"]?.items ?? []).compactMap(\.text)
        }
        for (key, value) in pod?["nodeSelector"]?.stringMap ?? [:] where Self.zoneKeys.contains(key) { zones.append(value) }
        pinnedZones = zones.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        let containers = (pod?["containers"]?.items ?? []) + (pod?["initContainers"]?.items ?? [])
        images = containers.compactMap { $0["image"]?.text }
        texts = containers.flatMap { container in
            (container["env"]?.items ?? []).compactMap { $0["value"]?.text }
                + (container["command"]?.allTexts ?? []) + (container["args"]?.allTexts ?? [])
        }
        let fromEnv = containers.flatMap { container in
            (container["envFrom"]?.items ?? []).compactMap { $0["configMapRef"]?["name"]?.text }
                + (container["env"]?.items ?? []).compactMap { $0["valueFrom"]?["configMapKeyRef"]?["name"]?.text }
        }
        let fromVolumes = (pod?["volumes"]?.items ?? []).compactMap { $0["configMap"]?["name"]?.text }
        configMaps = fromEnv + fromVolumes
    }
}
