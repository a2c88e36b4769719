import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

@Suite struct FMEARankingTests {
    let loaded: LoadedWorksheet
    let analysis: AvailabilityAnalysis

    init() throws {
        loaded = try FMEAFixtures.loadShop()
        analysis = AvailabilityAnalysis(loaded.model)
    }

    @Test func priorityOrderIsAPThenRPNThenSeverityThenID() {
        let ranking = RiskRanking(scoring: .standard)
        let ids = ranking.rank(loaded.worksheet.failureModes).map(\.mode.id)
        #expect(ids == ["db-2", "front-2", "db-1", "prov-1", "front-1"])
        // Input order never matters: the order is total.
        let modes = loaded.worksheet.failureModes
        for shift in 0..<modes.count {
            let rotated = Array(modes[shift...] + modes[..<shift])
            #expect(ranking.rank(rotated).map(\.mode.id) == ids)
            #expect(ranking.rank(rotated.reversed()).map(\.mode.id) == ids)
        }
    }

    @Test func tiesFallBackToSeverityThenID() {
        func mode(_ id: String, _ s: Int, _ o: Int, _ d: Int) -> FailureMode {
            var m = FailureMode(id: id, component: "db", layer: "storage", mode: "x")
            (m.severity, m.occurrence, m.detection) = (s, o, d)
            return m
        }
        // All H with RPN 360: severity 10 before 9, then the id.
        let modes = [mode("d", 9, 10, 4), mode("c", 10, 9, 4), mode("a", 9, 8, 5), mode("b", 10, 9, 4)]
        let ids = RiskRanking(scoring: .standard).rank(modes).map(\.mode.id)
        #expect(ids == ["b", "c", "a", "d"])
    }

    @Test func filters() {
        let ranking = RiskRanking(scoring: .standard)
        let modes = loaded.worksheet.failureModes
        #expect(ranking.rank(modes, filter: .init(openOnly: true)).map(\.mode.id) == ["db-2", "db-1", "front-1"])
        #expect(ranking.rank(modes, filter: .init(owner: "ops")).map(\.mode.id) == ["front-2", "prov-1"])
        #expect(ranking.rank(modes, filter: .init(layer: "storage")).map(\.mode.id) == ["db-2", "db-1"])
        #expect(ranking.rank(modes, filter: .init(component: "front")).map(\.mode.id) == ["front-2", "front-1"])
    }

    /// Hand computation: db-1 strikes 2/y for 30 min, so its odds are r = (2/8760)·0.5 = 1/8760
    /// and q = r/(1+r) = 1/8761; db is in series under the objective's front door, so its Birnbaum
    /// importance is A_front·A_provider.
    @Test func downtimeAndBudgetShareByHand() throws {
        let impacts = FailureModeImpact.compute(loaded.worksheet, analysis: analysis)
        #expect(impacts.keys.sorted() == ["db-1", "db-2"])
        let db1 = try #require(impacts["db-1"])
        let q = 1.0 / 8761
        #expect(abs(db1.unavailability.down - q) <= 1e-15 * q)
        #expect(abs(db1.componentDowntimeHours - 720 * q) <= 1e-12)
        let aFront = 720.0 / (720 + 10.0 / 60)
        let slope = aFront * 0.999
        let cost = try #require(db1.objectives.first)
        #expect(cost.objective == "checkout")
        #expect(abs(cost.downtimeHours - slope * q * 720) <= 1e-12)
        #expect(abs(cost.budgetShare! - slope * q * 720 / 0.72) <= 1e-12)
        #expect(abs(db1.visibleDowntimeHours - slope * q * 720) <= 1e-12)
        // MIL-STD-1629A: β = 0.5, λ = 2/8760 per hour, t = 720 h.
        #expect(abs(db1.criticality - 0.5 * 2 / 8760 * 720) <= 1e-15)
        // db-2 is 'until-repaired': the model's MTTR of 1 h.
        #expect(impacts["db-2"]!.outageHours == 1)
        let perComponent = FailureModeImpact.componentUnavailability(loaded.worksheet, impacts: impacts)
        #expect(perComponent.map(\.component) == ["db"])
        let expected = q + (1 - q) * q
        #expect(abs(perComponent[0].probability.down - expected) <= 1e-15 * expected)
    }

