import Foundation
import Testing
@testable import NinesKit

/// Hand-derived values for every SLA formula: budgets, failover, masking, RPO/RTO, allowed recovery.
@Suite struct SLAFormulaTests {
    static func model(_ yaml: String) throws -> SystemModel {
        try ModelLoader.load(text: "version: 1\nsystem: t\n" + yaml, file: "t.yaml")
    }

    static func near(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
        abs(a - b) <= relative * max(abs(a), abs(b))
    }

    /// 99.95% over each period, in both month rules and both year lengths (budget = 0.0005 × period).
    @Test(arguments: [
        ("month", 365.0, "30d", 21.6),          // 0.0005 × 720 h
        ("month", 365.0, "year/12", 21.9),      // 0.0005 × 730 h
        ("month", 365.25, "year/12", 21.915),   // 0.0005 × 730.5 h
        ("quarter", 365.0, "30d", 64.8),        // 0.0005 × 2160 h
        ("quarter", 365.25, "year/12", 65.745), // 0.0005 × 2191.5 h
        ("year", 365.0, "30d", 262.8),          // 0.0005 × 8760 h = 4.38 h
        ("year", 365.25, "30d", 262.98),        // 0.0005 × 8766 h
        ("week", 365.0, "30d", 5.04),
        ("day", 365.0, "30d", 0.72),
        ("28d", 365.0, "30d", 20.16),
        ("30d", 365.25, "year/12", 21.6),       // a rolling 30 days ignores the month rule
    ])
    func errorBudgetPerPeriod(period: String, yearDays: Double, month: String, minutes: Double) throws {
        var system = try Self.model("""
            components: { api: { availability: 99.99% } }
            objectives: { front: { at: api, target: 99.95%, period: \(period) } }
            """)
        system.calendar = CalendarConvention(yearDays: yearDays, month: .init(rawValue: month)!)
        let prediction = try #require(SLAPrediction(system).objectives.first)
        #expect(Self.near(try #require(prediction.budgetHours) * 60, minutes, relative: 1e-12))
        // Predicted 0.0001 of the period, margin 0.0004 of it (80% of the budget).
        #expect(Self.near(prediction.downtimeHours * 60, minutes / 5, relative: 1e-9))
        #expect(Self.near(try #require(prediction.marginHours) * 60, minutes * 4 / 5, relative: 1e-9))
        #expect(Self.near(try #require(prediction.marginShare), 0.8, relative: 1e-9))
    }

    @Test func holdsWithAndWithoutMargin() throws {
        let system = try Self.model("""
            components: { api: { availability: 99.99% } }
            objectives: { front: { at: api, target: 99.95% }, tight: { at: api, target: 99.995%, kind: sla } }
            """)
        let prediction = SLAPrediction(system)
        #expect(prediction.objectives[0].holds() == true)
        #expect(prediction.objectives[0].holds(minMargin: 0.75) == true)    // 1e-4 ≤ 5e-4 × 0.25
        #expect(prediction.objectives[0].holds(minMargin: 0.85) == false)   // 1e-4 > 5e-4 × 0.15
        #expect(prediction.objectives[1].holds() == false)
        #expect(prediction.objectives[1].objective.kind == .sla)
        #expect(try #require(prediction.objectives[1].marginHours) < 0)
    }

