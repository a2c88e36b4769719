import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `scenarios:` and `nines scenario`: the two-tier model with a zone lost, against a hand
/// computation; recovery and data at risk; located errors.
@Suite struct ScenarioTests {
    static func twoTier() throws -> SystemModel {
        try ModelLoader.load(files: [GoldenFiles.root.appendingPathComponent("models/two-tier-service.yaml").path])
    }

    static func outcomes(_ scenario: String, in model: SystemModel) throws -> [ScenarioOutcome] {
        let chosen = try #require(model.scenarios.first { $0.name == scenario })
        return ScenarioAnalysis(chosen, base: SLAPrediction(model).inScope).outcomes
    }

    /// Hand computation, zone A lost (figures from models/two-tier-service.yaml; rules from docs/sla.md):
    /// - az-a down, so every `any: [az-a, az-b]` needs az-b: A(az-b) = 0.999, counted once although
    ///   cloud-env-1, cloud-env-2 and the database all stand on it.
    /// - api-1: 2 of 3, β = 10 %, unit odds r = MTTR/MTBF = 5 min / 720 h = 1/8640. Independent part odds
    ///   0.9 r, q = 0.9r/(1 + 0.9r); common part A = 1/(1 + 0.1 r). A = A_common · (p³ + 3p²q).
    /// - api-2: 1 of 2, same unit: A = A_common · (1 − q²).
    /// - database: a provider's 99.95 % is the service as delivered, its own failover included
    ///   (docs/sla.md), so A = 0.9995; its failover (detect + switch = 30 s + 90 s = 2 min) is the
    ///   recovery time.
    /// - dns 1, load balancers and compute environments 0.9999 each.
    /// front door = A(api-1) · A(dns) · A(api-1-lb) · A(cloud-env-1) · A(az-b)
    /// persist    = front door · A(api-2-lb) · A(api-2) · A(cloud-env-2) · A(database)   (az-b once)
    /// Recovery: the front door keeps running on zone B (0); persist waits for the database to fail
    /// over: 2 min; synchronous replication loses no data.
    @Test func zoneLostMatchesHandComputation() throws {
        let r = (5.0 / 60) / 720
        let independentQ = 0.9 * r / (1 + 0.9 * r), independentP = 1 / (1 + 0.9 * r)
        let common = 1 / (1 + 0.1 * r)
        let api1 = common * (pow(independentP, 3) + 3 * pow(independentP, 2) * independentQ)
        let api2 = common * (1 - independentQ * independentQ)
        let database = 0.9995
        let frontDoor = api1 * 1 * 0.9999 * 0.9999 * 0.999
        let persist = frontDoor * 0.9999 * api2 * 0.9999 * database

        let outcomes = try Self.outcomes("zone-a-lost", in: Self.twoTier())
        #expect(outcomes.map(\.objective) == ["front-door", "persist"])
        #expect(outcomes.allSatisfy { $0.survives })
        #expect(abs(outcomes[0].figure.probability.down - (1 - frontDoor)) <= 1e-12)
        #expect(abs(outcomes[1].figure.probability.down - (1 - persist)) <= 1e-12)
        #expect(outcomes[0].figure.method == .exact)
        #expect(outcomes[0].recovery.hours == 0)
        #expect(outcomes[0].recovery.basis == .redundancy)
        let failover = try #require(outcomes[1].recovery.hours)
        #expect(abs(failover - 2.0 / 60) <= 1e-12)
        #expect(outcomes[1].recovery.basis == .failover)
        #expect(outcomes[1].recovery.worstDataAtRisk == 0)
        // Zone B carries everything now: a new single point of failure.
        #expect(outcomes[0].exposedSinglePoints == ["az-b"])
        #expect(outcomes[1].singlePointsOfFailure.contains("database"))
    }

    /// Both zones lost: nothing survives; the objectives wait for the zones (MTTR 4 h, longer than the
    /// database's 1 h restore), and the database, cut off from both zones, falls back to its backups:
    /// every 5 min, so up to 5 min of writes are at risk.
    @Test func regionLostTakesEverythingDown() throws {
        let outcomes = try Self.outcomes("region-lost", in: Self.twoTier())
        #expect(outcomes.allSatisfy { !$0.survives && $0.figure.probability.up == 0 })
        #expect(outcomes.allSatisfy { $0.recovery.hours == 4 && $0.recovery.basis == .recovery })
        #expect(outcomes[1].recovery.worstDataAtRisk == 5.0 / 60)
        #expect(outcomes[0].recovery.worstDataAtRisk == nil)
    }

