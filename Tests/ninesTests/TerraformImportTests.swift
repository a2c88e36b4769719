import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `nines import terraform`: a `terraform show -json` fixture imports with catalogue figures whose
/// sources the model lists, and the model loads, reports and diffs like a hand-written one.
@Suite struct TerraformImportTests {
    static let fixture = "terraform/shop-state.json"

    static func imported() throws -> (result: TerraformImport.Result, model: SystemModel) {
        let result = try TerraformImport.convert(try Fixtures.text(fixture), file: "shop-state.json")
        return (result, try ModelLoader.load(text: result.yaml, file: "imported.yaml"))
    }

    @Test func fixtureImportsWithListedCatalogueSources() throws {
        let (result, model) = try Self.imported()
        #expect(result.resources.count == 9)   // child modules included, the data source left out
        #expect(result.skipped == ["aws_iam_role.web"])
        let figures = Dictionary(uniqueKeysWithValues: model.components.map { ($0.name, $0) })
        // RDS SLA (https://aws.amazon.com/rds/sla/, 22 January 2024): Multi-AZ 99.95 %, Single-DB 99.5 %.
        #expect(figures["orders"]?.figures.probability.down == 0.0005)
        #expect(figures["orders-replica"]?.figures.probability.down == 0.005)
        #expect(figures["web"]?.replicas == 3 && figures["web"]?.needs == 1)   // min_size 3
        #expect(figures["orders"]?.data?.replication == .sync)
        #expect(figures["aws-sqs-queue-orders"] != nil)   // 'orders' was taken by the database
        for entry in ["aws/rds-multi-az", "aws/elb", "gcp/cloud-sql-ha", "azure/sql-database-zone-redundant"] {
            let source = try #require(ProviderCatalogue.bundled.entry(entry)?.source)
            #expect(result.yaml.contains("#   \(entry): ") && result.yaml.contains(source), "\(entry)")
        }
    }

    /// Nothing depends on anything (the state does not say), so the system needs every component:
    /// by hand A = 0.9995 · 0.995 · 0.9999 · (1 − 0.005³) · 0.999 · 0.999 · 1 · 0.9995 · 0.99995.
    @Test func reportsTheProductOfItsCatalogueFigures() throws {
        let (_, model) = try Self.imported()
        let factors: [Double] = [0.9995, 0.995, 0.9999, 1 - pow(0.005, 3), 0.999, 0.999, 1, 0.9995, 0.99995]
        let expected = factors.reduce(1, *)
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        let system = try #require(report.figures.first { $0.kind == .system })
        #expect(abs(system.availability - expected) < 1e-12)
    }

    /// A re-import after Multi-AZ is switched off diffs like a hand-written change.
    @Test func reimportDiffs() throws {
        let (_, before) = try Self.imported()
        let changed = try Fixtures.text(Self.fixture).replacingOccurrences(of: "\"multi_az\": true", with: "\"multi_az\": false")
        let after = try ModelLoader.load(text: try TerraformImport.convert(changed, file: "shop-state.json").yaml, file: "after.yaml")
        let diff = DiffReportBuilder.diffReport(ModelComparison(old: before, new: after), old: "before", new: "after")
        #expect(diff.components.map(\.name) == ["orders"])
    }

    @Test func refusesWhatIsNoState() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        for text in [deep, "{\"values\": {}}", "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {}}}", "not json"] {
            let error = try #require(throws: DiagnosticError.self) { try TerraformImport.convert(text, file: "s.json") }
            #expect(error.diagnostics.first?.location?.file == "s.json")
        }
    }
}

@Suite struct TerraformImportCommandTests {
    @Test func importsTheFixtureAndListsWhatItSkips() throws {
        let run = try NinesExecutable.run(["import", "terraform", "Tests/NinesKitTests/Fixtures/terraform/shop-state.json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("availability: catalogue:aws/rds-multi-az"))
        #expect(run.stderr.contains("skipped aws_iam_role.web (type not modelled)"))
    }

    @Test func aModelIsNoStateAndExitsTwo() throws {
        let run = try NinesExecutable.run(["import", "terraform", "models/two-tier-service.yaml"])
        #expect(run.status == 2)
    }
}