    /// λ = 1/1000 h, detect 30 s + switch 90 s = 2 min per failover. The active fails while the
    /// standby is up at λ·p² ≈ 0.7186 times a month, costing ≈ 1.437 min/month on top of both replicas
    /// being down (q² with q = 1/1001).
    @Test func failoverAddsFailuresTimesSwitchTime() throws {
        let system = try Self.model("""
            components:
              db: { mtbf: 1000h, mttr: 1h, replicas: 2, failover: { detect: 30s, switch: 90s } }
            objectives: { data: { at: db, target: 99.99% } }
            """)
        let prediction = try #require(SLAPrediction(system).objectives.first)
        let q = 1.0 / 1001, p = 1000.0 / 1001
        let bothDown = q * q
        let switches = (1.0 / 1000) * p * p                   // λ·P(standby up too)
        let odds = switches * (2.0 / 60)                      // switches per hour × d
        let expected = bothDown + (1 - bothDown) * odds / (1 + odds)
        #expect(Self.near(prediction.figure.probability.down, expected, relative: 1e-12))
        let addedMinutes = (prediction.figure.probability.down - bothDown) * 720 * 60
        #expect(abs(addedMinutes - 0.72 * p * p * 2) < 1.44 * 1e-4)   // first order: failovers × 2 min
        let effective = EffectiveAvailability(system.components[0])
        #expect(Self.near(try #require(effective.downtimePerFailover), 2.0 / 60))
        #expect(Self.near(try #require(effective.failoversPerHour), switches / (1 + odds)))
        // Frequency of the series: both-down outages plus failovers, each weighted by the other being up.
        let bothDownRate = 2 * p * q * (1.0 / 1000)
        #expect(Self.near(try #require(effective.effective.frequency), bothDownRate / (1 + odds) + switches / (1 + odds) * (1 - bothDown),
                          relative: 1e-12))
    }

    /// One instance whose standby the model does not list (n = k = 1): every failure switches, and
    /// the failed instance is repaired in the background, so its repair is no outage: the figure is
    /// the switchover block alone, odds λ·d, and λ/(1 + λd) outages per hour.
    @Test func failoverOfASingleInstanceSwitchesOnEveryFailure() throws {
        let system = try Self.model("""
            components: { db: { mtbf: 1000h, mttr: 1h, failover: { detect: 30s, switch: 90s, figures: instance } } }
            """)
        let effective = EffectiveAvailability(system.components[0])
        let odds = (1.0 / 1000) * (2.0 / 60)
        #expect(Self.near(effective.effective.probability.down, odds / (1 + odds), relative: 1e-12))
        #expect(Self.near(try #require(effective.effective.frequency), (1.0 / 1000) / (1 + odds), relative: 1e-12))
    }

    /// A failed switch (probability 10%) costs the 1 h repair: d = 0.9 × 2 min + 0.1 × 60 min = 7.8 min.
    @Test func failedSwitchCostsTheRepairTime() throws {
        let system = try Self.model("""
            components:
              db: { mtbf: 1000h, mttr: 1h, replicas: 2, failover: { detect: 30s, switch: 90s, success: 90% } }
            """)
        let effective = EffectiveAvailability(system.components[0])
        #expect(Self.near(try #require(effective.downtimePerFailover), 7.8 / 60, relative: 1e-12))
        let recovery = RecoveryFigures(system.components[0])
        #expect(recovery.rto == 1)
        #expect(recovery.rtoBasis == .failedSwitch)
    }

    @Test func failoverWithoutRateIsANoteNotASilentZero() throws {
        let system = try Self.model("""
            components: { db: { availability: 99.95%, failover: { detect: 30s, switch: 60s, figures: instance } } }
            """)
        let effective = EffectiveAvailability(system.components[0])
        #expect(effective.effective == effective.own)
        #expect(effective.notes.count == 1)
        #expect(SLAPrediction(system).notes.map(\.component.name) == ["db"])
    }

    /// Daily backups taking 1 h: worst RPO 25 h, mean 13 h; async lag 5 s; sync 0.
    @Test func recoveryPointObjectives() throws {
        let system = try Self.model("""
            components:
              daily:  { availability: 99.9%, mttr: 2h, data: { backup_every: 24h, backup_duration: 1h, restore: 3h } }
              async:  { availability: 99.9%, mttr: 2h, data: { replication: async, lag: 5s, backup_every: 24h, restore: 3h } }
              sync:   { availability: 99.9%, mttr: 2h, data: { replication: sync } }
              bare:   { availability: 99.9%, data: { restore: 1h } }
              stateless: { availability: 99.9% }
            """)
        let figures = system.components.map(RecoveryFigures.init)
        #expect(figures[0].rpo == 25)
        #expect(figures[0].meanRPO == 13)
        #expect(figures[0].rpoBasis == .backups)
        #expect(figures[0].rto == 3)                 // restore 3 h beats the 2 h repair
        #expect(figures[0].rtoBasis == .restore)
        #expect(figures[1].rpo == 5.0 / 3600)
        #expect(figures[1].rpoBasis == .asyncReplication)
        #expect(figures[1].rto == 2)                 // a replica exists: no restore, the repair time
        #expect(figures[2].rpo == 0)
        #expect(figures[3].unprotected && figures[3].rpo == nil)
        #expect(figures[3].rto == 1)
        #expect(figures[4].rpo == nil && figures[4].rto == nil && !figures[4].unprotected)
    }

    /// RPO over the whole closure; RTO over the single points of failure only.
    @Test func objectiveRecoveryChecks() throws {
        let system = try Self.model("""
            components:
              db:   { mtbf: 2000h, mttr: 4h, data: { backup_every: 24h, restore: 2h }, failover: { detect: 1m, switch: 2m } }
              n1:   { mtbf: 1000h, mttr: 8h }
              n2:   { mtbf: 1000h, mttr: 8h }
              api:  { mtbf: 1000h, mttr: 10m, depends_on: [db, { any: [n1, n2] }] }
            objectives:
              ok:   { at: api, rto: 2h, rpo: 1d }
              bad:  { at: api, rto: 1h, rpo: 1h }
            """)
        let prediction = SLAPrediction(system)
        let ok = prediction.objectives[0]
        #expect(ok.recovery.singlePoints.map(\.component) == ["db", "api"])
        #expect(ok.recovery.worstRTO?.component == "db")      // restore 2 h; the 8 h repairs of n1/n2 are redundant
        #expect(ok.recovery.worstRTO?.rto == 2)
        #expect(ok.recovery.worstRPO?.rpo == 24)
        #expect(ok.rtoHolds == true && ok.rpoHolds == true)
        #expect(prediction.objectives[1].rtoHolds == false && prediction.objectives[1].rpoHolds == false)
    }

    /// Exponential repair with mean r = 30 min behind a 10 min window: callers see Q·e^(−1/3);
    /// the end-to-end path still counts the full Q.
    @Test func maskingHidesShortOutagesFromAvailabilityOnly() throws {
        let system = try Self.model("""
            components:
              queue: { mtbf: 1000h, mttr: 30m, masked_for: 10m }
              api:   { availability: 100%, depends_on: [queue] }
            objectives:
              accept:   { at: api }
              complete: { path: [api, queue] }
            """)
        let prediction = SLAPrediction(system)
        let q = 0.5 / 1000.5
        #expect(Self.near(prediction.objectives[0].figure.probability.down, q * exp(-1.0 / 3), relative: 1e-12))
        #expect(Self.near(prediction.objectives[1].figure.probability.down, q, relative: 1e-12))
        let effective = EffectiveAvailability(system.components[0])
        #expect(Self.near(try #require(effective.maskedFraction), exp(-1.0 / 3)))
        #expect(Self.near(effective.masked.probability.up + effective.masked.probability.down, 1, relative: 1e-15))
    }

    /// "With 4 failovers a year each must finish in under 13 minutes for 99.99%": (1e-4 × 8760 h) / 4.
    @Test func recoveryTheTargetAllows() throws {
        let system = try Self.model("""
            components: { api: { rate: 4/y, mttr: 10m } }
            objectives: { front: { at: api, target: 99.99%, period: year } }
            """)
        let prediction = try #require(SLAPrediction(system).objectives.first)
        let availability = 1 / (1 + 4.0 / 8760 / 6)               // odds λ·r
        let allowedMinutes = 1e-4 * 8760 / (4 * availability) * 60
        #expect(Self.near(try #require(prediction.allowedRecoveryHours) * 60, allowedMinutes, relative: 1e-12))
        #expect(abs(allowedMinutes - 13.14) < 0.01)
        #expect(Self.near(try #require(prediction.meanRecoveryHours), 1.0 / 6, relative: 1e-12))
        #expect(Self.near(try #require(prediction.outagesPerPeriod), 4 * availability, relative: 1e-12))
    }

    /// A customer-responsible SSO at 99.9% is perfect in the SLA figure; counted, it adds its own
    /// 0.1% (43.2 min/month) in series with an api at 99.99%.
    @Test func customerResponsibleComponentsAreExcludedAndCosted() throws {
        let system = try Self.model("""
            components:
              sso:  { availability: 99.9%, responsibility: customer }
              lan:  { availability: 99%, responsibility: out-of-scope }
              api:  { availability: 99.99%, depends_on: [sso] }
            objectives: { front: { at: api, target: 99.95% } }
            """)
        let prediction = SLAPrediction(system)
        #expect(prediction.excluded == ["sso", "lan"])
        let front = prediction.objectives[0]
        #expect(Self.near(front.figure.probability.down, 1e-4))
        let counted = 1e-4 + 0.9999 * 1e-3
        #expect(Self.near(try #require(front.withExcluded).probability.down, counted, relative: 1e-12))
        #expect(front.excluded.map(\.component) == ["sso"])       // lan is not on this objective
        #expect(Self.near(front.excluded[0].downtimeHours, 0.9999 * 1e-3 * 720, relative: 1e-12))
        #expect(Self.near(try #require(front.excludedDowntimeHours), 0.9999 * 1e-3 * 720, relative: 1e-12))
        #expect(front.holds() == true)
    }

    /// `responsibility: provider` (docs/sla.md): a third party's outages count against our SLA
    /// exactly as our own do: the same figure as `ours`, nothing excluded.
    @Test func providerComponentsCountAgainstTheSLA() throws {
        let text = """
            components:
              gateway: { availability: 99.9%, responsibility: RESPONSIBILITY }
              api:  { availability: 99.99%, depends_on: [gateway] }
            objectives: { front: { at: api, target: 99.95% } }
            """
        let provider = SLAPrediction(try Self.model(text.replacingOccurrences(of: "RESPONSIBILITY", with: "provider")))
        let ours = SLAPrediction(try Self.model(text.replacingOccurrences(of: "RESPONSIBILITY", with: "ours")))
        #expect(provider.excluded.isEmpty && provider.objectives[0].excluded.isEmpty)
        #expect(provider.objectives[0].figure.probability == ours.objectives[0].figure.probability)
        #expect(Self.near(provider.objectives[0].figure.probability.down, 1e-4 + 0.9999 * 1e-3, relative: 1e-12))
        #expect(provider.objectives[0].holds() == false)
    }

    @Test func singlePointsOfFailureOnABridge() throws {
        let system = try Self.model("""
            components:
              a: { availability: 99% }
              b: { availability: 99% }
              c: { availability: 99%, depends_on: [{ any: [a, b] }] }
              d: { availability: 99%, depends_on: [c, { k_of: { k: 2, of: [a, b] } }] }
            objectives: { top: { at: d } }
            """)
        // d needs both a and b (2 of 2), so each is a single point of failure, as are c and d.
        #expect(AvailabilityAnalysis(system).singlePointsOfFailure(objective: 0) == ["a", "b", "c", "d"])
    }
}