    /// The database lost whole: the front door does not need it (store-and-forward); persist waits for the
    /// 1 h restore and loses up to the 5 min since the last log backup.
    @Test func databaseLostIsRestoredFromBackup() throws {
        let model = try Self.twoTier()
        let outcomes = try Self.outcomes("database-lost", in: model)
        #expect(outcomes[0].survives && outcomes[0].recovery.basis == .unaffected)
        // Unaffected: the figure is the objective's own.
        #expect(outcomes[0].figure.probability == SLAPrediction(model).inScope.objective(0).probability)
        #expect(!outcomes[1].survives)
        #expect(outcomes[1].recovery.hours == 1)
        #expect(outcomes[1].recovery.steps.first?.rtoBasis == .restore)
        #expect(outcomes[1].recovery.worstDataAtRisk == 5.0 / 60)
    }

    @Test func classComesFromWhatIsLostUnlessStated() throws {
        let model = try Self.twoTier()
        let base = SLAPrediction(model).inScope
        let classes = model.scenarios.map { ScenarioAnalysis($0, base: base).disruptionClass }
        #expect(classes == [.zone, .region, .component])
    }

    @Test func unknownComponentInDownIsLocatedWithSuggestion() throws {
        let text = """
        version: 1
        system: s
        components:
          az-a: {layer: physical, availability: 99.9%}
          app: {availability: 99.9%, depends_on: [az-a]}
        scenarios:
          zone-lost: {down: [az-aa]}
          twice: {down: [app, app]}
          empty: {down: []}
          bad-class: {class: zon, down: [app]}
        """
        #expect {
            try ModelLoader.load(text: text, file: "m.yaml")
        } throws: { error in
            let messages = ((error as? DiagnosticError)?.diagnostics ?? []).map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" }
            return messages.contains("7:22: scenario 'zone-lost' takes down unknown component 'az-aa'; did you mean 'az-a'?")
                && messages.contains("8:23: scenario 'twice' lists 'app' twice in 'down'")
                && messages.contains { $0.hasPrefix("9:") && $0.contains("'down' of scenario 'empty' is empty") }
                && messages.contains { $0.hasPrefix("10:") && $0.contains("did you mean 'zone'?") }
        }
    }
}

/// `policies:` judged on the scenarios by `nines check`.
@Suite struct ResiliencyPolicyTests {
    /// Fixtures/sla/policy-breach.yaml: zone A lost, the database fails over in detect 1 min + switch
    /// 4 min = 5 min (> the zone policy's 2 min) and replicates with a 30 s lag (> 0 s): both fail, at
    /// the policy's line (22); the region policy has no scenario: a warning.
    @Test func breachFailsAtThePolicysLine() throws {
        let model = try ModelLoader.load(files: [Fixtures.url("sla/policy-breach.yaml").path])
        let report = CheckReportBuilder.checkReport(SLAPrediction(model))
        let policy = report.results.filter { $0.rule.hasPrefix("policy") }
        #expect(policy.map(\.status) == [.fail, .fail, .warning])
        #expect(policy.prefix(2).allSatisfy { $0.line == 22 && $0.column == 3 })
        #expect(policy[0].message.contains("recovery 5 min") && policy[0].message.contains("rto 2 min"))
        #expect(policy[1].message.contains("data at risk 30 s"))
        #expect(!report.holds)
    }

    /// The two-tier model's policies hold: zone 2 min ≤ 15 min with 0 s ≤ 0 s; region 4 h ≤ 4 h with
    /// 5 min ≤ 15 min; component 1 h ≤ 1 h with 5 min ≤ 5 min.
    @Test func twoTierPoliciesHold() throws {
        let report = CheckReportBuilder.checkReport(SLAPrediction(try ScenarioTests.twoTier()))
        let policy = report.results.filter { $0.rule.hasPrefix("policy") }
        #expect(policy.count == 6)
        #expect(policy.allSatisfy { $0.status == .pass })
    }

    @Test func unknownClassIsLocatedWithSuggestion() throws {
        let text = """
        version: 1
        system: s
        components:
          app: {availability: 99.9%}
        policies:
          zonne: {rto: 1h}
        """
        #expect {
            try ModelLoader.load(text: text, file: "m.yaml")
        } throws: { error in
            ((error as? DiagnosticError)?.diagnostics ?? []).contains { $0.location?.line == 6 && $0.message.contains("did you mean 'zone'?") }
        }
    }
}
