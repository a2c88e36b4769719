import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `selector:` and the chaos experiments written from scenarios: what each scenario attacks, the
/// prediction carried in the annotations, and every manifest checked against the published CRDs
/// (the subset in Fixtures/chaos/crd-schemas.json, which cites each CRD's source).
@Suite struct ChaosExperimentTests {
    /// A web tier over two zones, a database, a payments provider.
    static let model = """
    version: 1
    system: shop
    pools:
      zones: [zone-a, zone-b]
    components:
      web:
        availability: 99.9%
        mttr: 5m
        replicas: 2
        placement: {spread: zones}
        depends_on: [db, psp]
        selector: {namespace: shop, labels: {app: web, tier: "1"}}
      db:
        availability: 99.95%
        mttr: 30m
        selector: {namespace: shop, labels: {app: db}}
      psp:
        layer: external
        kind: external-api
        availability: 99.95%
        mttr: 1h
        selector: {host: api.psp.example}
      zone-a: {layer: physical, kind: site, availability: 99.9%, mttr: 4h}
      zone-b: {layer: physical, kind: site, availability: 99.9%, mttr: 4h}
    objectives:
      shop: {at: web, target: 99.9%}
    scenarios:
      zone-a-lost: {down: [zone-a]}
      db-lost: {down: [db]}
      psp-lost: {down: [psp]}
      nothing-mapped: {down: [zone-a, zone-b], description: "both zones: web is killed in each"}
    """

    static func plan(_ model: SystemModel) -> ChaosExperimentPlan {
        let base = SLAPrediction(model, full: AvailabilityAnalysis(model)).inScope
        let report = ScenarioReportBuilder.report(model.scenarios.map { ScenarioAnalysis($0, base: base) }, system: model.name)
        return ChaosExperimentPlanBuilder.plan(report, model: model)
    }

    @Test func eachScenarioAttacksWhatItTakesDown() throws {
        let model = try ModelLoader.load(text: Self.model, file: "shop.yaml")
        let plan = Self.plan(model)
        let attacks = Dictionary(uniqueKeysWithValues: plan.experiments.map { ($0.scenario, $0.attacks) })
        let web = try #require(model.component(named: "web")?.selector)
        #expect(web.labels == ["app": "web", "tier": "1"] && web.namespace == "shop")
        #expect(attacks["zone-a-lost"] == [.killPods(component: "web", selector: web, zone: "zone-a")])
        #expect(attacks["db-lost"] == [.killPods(component: "db", selector: try #require(model.component(named: "db")?.selector), zone: nil)])
        #expect(attacks["psp-lost"] == [.partition(component: "web", selector: web, provider: "psp", host: "api.psp.example")])
        // Two zones: web is killed once, in the first zone its pods are placed.
        #expect(attacks["nothing-mapped"]?.count == 1)
        #expect(plan.unmapped.isEmpty)
    }

    /// The prediction in the annotations is the scenario analysis's: losing the database takes the
    /// shop down until the database is back (its mttr, 30 min = 1800 s); losing a zone leaves the
    /// other zone's web pod (recovery by redundancy, 0 s).
    @Test func annotationsCarryThePrediction() throws {
        let model = try ModelLoader.load(text: Self.model, file: "shop.yaml")
        let files = ChaosMeshWriter.files(Self.plan(model))
        let db = try #require(files.first { $0.name == "db-lost.yaml" }).text
        #expect(db.contains("nines.dev/expect-survives: \"false\""))
        #expect(db.contains("nines.dev/expect-recovery-seconds: \"1800\""))
        let zone = try #require(files.first { $0.name == "zone-a-lost.yaml" }).text
        #expect(zone.contains("nines.dev/expect-survives: \"true\"") && zone.contains("nines.dev/expect-recovery-seconds: \"0\""))
        #expect(zone.contains("topology.kubernetes.io/zone: \"zone-a\""))
        let psp = try #require(files.first { $0.name == "psp-lost.yaml" }).text
        #expect(psp.contains("kind: NetworkChaos") && psp.contains("action: partition") && psp.contains("- \"api.psp.example\""))
    }

