import Foundation
import Testing
@testable import NinesKit

/// A cache or queue in front of a dependency (docs/patterns.md, "Caches and queues"): the target's
/// outages shorter than the window are hidden from callers' availability; the cache itself is
/// no single point of failure.
@Suite struct CacheTests {
    static let model = """
        version: 1
        system: cache
        components:
          postgres: { layer: data, mtbf: 2000h, mttr: 10m }
          redis: { layer: platform, mtbf: 1000h, mttr: 5m, cache: { for: postgres, window: 5m } }
          api: { mtbf: 720h, mttr: 2m, depends_on: [postgres] }
        objectives:
          front: { at: api, target: 99.99% }
          flow: { path: [api], target: 99.9% }
        """

    /// Hand computation: postgres odds (1/6 h)/2000 h; exponential outages of mean r = 10 min
    /// behind a 5 min window are seen for r·e^(−w/r), so Q_seen = q·e^(−1/2); api odds (1/30)/720.
    /// The flow (reliability) still sees every outage.
    @Test func shortOutagesOfTheTargetAreHiddenFromCallers() throws {
        let model = try ModelLoader.load(text: Self.model, file: "cache.yaml")
        let qPostgres = (1.0 / 6) / (2000 + 1.0 / 6), pApi = 720 / (720 + 1.0 / 30)
        let front = pApi * (1 - qPostgres * exp(-0.5))
        let flow = pApi * (1 - qPostgres)
        let analysis = AvailabilityAnalysis(model)
        #expect(Closeness.relative(analysis.objective(0).probability.down, 1 - front, within: 1e-9))
        #expect(Closeness.relative(analysis.objective(1).probability.down, 1 - flow, within: 1e-9))
        #expect(model.component(named: "postgres")?.maskedFor == 5.0 / 60)
    }

    /// The cache is no root of the system and no dependency: making it fail changes nothing.
    @Test func aCacheFailureIsNoSinglePointOfFailure() throws {
        let model = try ModelLoader.load(text: Self.model, file: "cache.yaml")
        #expect(model.roots.map(\.name) == ["api"])
        let analysis = AvailabilityAnalysis(model)
        let broken = try ModelLoader.load(text: Self.model.replacingOccurrences(of: "mtbf: 1000h, mttr: 5m", with: "availability: 50%, mttr: 5m"),
                                          file: "broken.yaml")
        #expect(AvailabilityAnalysis(broken).objective(0).probability == analysis.objective(0).probability)
        #expect(AvailabilityAnalysis(broken).system().probability == analysis.system().probability)
    }

    /// Both engines read the target's window: inside the simulated interval.
    @Test func simulationAgreesWithTheExactFigure() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: cache
            components:
              db: { layer: data, mtbf: 100h, mttr: 20m }
              cache: { mtbf: 500h, mttr: 5m, cache: { for: db, window: 10m } }
              api: { mtbf: 300h, mttr: 10m, depends_on: [db] }
            objectives:
              front: { at: api, target: 99.9% }
            """, file: "sim.yaml")
        try FailoverAgreementTests.expectAgreement(model, periods: 4000, label: "cache")
    }
}
