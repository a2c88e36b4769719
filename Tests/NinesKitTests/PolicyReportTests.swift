import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// `nines report` shows the resiliency policies under its SLA prediction (`AvailabilityReport.policies`),
/// with the figures `nines check` judges.
@Suite struct PolicyReportTests {
    static func report(_ path: String) throws -> AvailabilityReport {
        let model = try ModelLoader.load(files: [path])
        return ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
    }

    /// Fixtures/sla/policy-breach.yaml by hand: zone A lost, the database fails over in detect 1 min +
    /// switch 4 min = 5 min > the zone policy's 2 min; async replication loses its 30 s lag > 0 s.
    /// The region policy has no scenario: listed, with no verdict.
    @Test func breachIsShownWithTheFiguresCheckJudges() throws {
        let report = try Self.report(Fixtures.url("sla/policy-breach.yaml").path)
        let policies = try #require(report.policies)
        #expect(policies.map(\.disruptionClass) == ["zone", "region"])
        let zone = policies[0]
        #expect(zone.holds == false)
        let scenario = try #require(zone.scenarios.first)
        #expect(scenario.scenario == "zone-a-lost" && scenario.down == ["zone-a"])
        #expect(abs((scenario.recoveryHours ?? 0) - 5.0 / 60) < 1e-12)
        #expect(scenario.recoveryBasis == "failover" && scenario.recoveryObjective == "front")
        #expect(abs((scenario.dataAtRiskHours ?? 0) - 30.0 / 3600) < 1e-12)
        #expect(scenario.rtoHolds == false && scenario.rpoHolds == false)
        #expect(policies[1].holds == nil && policies[1].scenarios.isEmpty)
        #expect(zone.line == 22)

        let text = TextReportRenderer().render(report)
        #expect(text.contains("zone policy (rto 2 min, rpo 0 s): breached"))
        #expect(text.contains("region policy (rto 1 h): no scenario of its class"))
        let html = HTMLReportRenderer(workingFolder: "/").render(report)
        #expect(html.contains("<section id=\"policies\">") && html.contains("zone-a-lost"))
        let json = try #require(String(data: JSONEncoder().encode(report), encoding: .utf8))
        #expect(json.contains("\"class\":\"zone\""))
    }

    /// The two-tier model's policies hold (docs/scenarios.md): zone A lost recovers in 2 min with no
    /// data lost, the region lost in 4 h with 5 min of writes at risk, the database lost in 1 h.
    @Test func twoTierPoliciesHold() throws {
        let report = try Self.report(GoldenFiles.root.appendingPathComponent("models/two-tier-service.yaml").path)
        let policies = try #require(report.policies)
        #expect(policies.allSatisfy { $0.holds == true })
        let recoveries: [String: Double] = Dictionary(uniqueKeysWithValues: policies.flatMap(\.scenarios).map { ($0.scenario, $0.recoveryHours ?? -1) })
        let expected: [String: Double] = ["zone-a-lost": 2.0 / 60, "region-lost": 4, "database-lost": 1]
        #expect(recoveries.keys.sorted() == expected.keys.sorted())
        for (scenario, hours) in expected { #expect(abs((recoveries[scenario] ?? -1) - hours) < 1e-12, "\(scenario)") }
    }

    /// A model without policies has no `policies` (the JSON field is absent).
    @Test func absentWithoutPolicies() throws {
        let report = try Self.report(GoldenFiles.root.appendingPathComponent("models/devops-job-runner.yaml").path)
        #expect(report.policies == nil)
    }
}
