/// Which Kubernetes objects a component stands for (`selector:`), so chaos experiments can be
/// aimed at them: the pods of a workload (`namespace` and `labels`), or, for an external
/// provider, the host outside the cluster that a network partition cuts off (`host`).
package struct KubernetesSelector: Hashable, Sendable {
    /// The namespace of the pods; nil: the experiment's own namespace.
    package var namespace: String?
    /// The pod labels, every one of which a pod must carry.
    package var labels: [String: String]
    /// The DNS name or address of an external dependency.
    package var host: String?
    package var location: ModelLocation

    package init(namespace: String? = nil, labels: [String: String] = [:], host: String? = nil,
                location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1)) {
        self.namespace = namespace
        self.labels = labels
        self.host = host
        self.location = location
    }

    /// The labels sorted by key, as manifests list them.
    package var sortedLabels: [(key: String, value: String)] { labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}
