import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// Objectives across teams' models: a component that stands for another model's objective
/// (`from: PATH#OBJECTIVE`) or a declared one (`slo:`), the ceiling those promises allow an
/// objective, `check` failing at the target's line when a service promises more, and `from:`
/// paths kept inside the repository.
@Suite struct TeamObjectiveTests {
    /// A repository in a temporary folder (a `.git` folder marks its root) holding `files`.
    static func repository(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nines-teams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static let payments = """
        version: 1
        system: Payments
        components:
          gateway: { availability: 99.95% }
        objectives:
          checkout: { at: gateway, target: 99.9% }
        """

    static func shop(_ components: String, target: String = "99.95%") -> String {
        """
        version: 1
        system: Shop
        components:
          web: { availability: 99.99%, replicas: 2, depends_on: [\(components)] }
          payments: { from: ../payments/nines.yaml#checkout }
          identity: { slo: 99.95% }
          pay-a: { from: ../payments/nines.yaml#checkout }
          pay-b: { from: ../payments/nines.yaml#checkout }
        objectives:
          storefront:
            at: web
            target: \(target)
        """
    }

    static func load(_ root: URL, _ path: String) throws -> SLAPrediction {
        let model = try ModelLoader.load(files: [root.appendingPathComponent(path).path])
        return SLAPrediction(model)
    }

    /// In series, the promises multiply: 99.9 % × 99.95 % = 99.85005 %, Q = 0.001 + 0.0005 −
    /// 0.001 × 0.0005 = 0.0014995. Over two independent providers each promising 99.9 %, the
    /// redundancy allows 1 − 0.001² = 99.9999 %, where taking the minimum would say 99.9 %.
    @Test func theCeilingComposesThePromisesThroughTheStructure() throws {
        let root = try Self.repository(["payments/nines.yaml": Self.payments, "shop/nines.yaml": Self.shop("payments, identity"),
                                        "shop/redundant.yaml": Self.shop("{any: [pay-a, pay-b]}")])
        defer { try? FileManager.default.removeItem(at: root) }
        let series = try Self.load(root, "shop/nines.yaml")
        #expect(series.model.components.first { $0.name == "payments" }?.figures.probability.down == 0.001)
        let ceiling = try #require(series.objectives[0].ceiling)
        #expect(abs(ceiling.ceiling.down - 0.0014995) < 1e-15)
        #expect(ceiling.promised.map(\.component) == ["payments", "identity"])
        #expect(ceiling.exceeded(by: Probability(availability: 0.9995)))
        #expect(!ceiling.exceeded(by: Probability(availability: 0.998)))
        let redundant = try #require(try Self.load(root, "shop/redundant.yaml").objectives[0].ceiling)
        #expect(abs(redundant.ceiling.down - 1e-6) < 1e-15)
        #expect(!redundant.exceeded(by: Probability(availability: 0.9995)))
    }

    /// Done when: a service naming a dependency's 99.9 % objective cannot promise more, and
    /// `check` says so at the line of its target.
    @Test func checkFailsAtTheTargetThatPromisesMoreThanTheDependencies() throws {
        let run = try NinesExecutable.run(["check", "Tests/NinesKitTests/Fixtures/teams/shop/nines.yaml", "--format", "github"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=Tests/NinesKitTests/Fixtures/teams/shop/nines.yaml,line=10,col=5,"
                                    + "title=nines objective-ceiling%3A storefront/ceiling::storefront: promises 99.95%25, more than the 99.850%25 "
                                    + "its dependencies' objectives allow (payments 99.9%25 from ../payments/nines.yaml#checkout; "
                                    + "identity 99.95%25 from its declared 'slo')"))
        let report = try NinesExecutable.run(["report", "Tests/NinesKitTests/Fixtures/teams/shop/nines.yaml"])
        #expect(report.stdout.contains("ceiling: the 99.850% its dependencies' objectives allow"))
        let root = try Self.repository(["payments/nines.yaml": Self.payments, "shop/nines.yaml": Self.shop("payments", target: "99.9%")])
        defer { try? FileManager.default.removeItem(at: root) }
        let exactly = try NinesExecutable.run(["check", root.appendingPathComponent("shop/nines.yaml").path])
        // Promising exactly the dependency's 99.9 % is within the ceiling (web's own downtime fails the target).
        #expect(exactly.stdout.contains("PASS  storefront: promises 99.9%, no more than the 99.9000% its dependencies' objectives allow"))
    }

    @Test func fromStaysInsideTheRepositoryAndFollowsNoLink() throws {
        let root = try Self.repository(["payments/nines.yaml": Self.payments, "outside.yaml": Self.payments])
        defer { try? FileManager.default.removeItem(at: root) }
        // The repository is the nearest folder with .git: `repo/` inside the temporary root.
        let repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("payments"), to: repo.appendingPathComponent("payments"))
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("linked.yaml").path,
                                                   withDestinationPath: repo.appendingPathComponent("payments/nines.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("linked-folder").path,
                                                   withDestinationPath: repo.appendingPathComponent("payments").path)
        let model = """
            version: 1
            system: Shop
            components:
              web: { availability: 99.99%, depends_on: [a, b, c, d, e] }
              a: { from: ../../outside.yaml#checkout }
              b: { from: ../linked.yaml#checkout }
              c: { from: ../linked-folder/nines.yaml#checkout }
              d: { from: ../payments/missing.yaml#checkout }
              e: { from: ../payments/nines.yaml#checkout }
            objectives:
              storefront: { at: web }
            """
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("shop"), withIntermediateDirectories: true)
        let file = repo.appendingPathComponent("shop/nines.yaml").path
        try model.write(toFile: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticError.self) { try ModelLoader.load(files: [file]) }
        #expect(error.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" } == [
            "5: 'from' of component 'a': '../../outside.yaml' leads out of the repository",
            "6: 'from' of component 'b': '../linked.yaml' goes through a symbolic link",
            "7: 'from' of component 'c': '../linked-folder/nines.yaml' goes through a symbolic link",
            "8: 'from' of component 'd': '../payments/missing.yaml' does not exist",
        ])
    }

    @Test func refusedReferencesAreLocatedErrors() throws {
        let run = try NinesExecutable.run(["check", "Tests/NinesKitTests/Fixtures/teams/shop/hostile.yaml"])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map { String($0.dropFirst("Tests/NinesKitTests/Fixtures/teams/shop/".count)) }
        #expect(lines == [
            "hostile.yaml:5:14: error: 'from' of component 'a': '../../../../../../../../../../etc/passwd' leads out of the repository",
            "hostile.yaml:6:14: error: 'from' of component 'b': '/etc/passwd' is an absolute path",
            "hostile.yaml:7:14: error: 'from' of component 'c': '../payments/nines.yaml' has no objective 'chekout'; did you mean 'checkout'?",
            "hostile.yaml:8:14: error: 'from' of component 'd': objective 'refunds' of '../payments/nines.yaml' has no 'target' to depend on",
            "hostile.yaml:9:14: error: 'from' of component 'e' must be PATH#OBJECTIVE, e.g. '../payments/nines.yaml#checkout', found 'nines.yaml'",
            "hostile.yaml:10:14: error: 'from' of component 'f': 'hostile.yaml' leads back to a model that names it: a cycle",
        ])
    }
}
