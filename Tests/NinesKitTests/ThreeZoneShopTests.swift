import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// The bundled three-zone shop (models/three-zone-shop.yaml, issue 22): placement, a managed
/// Postgres with a standby, a Redis cache, a payment provider behind a breaker with a fallback,
/// and the customers' SSO outside the promise, each as a model element.
@Suite struct ThreeZoneShopTests {
    static func model() throws -> SystemModel {
        try ModelLoader.load(files: [GoldenFiles.root.appendingPathComponent("models/three-zone-shop.yaml").path])
    }

    /// `checkout` (path web → api, promise view: the customer's SSO perfect) by hand, conditioning
    /// on the three zones (docs/patterns.md, "Placement"). A pod's odds of being down are
    /// o = (5 min)/(720 h) = 1/8640; with common_cause 10% each replica keeps 0.9·o and the
    /// component's own figure 0.1·o. Given the zones: web is up when 2 of its pods on az-a, az-b,
    /// az-c are up (a pod on a failed zone is down), api when 1 of its pods on az-a, az-b is, and
    /// Postgres (RDS Multi-AZ at its SLA, 99.95%, failover included) when az-a or az-b is up.
    /// The load balancer (99.99%) and the breaker's pair (1 − 0.0005 · 0.001) multiply.
    @Test func checkoutByHand() throws {
        let model = try Self.model()
        let index = try #require(model.objectives.firstIndex { $0.name == "checkout" })
        let prediction = SLAPrediction(model)
        let pod = 1 / (1 + 0.9 / 8640), common = 1 / (1 + 0.1 / 8640), zone = 0.999
        var zonesPart = 0.0
        for state in 0..<8 {
            let up = (0..<3).map { state & (1 << $0) != 0 }
            let weight = up.reduce(1.0) { $0 * ($1 ? zone : 1 - zone) }
            let web = (0..<3).map { up[$0] ? pod : 0 }
            let webUp = web[0] * web[1] * web[2] + web[0] * web[1] * (1 - web[2]) + web[0] * (1 - web[1]) * web[2]
                + (1 - web[0]) * web[1] * web[2]
            let api = (0..<2).map { up[$0] ? pod : 0 }
            let apiUp = 1 - (1 - api[0]) * (1 - api[1])
            let postgresZones = up[0] || up[1] ? 1.0 : 0.0
            zonesPart += weight * webUp * apiUp * postgresZones
        }
        let expected = zonesPart * common * common * 0.9999 * 0.9995 * (1 - 0.0005 * 0.001)
        let figure = prediction.objectives[index].figure.probability
        #expect(Closeness.relative(figure.down, 1 - expected, within: 1e-9), "\(figure.down) vs \(1 - expected)")
        // The breaker's degraded time: the first provider down and the second up while the rest
        // is up, A_rest · q_payment · a_backup.
        let degraded = try #require(prediction.objectives[index].degraded)
        #expect(degraded.causes == ["payment"])
        #expect(Closeness.relative(degraded.share, expected / (1 - 0.0005 * 0.001) * 0.0005 * 0.999, within: 1e-9), "\(degraded.share)")
    }

    /// It reports without workarounds: no model note, every objective exact, the SSO left out of
    /// the promise, Redis no single point of failure.
    @Test func reportsWithoutWorkarounds() throws {
        let model = try Self.model()
        let prediction = SLAPrediction(model)
        #expect(prediction.notes.isEmpty)
        #expect(prediction.objectives.allSatisfy { $0.figure.method == .exact })
        #expect(prediction.excluded == ["sso"])
        #expect(!prediction.full.singlePointsOfFailure.joined().contains("redis"))
    }
}
