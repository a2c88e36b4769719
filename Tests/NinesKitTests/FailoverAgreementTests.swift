import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// One meaning of failover (and of exclusions and masking) in both engines: on every bundled model
/// and on each failover form, every objective's exact availability lies inside the simulated
/// interval (99.9%: 3.29 standard errors), the simulated outage frequency is within 5% of the
/// exact one and the exact one inside the simulated outage interval (99.9%), in the full view and
/// in the SLA view. Fixed seeds.
@Suite struct FailoverAgreementTests {
    /// Checks every objective of `model` in both views; `periods` must give each enough outages
    /// (a few thousand) for the 5% frequency check to be about the model, not about chance.
    static func expectAgreement(_ model: SystemModel, periods: Int, seed: UInt64 = 3, label: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try simulatedReport(model, SimulationSettings(periods: periods, seed: seed, threads: 2))
        let full = AvailabilityAnalysis(model)
        let excluded = Set(model.components.filter { !$0.responsibility.countsAgainstSLA }.map(\.name))
        let sla = AvailabilityAnalysis(model, treatingAsPerfect: excluded)
        for (index, objective) in report.allComponents.enumerated() {
            for (name, simulated, exact) in [("full", objective, full.objective(index)), ("SLA", report.sla[index], sla.objective(index))] {
                let half = SimulationTests.wideHalfWidth(simulated)
                #expect(abs(simulated.availability - exact.probability.up) <= max(half, 1e-12),
                        "\(label) \(objective.name) (\(name)): simulated \(simulated.availability) ± \(half), exact \(exact.probability.up)",
                        sourceLocation: sourceLocation)
                let exactPerPeriod = try #require(exact.frequency) * objective.periodHours
                let simulatedPerPeriod = simulated.outagesPerPeriod
                #expect(abs(simulatedPerPeriod - exactPerPeriod) <= 0.05 * exactPerPeriod,
                        "\(label) \(objective.name) (\(name)): \(simulatedPerPeriod) outages per \(objective.period) simulated, \(exactPerPeriod) exact",
                        sourceLocation: sourceLocation)
                try OutageCountAgreementTests.expectInside(exact: try #require(simulated.exactOutagesPerYear),
                                                           low: simulated.outagesPerYearLow, high: simulated.outagesPerYearHigh,
                                                           what: "outages per year", label: "\(label) \(objective.name) (\(name))",
                                                           sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: GoldenFiles.models)
    func bundledModel(_ name: String) throws {
        let file = GoldenFiles.root.appendingPathComponent("models/\(name).yaml").path
        let model = try ModelLoader.load(files: [file])
        try Self.expectAgreement(model, periods: 6000, label: name)
    }

    /// A service (never failing itself) on a database with the given replicas and failover, and a
    /// customer-owned dependency that only the full view counts.
    static func service(replicas: Int, needs: Int, failover: String, commonCause: String = "0") throws -> SystemModel {
        try ModelLoader.load(text: """
            version: 1
            system: failover form
            components:
              db:
                mtbf: 100h
                mttr: 1h
                replicas: \(replicas)
                needs: \(needs)
                common_cause: \(commonCause)
                failover: \(failover)
              sso: { mtbf: 300h, mttr: 30m, responsibility: customer }
              api: { availability: 100%, depends_on: [db, sso] }
            objectives:
              front: { at: api, target: 99.9% }
              store: { measure: reliability, path: [db] }
            """, file: "form.yaml")
    }

    @Test(arguments: [
        ("one replica, standby not listed", 1, 1, "{ mode: active-passive, detect: 30s, switch: 90s, figures: instance }", "0"),
        ("one replica, delivered figure", 1, 1, "{ mode: active-passive, detect: 30s, switch: 90s }", "0"),
        ("one replica, switch fails 10%", 1, 1, "{ mode: active-passive, detect: 30s, switch: 90s, success: 90%, figures: instance }", "0"),
        ("two needed of two, common cause", 2, 2, "{ mode: active-passive, detect: 1m, switch: 2m, success: 95%, figures: instance }", "10%"),
        ("listed standby", 2, 1, "{ mode: active-passive, detect: 5m, switch: 10m }", "0"),
        ("listed standby, switch fails 20%", 3, 2, "{ mode: active-passive, detect: 5m, switch: 10m, success: 80% }", "0"),
        ("active-active", 2, 1, "{ mode: active-active, detect: 30s, switch: 30s }", "0"),
    ])
    func failoverForm(_ label: String, replicas: Int, needs: Int, failover: String, commonCause: String) throws {
        try Self.expectAgreement(try Self.service(replicas: replicas, needs: needs, failover: failover, commonCause: commonCause),
                                 periods: 2400, label: label)
    }

    /// Issue 11's example: one replica, MTBF 2000 h, MTTR 1 h, 10 s + 30 s, the figures one
    /// instance's (`figures: instance`). Each failure costs the switchover only: 4.38 outages a
    /// year of 40 s, not 8.76 of 30 min.
    @Test func managedDatabaseCountsEachFailureOnce() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: managed database
            components:
              db: { mtbf: 2000h, mttr: 1h, failover: { mode: active-passive, detect: 10s, switch: 30s, figures: instance } }
            objectives:
              up: { at: db }
            """, file: "db.yaml")
        let figures = AvailabilityAnalysis(model).objective(0)
        let perYear = try #require(figures.frequency) * 8760
        #expect(abs(perYear - 8760.0 / 2000) < 1e-3)
        #expect(abs(try #require(figures.meanDownTime) - 40.0 / 3600) < 1e-9)
    }

    /// Issue 22, item 10: a provider's published figure is the service as delivered, its own
    /// failover included (the default, `figures: service`): RDS Multi-AZ at 99.95 % with a 1 h
    /// repair stays 99.95 % — 21.9 min a month (0.0005 × 730.5 h × 60), 4.38 outages a year of
    /// 1 h — and its detect + switch is only the recovery time, not a hidden standby.
    @Test func providerFigureIsTheServiceAsDelivered() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: managed database
            calendar: { year: 365.25d, month: year/12 }
            components:
              db: { availability: 99.95%, mttr: 1h, responsibility: provider, failover: { detect: 30s, switch: 90s } }
            objectives:
              up: { at: db }
            """, file: "db.yaml")
        let figures = AvailabilityAnalysis(model).objective(0)
        #expect(abs(figures.probability.down - 0.0005) < 1e-15)
        let outagesPerHour: Double = try #require(figures.frequency)   // p·λ = 0.9995 · 0.0005 / (0.9995 · 1 h)
        #expect(abs(outagesPerHour - 0.0005) < 1e-12)
        #expect(abs((RecoveryFigures(model.components[0]).rto ?? 0) - 2.0 / 60) < 1e-15)
        try Self.expectAgreement(model, periods: 20000, label: "delivered figure")
    }
}
