import Foundation

/// What the manifests say, resolved to model terms: workloads with their pods, disruption budgets,
/// autoscaler minimums, zones and Services named; the zones; the providers; the entry points.
/// Each figure carries the note the writer puts beside it (its source, or why it is assumed).
struct KubernetesModelPlan {
    struct Figure {
        let value: Int
        let note: String
    }

    enum Placement {
        case none
        case spread
        case zones([String])
    }

    struct Workload {
        let workload: KubernetesWorkload
        let name: String
        let replicas: Figure
        let needs: Figure
        let kind: String
        let layer: String
        let placement: Placement
        let placementNote: String
        var dependsOn: [String] = []
        var dependsOnNote = ""
    }

    struct Provider {
        let object: KubernetesObject
        let name: String
        let host: String
    }

    var workloads: [Workload] = []
    var providers: [Provider] = []
    /// Zone component names (in order of first sight) and whether they were assumed.
    var zones: [String] = []
    var zonesAssumed = false
    /// Objective name, the component it is at, and where it comes from.
    var objectives: [(name: String, at: String, note: String)] = []
    var skipped: [String] = []
    var namespaces: [String] = []

    static let modelledKinds: Set<String> = KubernetesWorkload.kinds.union(["Service", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                                                                            "ConfigMap", "Ingress"])

