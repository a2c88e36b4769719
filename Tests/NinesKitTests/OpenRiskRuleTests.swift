import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// The FMEA risk rule of `nines check`: open rows at or above a priority fall short.
@Suite struct OpenRiskRuleTests {
    /// The shop worksheet scored by RPN thresholds (H ≥ 200, M ≥ 80) so every priority is hand-derived:
    /// db-1 in progress, RPN 8·4·6 = 192 → M; db-2 open (no status), 9·2·7 = 126 → M; prov-1 accepted
    /// (7·5·2 = 70 → L, not open); front-1 unscored; front-2 done (216 → H, not open).
    static func worksheet() throws -> (SystemModel, FMEAWorksheet) {
        var worksheet = try FMEAFixtures.loadShop().worksheet
        worksheet.scoring = .rpnThresholds(high: 200, medium: 80)
        return (try FMEAFixtures.shopModelValue(), worksheet)
    }

    @Test(arguments: [
        (ActionPriority.high, [String]()),
        (.medium, ["db-1/open-priority", "db-2/open-priority"]),
        (.low, ["db-1/open-priority", "db-2/open-priority"]),
    ])
    func openRowsAtOrAboveTheThresholdFail(threshold: ActionPriority, failing: [String]) throws {
        let (model, worksheet) = try Self.worksheet()
        let results = OpenRiskRule(worksheet: worksheet, threshold: threshold).evaluate(model)
        #expect(results.filter { $0.status == .fail }.map(\.id) == failing)
        #expect(results.allSatisfy { $0.category == .risk && $0.rule == "fmea-open-priority" })
        if failing.isEmpty {
            #expect(results.map(\.status) == [.pass])
            #expect(results[0].message == "no open failure mode with action priority H or higher (5 rows, 3 open; RPN thresholds (H ≥ 200, M ≥ 80))")
        }
    }

    @Test func reopeningAnAcceptedRowMakesItCount() throws {
        let (model, loaded) = try Self.worksheet()
        var worksheet = loaded
        let index = try #require(worksheet.failureModes.firstIndex { $0.id == "prov-1" })
        worksheet.failureModes[index].status = .open
        let low = OpenRiskRule(worksheet: worksheet, threshold: .low).evaluate(model).filter { $0.status == .fail }
        #expect(low.map(\.id) == ["db-1/open-priority", "db-2/open-priority", "prov-1/open-priority"])
        let medium = OpenRiskRule(worksheet: worksheet, threshold: .medium).evaluate(model).filter { $0.status == .fail }
        #expect(medium.count == 2)
    }

    @Test func findingsPointAtTheRowAndNameItsOwner() throws {
        let (model, worksheet) = try Self.worksheet()
        let finding = try #require(OpenRiskRule(worksheet: worksheet, threshold: .medium).evaluate(model).first)
        #expect(finding.message == "failure mode 'db-1' of 'db' (primary crashes) is in-progress with action priority M "
                + "(S 8, O 4, D 6; RPN 192); owner Zoë Ørsted, due 2027-02-28")
        #expect(finding.details.contains("recommended action: failover drill — quarterly ✓ 🚀"))
        #expect(finding.file.hasSuffix("shop.fmea.yaml") && finding.line == 6)
    }

    @Test func ruleResultsFollowTheObjectivesInTheCheck() throws {
        let (model, worksheet) = try Self.worksheet()
        let report = CheckReportBuilder.checkReport(SLAPrediction(model), rules: [OpenRiskRule(worksheet: worksheet, threshold: .medium)])
        #expect(report.results.map(\.category) == [.objective, .risk, .risk])
        #expect(!report.holds)
        #expect(CheckJUnitRenderer().render(report).contains("<testsuite name=\"risk\" tests=\"2\" failures=\"2\""))
    }
}