    @Test func everyManifestMatchesThePublishedCRDs() throws {
        let schema = try CRDSubsetSchema.bundled()
        let model = try ModelLoader.load(text: Self.model, file: "shop.yaml")
        let plan = Self.plan(model)
        var kinds: Set<String> = []
        for file in ChaosMeshWriter.files(plan) + LitmusWriter.files(plan) {
            let documents = try YAMLParser.parseStream(file.text, file: file.name).get()
            #expect(!documents.isEmpty)
            for document in documents {
                #expect(schema.problems(document) == [], "\(file.name)")
                kinds.insert(document["kind"]?.text ?? "")
            }
        }
        #expect(kinds == ["PodChaos", "NetworkChaos", "ChaosEngine"])
    }

    /// The check can fail: a wrong action, a missing selector, an unquoted number where a string belongs.
    @Test func theCRDCheckRejectsAWrongManifest() throws {
        let schema = try CRDSubsetSchema.bundled()
        let wrong = """
        apiVersion: chaos-mesh.org/v1alpha1
        kind: PodChaos
        metadata: {name: Bad_Name, annotations: {n: 1}}
        spec: {action: pod-explode, mode: all, extra: x}
        """
        let document = try #require(try YAMLParser.parseStream(wrong, file: "w.yaml").get().first)
        let problems = schema.problems(document)
        #expect(problems.contains { $0.contains("metadata.name") })
        #expect(problems.contains { $0.contains("annotations.n: not a string") })
        #expect(problems.contains { $0.contains("missing required 'selector'") })
        #expect(problems.contains { $0.contains("pod-explode") })
        #expect(problems.contains { $0.contains("unknown field 'extra'") })
    }

    /// The bundled Kubernetes example imports with selectors, and every scenario of it becomes
    /// manifests that match the CRDs: three zones (pod kills on the zone's nodes), two providers
    /// (partitions of their callers).
    @Test func bundledKubernetesExampleProducesValidManifests() throws {
        let schema = try CRDSubsetSchema.bundled()
        let imported = try KubernetesImport.run(paths: [GoldenFiles.root.appendingPathComponent("examples/k8s").path])
        let model = try ModelLoader.load(text: imported.yaml, file: "shop.yaml")
        let plan = Self.plan(model)
        #expect(plan.experiments.map(\.scenario) == ["eu-west-1a-lost", "eu-west-1b-lost", "eu-west-1c-lost", "smtp-lost", "psp-lost"])
        #expect(plan.unmapped.isEmpty)
        let psp = try #require(plan.experiments.last)
        #expect(psp.attacks.allSatisfy { if case .partition(_, _, "psp", "api.payments-provider.example") = $0 { true } else { false } })
        for file in ChaosMeshWriter.files(plan) + LitmusWriter.files(plan) {
            for document in try YAMLParser.parseStream(file.text, file: file.name).get() {
                #expect(schema.problems(document) == [], "\(file.name)")
            }
        }
    }

    /// Scenario names that reduce to the same object name get distinct files and objects.
    @Test func clashingNamesAreNumbered() throws {
        let text = Self.model.replacingOccurrences(of: "  db-lost: {down: [db]}", with: "  db-lost: {down: [db]}\n  DB__Lost: {down: [db]}")
        let model = try ModelLoader.load(text: text, file: "shop.yaml")
        let files = LitmusWriter.files(Self.plan(model))
        #expect(files.map(\.name) == ["zone-a-lost.yaml", "db-lost.yaml", "db-lost-2.yaml", "psp-lost.yaml", "nothing-mapped.yaml"])
        #expect(files.allSatisfy { !$0.name.contains("/") && !$0.name.hasPrefix(".") })
    }

    @Test(arguments: [
        ("{labels: {app: web}, host: a.example}", "gives both 'labels' and 'host'"),
        ("{namespace: Shop, labels: {app: web}}", "must be a Kubernetes namespace name"),
        ("{labels: {\"-bad\": web}}", "is not a Kubernetes label key"),
        ("{labels: {app: \"bad value\"}}", "is not a Kubernetes label value"),
        ("{namespace: shop}", "selects nothing"),
        ("{host: \"a b\"}", "must be a host name or address"),
        ("{labels: [app]}", "must be a mapping of label to value"),
        ("{lables: {app: web}}", "lables"),
    ])
    func badSelectorsAreLocated(_ selector: String, _ message: String) {
        let text = "version: 1\nsystem: s\ncomponents:\n  web:\n    availability: 99.9%\n    selector: \(selector)\n"
        #expect {
            try ModelLoader.load(text: text, file: "s.yaml")
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.contains { $0.message.contains(message) && $0.location?.line == 6 }
        }
    }
}
