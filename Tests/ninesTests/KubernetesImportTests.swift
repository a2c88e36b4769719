import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `nines import kubernetes`: the bundled shop imports to a model that reports, checks, runs its
/// scenarios and diffs like a hand-written one; what each manifest field becomes; untrusted input.
@Suite struct KubernetesImportTests {
    static let shop = GoldenFiles.root.appendingPathComponent("examples/k8s").path

    static func imported(_ documents: [(file: String, text: String)]) throws -> (result: KubernetesImport.Result, model: SystemModel) {
        let result = try KubernetesImport.convert(documents)
        return (result, try ModelLoader.load(text: result.yaml, file: "imported.yaml"))
    }

    /// The imported component `name` as written (the loaded model expands placements into pods).
    static func workload(_ name: String, in plan: KubernetesModelPlan) throws -> KubernetesModelPlan.Workload {
        try #require(plan.workloads.first { $0.name == name })
    }

    static func documents(_ paths: [String]) throws -> [(file: String, text: String)] {
        try ManifestFiles.expand(paths).map { (file: $0, text: try String(contentsOfFile: $0, encoding: .utf8)) }
    }

    @Test func bundledShopImportsAndReportsWithoutEdits() throws {
        let result = try KubernetesImport.run(paths: [Self.shop])
        let model = try ModelLoader.load(text: result.yaml, file: "shop.yaml")
        #expect(result.workloads.count == 13)
        #expect(result.skipped == ["Secret shop/payments-api-key (kind not modelled)", "ServiceAccount shop/shop (kind not modelled)"])
        let plan = try KubernetesImport.plan(Self.documents([Self.shop]))
        #expect(plan.providers.map(\.name) == ["smtp", "psp"])
        #expect(plan.zones == ["eu-west-1a", "eu-west-1b", "eu-west-1c"] && !plan.zonesAssumed)
        let storefront = try Self.workload("storefront", in: plan)
        #expect(storefront.replicas.value == 3 && storefront.needs.value == 2)   // HPA minReplicas 3, PDB minAvailable 2
        #expect(storefront.dependsOn == ["catalog", "cart", "checkout", "search"])
        #expect(try Self.workload("checkout", in: plan).dependsOn == ["cart", "orders", "payments"])   // env and a mounted ConfigMap
        #expect(try Self.workload("catalog", in: plan).dependsOn == ["redis", "catalog-db"])   // envFrom; not itself as the db user
        #expect(try Self.workload("catalog", in: plan).needs.value == 2)   // maxUnavailable 1 of 3
        let search = try Self.workload("search", in: plan)
        #expect(search.replicas.value == 2 && search.needs.value == 1)   // maxUnavailable 50% of 2: 1 (rounded up)
        #expect(try Self.workload("log-agent", in: plan).replicas.value == 3)   // a DaemonSet: a pod per zone
        #expect(model.components.first { $0.name == "psp" }?.responsibility == .provider)
        #expect(model.objectives.map(\.name) == ["storefront", "checkout"])
        #expect(model.scenarios.map(\.name) == ["eu-west-1a-lost", "eu-west-1b-lost", "eu-west-1c-lost", "smtp-lost", "psp-lost"])
        #expect(model.component(named: "cart")?.selector == KubernetesSelector(namespace: "shop", labels: ["app": "cart", "app.kubernetes.io/part-of": "shop"],
                                                                                 location: try #require(model.component(named: "cart")?.selector).location))
        #expect(model.component(named: "psp")?.selector?.host == "api.payments-provider.example")

        // Every figure the manifests do not give is marked.
        for line in result.yaml.split(separator: "\n") where line.contains("availability:") || line.contains("mttr:") || line.contains("target:") {
            #expect(line.contains("# assumed"), "\(line)")
        }

        // Reports, checks, runs its scenarios like a hand-written model.
        let analysis = AvailabilityAnalysis(model)
        let report = ReportBuilder.availabilityReport(analysis)
        #expect(report.figures.filter { $0.kind == .objective }.count == 2)
        let prediction = SLAPrediction(model, full: analysis)
        let check = CheckReportBuilder.checkReport(prediction)
        #expect(check.failed == 0 && check.passed > 0)
        for scenario in model.scenarios where scenario.name.hasPrefix("eu-west") {
            let outcomes = ScenarioAnalysis(scenario, base: prediction.inScope).outcomes
            #expect(outcomes.allSatisfy { $0.survives }, "\(scenario.name): the shop survives a zone")
        }
    }