    init(_ objects: [KubernetesObject], problems: inout [Diagnostic]) {
        var names = ImportedNames()
        func unique(_ raw: String, namespace: String) -> String { names.take(raw, qualifier: namespace) }
        for object in objects where !Self.modelledKinds.contains(object.kind) {
            skipped.append("\(object.title) (kind not modelled)")
        }
        namespaces = objects.filter { Self.modelledKinds.contains($0.kind) }.map(\.namespace).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        let parsed = objects.filter { KubernetesWorkload.kinds.contains($0.kind) }.compactMap { KubernetesWorkload($0, problems: &problems) }
        let running = parsed.filter { workload in
            if workload.replicas == 0 { skipped.append("\(workload.object.title) (scaled to 0 replicas)") }
            return workload.replicas != 0
        }
        let services = objects.filter { $0.kind == "Service" }
        let budgets = objects.filter { $0.kind == "PodDisruptionBudget" }
        let autoscalers = objects.filter { $0.kind == "HorizontalPodAutoscaler" }
        let configMaps = Dictionary(objects.filter { $0.kind == "ConfigMap" }.map { ("\($0.namespace)/\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })

        // Zones: those named by node affinities, else three assumed ones when anything spreads over zones.
        var zoneValues = running.flatMap(\.pinnedZones).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if zoneValues.isEmpty, running.contains(where: \.spreadOverZones) {
            zoneValues = ["zone-a", "zone-b", "zone-c"]
            zonesAssumed = true
        }
        let zoneNames = Dictionary(uniqueKeysWithValues: zoneValues.map { ($0, unique($0, namespace: "zone")) })
        zones = zoneValues.compactMap { zoneNames[$0] }

        for workload in running {
            let object = workload.object
            let name = unique(object.name, namespace: object.namespace)
            let replicas: Figure
            if let autoscaler = autoscalers.first(where: { $0.namespace == object.namespace
                && $0.body["spec"]?["scaleTargetRef"]?["name"]?.text == object.name
                && $0.body["spec"]?["scaleTargetRef"]?["kind"]?.text == object.kind }) {
                let minimum = autoscaler.body["spec"]?["minReplicas"]?.text.flatMap { Int($0) }.map { max(1, $0) } ?? 1
                replicas = Figure(value: minimum, note: "HorizontalPodAutoscaler \(autoscaler.namespace)/\(autoscaler.name): minReplicas, the fewest pods it keeps")
            } else if let count = workload.replicas {
                replicas = Figure(value: min(count, 10000), note: workload.replicasLocation == nil ? "spec.replicas not given: the API's default" : "spec.replicas")
            } else if !zones.isEmpty {
                replicas = Figure(value: zones.count, note: "assumed: a DaemonSet runs a pod per node; one node per zone")
            } else {
                replicas = Figure(value: 3, note: "assumed: a DaemonSet runs a pod per node; three nodes")
            }
            let needs = Self.needs(of: workload, replicas: replicas.value, budgets: budgets)
            let placement: Placement
            let placementNote: String
            if !workload.pinnedZones.isEmpty {
                placement = .zones(workload.pinnedZones.compactMap { zoneNames[$0] })
                placementNote = "node affinity on the zone label"
            } else if workload.spreadOverZones {
                placement = .spread
                placementNote = "spread over zones (topology spread or pod anti-affinity on the zone label)"
            } else if workload.replicas == nil, !zones.isEmpty {
                placement = .spread
                placementNote = "a DaemonSet runs in every zone"
            } else {
                placement = .none
                placementNote = ""
            }
            let (kind, layer) = Self.kindAndLayer(workload)
            workloads.append(Workload(workload: workload, name: name, replicas: replicas, needs: needs, kind: kind, layer: layer,
                                      placement: placement, placementNote: placementNote))
        }

        // Services: what each selects (workloads), or the provider an ExternalName stands for.
        var targets: [KubernetesReferences.Target: [String]] = [:]
        for service in services {
            let target = KubernetesReferences.Target(name: service.name.lowercased(), namespace: service.namespace.lowercased())
            let spec = service.body["spec"]
            if spec?["type"]?.text == "ExternalName" {
                let name = unique(service.name, namespace: service.namespace)
                providers.append(Provider(object: service, name: name, host: spec?["externalName"]?.text ?? ""))
                targets[target] = [name]
                continue
            }
            let selector = spec?["selector"]?.stringMap ?? [:]
            guard !selector.isEmpty else { continue }
            targets[target, default: []] += workloads.filter { workload in
                workload.workload.object.namespace == service.namespace
                    && selector.allSatisfy { workload.workload.podLabels[$0.key] == $0.value }
            }.map(\.name)
        }
        let known = Set(targets.keys)
        for index in workloads.indices {
            let workload = workloads[index].workload
            let namespace = workload.object.namespace
            let config = workload.configMaps.compactMap { configMaps["\(namespace)/\($0)"] }
            let texts = workload.texts + config.flatMap { $0.body["data"]?.stringMap.sorted { $0.key < $1.key }.map(\.value) ?? [] }
            var named: [KubernetesReferences.Target] = []
            for text in texts {
                for target in KubernetesReferences.services(in: text, namespace: namespace.lowercased(), known: known) where !named.contains(target) {
                    named.append(target)
                }
            }
            var dependsOn: [String] = []
            var through: [String] = []   // the Services that lead to another component
            for target in named {
                let others = (targets[target] ?? []).filter { $0 != workloads[index].name }
                if !others.isEmpty { through.append(target.name) }
                for name in others where !dependsOn.contains(name) { dependsOn.append(name) }
            }
            workloads[index].dependsOn = dependsOn
            workloads[index].dependsOnNote = "Services named in env and config: " + through.joined(separator: ", ")
        }

        // Entry points: Ingress backends, then LoadBalancer and NodePort Services.
        var entries: [(service: KubernetesReferences.Target, note: String)] = []
        for ingress in objects where ingress.kind == "Ingress" {
            let spec = ingress.body["spec"]
            let backends = [spec?["defaultBackend"]?["service"]?["name"]?.text].compactMap { $0 }
                + (spec?["rules"]?.items ?? []).flatMap { ($0["http"]?["paths"]?.items ?? []).compactMap { $0["backend"]?["service"]?["name"]?.text } }
            for backend in backends {
                entries.append((KubernetesReferences.Target(name: backend.lowercased(), namespace: ingress.namespace.lowercased()),
                                "Ingress \(ingress.namespace)/\(ingress.name)"))
            }
        }
        for service in services where ["LoadBalancer", "NodePort"].contains(service.body["spec"]?["type"]?.text ?? "") {
            entries.append((KubernetesReferences.Target(name: service.name.lowercased(), namespace: service.namespace.lowercased()),
                            "\(service.body["spec"]?["type"]?.text ?? "") Service \(service.namespace)/\(service.name)"))
        }
        var objectiveNames = Set<String>()
        for entry in entries {
            for component in targets[entry.service] ?? [] where !objectives.contains(where: { $0.at == component }) {
                var name = component
                var counter = 2
                while objectiveNames.contains(name) { name = "\(component)-\(counter)"; counter += 1 }
                objectiveNames.insert(name)
                objectives.append((name, component, entry.note))
            }
        }
    }

    /// `needs` from the first PodDisruptionBudget selecting the pods: `minAvailable`, or the pods
    /// less `maxUnavailable`; percentages of the pods rounded up, as the disruption controller does.
    static func needs(of workload: KubernetesWorkload, replicas: Int, budgets: [KubernetesObject]) -> Figure {
        let object = workload.object
        let budget = budgets.first { budget in
            let selector = budget.body["spec"]?["selector"]?["matchLabels"]?.stringMap ?? [:]
            return budget.namespace == object.namespace && !selector.isEmpty
                && selector.allSatisfy { workload.podLabels[$0.key] == $0.value }
        }
        guard let budget, let spec = budget.body["spec"] else {
            return Figure(value: 1, note: "assumed: one pod carries the load (no PodDisruptionBudget)")
        }
        func count(_ text: String) -> Int? {
            if text.hasSuffix("%"), let share = Double(text.dropLast()) { return Int((share / 100 * Double(replicas)).rounded(.up)) }
            return Int(text)
        }
        let title = "PodDisruptionBudget \(budget.namespace)/\(budget.name)"
        if let text = spec["minAvailable"]?.text, let minimum = count(text) {
            return Figure(value: min(max(1, minimum), replicas), note: "\(title): minAvailable \(text)")
        }
        if let text = spec["maxUnavailable"]?.text, let most = count(text) {
            return Figure(value: min(max(1, replicas - most), replicas), note: "\(title): maxUnavailable \(text)")
        }
        return Figure(value: 1, note: "assumed: one pod carries the load (\(title) gives no figure)")
    }

    /// The component kind and layer, from the workload kind and the images it runs.
    static func kindAndLayer(_ workload: KubernetesWorkload) -> (kind: String, layer: String) {
        let images = workload.images.joined(separator: " ").lowercased()
        let families: [(kind: String, layer: String, words: [String])] = [
            ("database", "data", ["postgres", "mysql", "mariadb", "mongo", "cassandra", "cockroach", "elasticsearch", "opensearch"]),
            ("cache", "data", ["redis", "memcached", "valkey"]),
            ("queue", "data", ["kafka", "rabbitmq", "nats", "zookeeper", "pulsar"]),
            ("load-balancer", "network", ["nginx", "envoy", "haproxy", "traefik"]),
        ]
        if let family = families.first(where: { family in family.words.contains { images.contains($0) } }) {
            return (family.kind, family.layer)
        }
        switch workload.object.kind {
        case "StatefulSet": return ("storage", "data")
        case "DaemonSet": return ("other", "platform")
        default: return ("application", "software")
        }
    }
}
