/// `nines import kubernetes`: a model skeleton from Kubernetes manifests (multi-document YAML,
/// `helm template` and kustomize output, `kubectl get -o yaml` lists). A component per workload
/// with its pods as `replicas` (an autoscaler's minimum when it has one) and `needs` from its
/// PodDisruptionBudget, placed over the zones its spread constraints or zone affinity name;
/// `depends_on` from the Services its env, commands and ConfigMaps name; ExternalName Services as
/// providers; an objective per entry point (Ingress backend, LoadBalancer Service) and a scenario
/// per zone. Every figure the manifests do not give is written with an `# assumed` comment. Other
/// kinds are listed and skipped. The model written is loaded back before it is returned.
package enum KubernetesImport {
    package struct Result: Sendable {
        /// The model, YAML.
        public let yaml: String
        /// The workloads modelled ("Deployment shop/web"), in input order.
        public let workloads: [String]
        /// Objects not modelled, with why ("Secret shop/db (kind not modelled)").
        public let skipped: [String]
    }

    /// Imports the manifests under `paths` (files, or directories walked by `ManifestFiles`).
    public static func run(paths: [String], options: LoadOptions = LoadOptions()) throws(DiagnosticError) -> Result {
        try convert(try ManifestFiles.read(paths, options: options), sources: paths)
    }

    /// Imports documents already read (file name and text); `sources` names them in the model's header.
    public static func convert(_ documents: [(file: String, text: String)], sources: [String]? = nil) throws(DiagnosticError) -> Result {
        let plan = try plan(documents)
        let yaml = KubernetesModelWriter(plan: plan, sources: sources ?? documents.map(\.file)).write()
        do {
            _ = try ModelLoader.load(text: yaml, file: "imported model")   // what is written must load
        } catch {
            throw error.quoting([("imported model", yaml)])
        }
        return Result(yaml: yaml, workloads: plan.workloads.map(\.workload.object.title), skipped: plan.skipped)
    }

    /// What the documents say, resolved to model terms; every problem of every document at once.
    static func plan(_ documents: [(file: String, text: String)]) throws(DiagnosticError) -> KubernetesModelPlan {
        var objects: [KubernetesObject] = []
        var problems: [Diagnostic] = []
        var skipped: [String] = []
        for document in documents {
            switch YAMLParser.parseStream(document.text, file: document.file) {
            case .success(let roots):
                for root in roots {
                    if let found = KubernetesObject.objects(in: root) { objects += found } else {
                        skipped.append("a document at \(root.location) (no 'kind' and 'metadata.name')")
                    }
                }
            case .failure(let error): problems += error.diagnostics
            }
        }
        var plan = KubernetesModelPlan(objects, problems: &problems)
        guard problems.isEmpty else { throw DiagnosticError(problems).quoting(documents) }
        plan.skipped = skipped + plan.skipped
        return plan
    }
}
