/// One object of a manifest stream: its kind, name and namespace, and its whole document.
struct KubernetesObject {
    let kind: String
    let name: String
    let namespace: String
    let body: YAMLValue
    var location: ModelLocation { body.location }

    /// "Deployment shop/checkout"
    var title: String { "\(kind) \(namespace)/\(name)" }

    /// The objects of one document: itself, or the items of a `kind: List` (`kubectl get -o yaml`).
    /// Nil for a document that is no Kubernetes object (no `kind` or no `metadata.name`).
    static func objects(in document: YAMLValue) -> [KubernetesObject]? {
        guard let kind = document["kind"]?.text else { return nil }
        if kind == "List" { return document["items"]?.items.compactMap { objects(in: $0) }.flatMap { $0 } ?? [] }
        guard let name = document["metadata"]?["name"]?.text else { return nil }
        let namespace = document["metadata"]?["namespace"]?.text ?? "default"
        return [KubernetesObject(kind: kind, name: name, namespace: namespace, body: document)]
    }
}
