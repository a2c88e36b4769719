import Testing
@testable import NinesKit

/// `report --contributors N`: the largest N contributors per figure, the rest counted and summed.
///
/// Hand computation for `a` (99%) and `b` (99.9%) in series, month of 720 h:
///   Q = 1 − 0.99 × 0.999 = 0.01099
///   I_B(a) = Q(a down) − Q(a up) = 1 − 0.001 = 0.999, criticality q_a·I_B = 0.00999
///   I_B(b) = 1 − 0.01 = 0.99,                        criticality q_b·I_B = 0.00099
///   a ranks first; b, left out with N = 1, is 0.00099 × 720 = 0.7128 h and 0.00099 / 0.01099 of Q.
struct ContributorLimitTests {
    static let series = """
        version: 1
        system: series
        components:
          front: { availability: 100%, depends_on: [a, b] }
          a: { availability: 99% }
          b: { availability: 99.9% }
        objectives:
          front-door: { at: front, target: 99% }
        """

    @Test func theRestIsCountedAndSummed() throws {
        let analysis = AvailabilityAnalysis(try TestModels.load(Self.series))
        let report = ReportBuilder.availabilityReport(analysis, contributors: 1)
        for figure in report.figures {
            #expect(figure.contributors.map(\.component) == ["a"])
            let rest = try #require(figure.contributorsNotListed)
            #expect(rest.count == 2)   // b, and front, which never fails
            #expect(Closeness.relative(rest.downtimeHours, 0.7128, within: 1e-12), "\(rest.downtimeHours)")
            #expect(Closeness.relative(rest.criticalityImportance, 0.00099 / 0.01099, within: 1e-12))
        }
    }

    /// With no limit every contributor is listed and nothing is counted apart: small models'
    /// reports are what they were.
    @Test func withoutALimitEveryContributorIsListed() throws {
        let analysis = AvailabilityAnalysis(try TestModels.load(Self.series))
        for limit in [nil, 3, 10] as [Int?] {
            let report = ReportBuilder.availabilityReport(analysis, contributors: limit)
            for figure in report.figures {
                #expect(figure.contributors.map(\.component) == ["a", "b", "front"])
                #expect(figure.contributorsNotListed == nil)
            }
        }
        let none = ReportBuilder.availabilityReport(analysis, contributors: 0)
        #expect(none.figures.allSatisfy { $0.contributors.isEmpty && $0.contributorsNotListed?.count == 3 })
    }

    @Test func theDefaultListsEveryOneUpTo2000Components() {
        #expect(ReportBuilder.contributorLimit(components: 2_000, requested: nil, top: 5) == nil)
        #expect(ReportBuilder.contributorLimit(components: 2_001, requested: nil, top: 5) == 100)
        #expect(ReportBuilder.contributorLimit(components: 100_000, requested: nil, top: 250) == 250)
        #expect(ReportBuilder.contributorLimit(components: 100_000, requested: 7, top: 5) == 7)
        #expect(ReportBuilder.contributorLimit(components: 10, requested: 0, top: 5) == 0)
    }
}