    /// One Deployment of 3 pods, a PDB of minAvailable 2 and an Ingress: the objective is 2 of 3
    /// pods at the assumed 99.9 % each, by hand A = p³ + 3p²q = 0.997002999 + 0.002994003 = 0.999997002.
    @Test func objectiveIsTwoOfThreePodsByHand() throws {
        let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: web:1}]}
        ---
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
        ---
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}}
        ---
        kind: Ingress
        metadata: {name: front}
        spec: {defaultBackend: {service: {name: web}}}
        """
        let (_, model) = try Self.imported([("web.yaml", manifest)])
        let figure = AvailabilityAnalysis(model).objective(0)
        #expect(abs(figure.probability.up - 0.999997002) < 1e-12)
        #expect(model.scenarios.isEmpty)   // no zones, no zone scenarios
    }

    /// minAvailable 50 % of 3 pods is 2 (1.5 rounded up); maxUnavailable 1 of 4 leaves 3; a DaemonSet
    /// with zones named runs a pod per zone.
    @Test func disruptionBudgetPercentagesRoundUp() throws {
        func deployment(_ name: String, _ replicas: Int) -> String {
            "kind: Deployment\nmetadata: {name: \(name)}\nspec: {replicas: \(replicas), template: {metadata: {labels: {app: \(name)}}, "
                + "spec: {nodeSelector: {topology.kubernetes.io/zone: z1}}}}\n"
        }
        let text = deployment("a", 3) + "---\nkind: PodDisruptionBudget\nmetadata: {name: a}\nspec: {minAvailable: 50%, selector: {matchLabels: {app: a}}}\n---\n"
            + deployment("b", 4) + "---\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec: {maxUnavailable: 1, selector: {matchLabels: {app: b}}}\n---\n"
            + "kind: DaemonSet\nmetadata: {name: agent}\nspec: {template: {metadata: {labels: {app: agent}}}}\n"
        let (_, model) = try Self.imported([("m.yaml", text)])   // it loads
        let plan = try KubernetesImport.plan([("m.yaml", text)])
        #expect(try Self.workload("a", in: plan).needs.value == 2)
        #expect(try Self.workload("b", in: plan).needs.value == 3)
        let agent = try Self.workload("agent", in: plan)
        #expect(agent.replicas.value == 1 && agent.needs.value == 1)   // one zone seen (z1)
        #expect(model.components.first { $0.name == "z1" }?.layer == "physical")
    }

    /// A re-import after a manifest change gives a readable diff: the PDB raised to 3 of 3.
    @Test func reimportAfterAManifestChangeDiffs() throws {
        let cart = try String(contentsOfFile: Self.shop + "/cart.yaml", encoding: .utf8)
        let others = try Self.documents([Self.shop]).filter { !$0.file.hasSuffix("/cart.yaml") }
        let raised = cart.replacingOccurrences(of: "minAvailable: 2", with: "minAvailable: 3")
        #expect(raised != cart)
        let before = try Self.imported(others + [("cart.yaml", cart)]).model
        let after = try Self.imported(others + [("cart.yaml", raised)]).model
        let diff = DiffReportBuilder.diffReport(ModelComparison(old: before, new: after), old: "before", new: "after")
        #expect(diff.components.map(\.name) == ["cart"])
        // The placement's pods are a k-of-n group: 2 of 3 → 3 of 3.
        let field = try #require(diff.components.first?.fields.first { $0.field == "depends_on" })
        #expect(field.before.hasPrefix("2 of [cart#1,cart#2,cart#3]") && field.after.hasPrefix("3 of [cart#1,cart#2,cart#3]"))
        #expect(diff.objectives.allSatisfy { ($0.deltaHours ?? 0) > 0 })   // no spare pod: more downtime
        // Readable: the text names the workload and the budget before and after, and what now falls short.
        let text = ReportRenderers.diff(.text).render(diff)
        #expect(text.contains("cart: changed: depends_on 2 of [cart#1,cart#2,cart#3], redis → 3 of [cart#1,cart#2,cart#3], redis"), "\(text)")
        #expect(text.contains("checkout: now falls short"))
    }

    /// Multi-document streams: empty documents, a `kubectl get -o yaml` List, unknown kinds and a
    /// workload scaled to 0 listed and skipped, a document that is no object noted.
    @Test func streamsListsAndSkippedObjects() throws {
        let text = """
        ---
        ---
        kind: List
        items:
          - {kind: Deployment, metadata: {name: api, namespace: prod}, spec: {replicas: 2}}
          - {kind: Certificate, metadata: {name: tls, namespace: prod}}
        ---
        kind: Deployment
        metadata: {name: idle, namespace: prod}
        spec: {replicas: 0}
        ---
        just: a mapping
        """
        let (result, model) = try Self.imported([("s.yaml", text)])
        #expect(model.components.map(\.name) == ["api"])
        #expect(model.name == "prod")
        #expect(result.skipped.contains("Certificate prod/tls (kind not modelled)"))
        #expect(result.skipped.contains("Deployment prod/idle (scaled to 0 replicas)"))
        #expect(result.skipped.contains { $0.hasPrefix("a document at s.yaml:") })
    }

    /// Hostile input: the model-file policy (no anchors or aliases, no control characters), a
    /// mistyped figure located, every file's problems at once.
    @Test func hostileInputIsLocatedAllAtOnce() throws {
        let aliases = "kind: Deployment\nmetadata: &m {name: a}\nspec: *m\n"
        let control = "kind: Deployment\nmetadata: {name: \"a\\u001B[2J\"}\n"
        let replicas = "kind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: three\n"
        let error = try #require(throws: DiagnosticError.self) {
            try KubernetesImport.convert([("a.yaml", aliases), ("b.yaml", control), ("c.yaml", replicas)])
        }
        let located = error.diagnostics.compactMap { $0.location.map { "\($0.file):\($0.line)" } }
        #expect(located.contains("a.yaml:2") && located.contains("b.yaml:2") && located.contains("c.yaml:4"))
        #expect(error.diagnostics.contains { $0.message.contains("'spec.replicas' of Deployment default/a must be a whole number") })
    }

    /// A directory walk reads the tree's own `.yaml` files: no link followed (to a file or a
    /// directory outside), no hidden entries, no other extensions.
    @Test func directoryWalkFollowsNoLink() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nines-k8s-\(UUID().uuidString)")
        let tree = base.appendingPathComponent("tree"), outside = base.appendingPathComponent("outside")
        defer { try? FileManager.default.removeItem(at: base) }
        for directory in [tree.appendingPathComponent("sub"), outside, tree.appendingPathComponent(".hidden")] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let deployment = "kind: Deployment\nmetadata: {name: NAME}\nspec: {replicas: 1}\n"
        try deployment.replacingOccurrences(of: "NAME", with: "inside").write(to: tree.appendingPathComponent("sub/a.yml"), atomically: true, encoding: .utf8)
        try deployment.replacingOccurrences(of: "NAME", with: "secret").write(to: outside.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try deployment.replacingOccurrences(of: "NAME", with: "hidden").write(to: tree.appendingPathComponent(".hidden/c.yaml"), atomically: true, encoding: .utf8)
        try "not yaml".write(to: tree.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("link.yaml"), withDestinationURL: outside.appendingPathComponent("b.yaml"))
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("linked"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("sub/loop"), withDestinationURL: tree)
        let files = try ManifestFiles.expand([tree.path])
        #expect(files == [tree.appendingPathComponent("sub/a.yml").path])
        let result = try KubernetesImport.run(paths: [tree.path])
        #expect(result.workloads == ["Deployment default/inside"])
    }

    /// What counts as naming a Service: a host (URL, host:port, qualified name, the value alone).
    @Test func serviceReferencesAreHosts() {
        let known: Set<KubernetesReferences.Target> = [.init(name: "orders", namespace: "shop"), .init(name: "db", namespace: "data")]
        func named(_ text: String) -> [String] { KubernetesReferences.services(in: text, namespace: "shop", known: known).map(\.name) }
        #expect(named("http://orders:8080/api") == ["orders"])
        #expect(named("orders:8080") == ["orders"])
        #expect(named("orders") == ["orders"])
        #expect(named("postgres://app@db.data.svc.cluster.local:5432/x") == ["db"])
        #expect(named("db") == [])                        // a bare name only in the caller's namespace
        #expect(named("postgres://orders@db.data") == ["db"])   // the user is no host
        #expect(named("the orders are shipped") == [])     // a word in prose
    }
}

/// `nines import kubernetes` as a user runs it: the model on standard output, what was skipped on
/// standard error; a bad manifest exits 2 at its line.
@Suite struct KubernetesImportCommandTests {
    @Test func importsTheBundledShop() throws {
        let run = try NinesExecutable.run(["import", "kubernetes", "examples/k8s"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# A model skeleton written by `nines import kubernetes` from: examples/k8s"))
        #expect(run.stderr.contains("skipped Secret shop/payments-api-key (kind not modelled)"))
    }

    @Test func aBadManifestExitsTwoAtItsLine() throws {
        let run = try NinesExecutable.run(["import", "kubernetes", "Tests/NinesKitTests/Fixtures/kubernetes/bad-replicas.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad-replicas.yaml:7:13"))
    }
}