    /// Unavailability-first: a mode of 1 second a year keeps its digits.
    @Test func tinyUnavailabilityKeepsPrecision() throws {
        var mode = FailureMode(id: "t", component: "db", layer: "storage", mode: "blip")
        mode.rate = Stated(text: "1/y", value: 1 / 8760)
        mode.outage = .duration(Stated(text: "1s", value: 1 / 3600))
        let impacts = FailureModeImpact.compute(FMEAWorksheet(failureModes: [mode]), analysis: analysis)
        let r = 1 / 8760.0 / 3600
        #expect(abs(impacts["t"]!.unavailability.down - r / (1 + r)) <= 1e-15 * r)
    }

    /// A component no objective depends on is still costed on the whole system: slope A_a.
    @Test func componentOffEveryObjectiveCountsOnTheSystem() throws {
        let loaded = try WorksheetLoader.load(text: """
        version: 1
        system: two roots
        components:
          a: {layer: software, availability: 99.9%}
          c: {layer: software, availability: 99%, mttr: 1h}
        objectives:
          front: {at: a, target: 99%}
        failure_modes:
          - {id: c-1, component: c, failure_mode: crash, rate: 1/y, outage: until-repaired}
        """, file: "two.yaml")
        let impact = try #require(FailureModeImpact.compute(loaded.worksheet, analysis: AvailabilityAnalysis(loaded.model))["c-1"])
        #expect(impact.objectives.isEmpty)
        let q = (1 / 8760.0) / (1 + 1 / 8760.0)
        #expect(abs(impact.visibleDowntimeHours - 0.999 * q * 720) <= 1e-12)
    }

    @Test func downtimeOrder() {
        let impacts = FailureModeImpact.compute(loaded.worksheet, analysis: analysis)
        let ids = RiskRanking(scoring: .standard).rank(loaded.worksheet.failureModes, impacts: impacts, by: .downtime).map(\.mode.id)
        #expect(ids == ["db-2", "db-1", "front-2", "prov-1", "front-1"])
    }

    @Test func reportCarriesBeforeAfterAndReduction() throws {
        let report = RiskReportBuilder.report(loaded.worksheet, analysis: analysis)
        let db1 = try #require(report.risks.first { $0.id == "db-1" })
        #expect(db1.rpn == 192 && db1.priority == "M")
        #expect(db1.rpnAfter == 48 && db1.priorityAfter == "L" && db1.rpnReduction == 144)
        #expect(report.risks.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(report.components.map(\.component) == ["db"])
    }

    @Test func availabilityReportGainsRankedRisks() throws {
        let report = ReportBuilder.availabilityReport(analysis, worksheet: loaded.worksheet, topRisks: 2)
        #expect(report.risks?.risks.map(\.id) == ["db-2", "front-2"])
        let text = TextReportRenderer().render(report)
        #expect(text.contains("ranked risks (2 of 5 failure modes; downtime per month)"))
        #expect(JSONReportRenderer.render(report).contains("\"risks\""))
        let without = ReportBuilder.availabilityReport(analysis)
        #expect(without.risks == nil)
        #expect(!JSONReportRenderer.render(without).contains("\"risks\""))
    }

    @Test func renderersAgreeOnOrder() {
        let report = RiskReportBuilder.report(loaded.worksheet, analysis: analysis)
        let csvIDs = RiskCSVRenderer().render(report).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[6] }
        #expect(csvIDs == ["db-2", "front-2", "db-1", "prov-1", "front-1"])
        let markdown = RiskMarkdownRenderer().render(report)
        #expect(markdown.contains("| 1 | H | 126 | 9 | 2 | 7 | `db-2` |"))
        let text = RiskTextRenderer().render(report)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
