import Testing
@testable import NinesKit

/// Availability of small structures against closed forms worked out by hand (in the comments).
/// Tolerance 1e-15 absolute (a few ulps of figures of order 1) unless stated.
struct ClosedFormAvailabilityTests {
    /// MTBF 2000 h, MTTR 20 min = 1/3 h: A = 2000 / (2000 + 1/3) = 6000/6001 = 0.99983336…,
    /// Q = (1/3) / (2000 + 1/3) = 1/6001 = 1.66638893…e-4.
    /// Rate 2/y with MTTR 4 h: MTBF = 8760/2 = 4380 h, Q = 4/4384.
    @Test func repairableUnitsFromTheFile() throws {
        let model = try TestModels.load("""
            version: 1
            system: units
            components:
              node: { mtbf: 2000h, mttr: 20m }
              link: { rate: 2/y, mttr: 4h }
            """)
        let analysis = AvailabilityAnalysis(model)
        let node = try #require(analysis.closure(of: "node"))
        #expect(Closeness.absolute(node.up, 6000.0 / 6001, within: 1e-15))
        #expect(Closeness.relative(node.down, 1.0 / 6001, within: 1e-14))
        let link = try #require(analysis.closure(of: "link"))
        #expect(Closeness.relative(link.down, 4.0 / 4384, within: 1e-14))
    }

    /// Two of three identical units, p = 0.99, q = 0.01:
    /// A = p³ + 3p²q = 0.970299 + 0.029403 = 0.999702; Q = q³ + 3q²p = 0.000001 + 0.000297 = 0.000298.
    /// Same figure whether the three are replicas (`replicas: 3, needs: 2`) or three components in a `k_of`.
    @Test func twoOfThreeIdentical() throws {
        let model = try TestModels.load("""
            version: 1
            system: two of three
            components:
              replicated: { availability: 99%, replicas: 3, needs: 2 }
              voter: { availability: 100%, depends_on: [{ k_of: { k: 2, of: [a, b, c] } }] }
              a: { availability: 0.99 }
              b: { availability: 0.99 }
              c: { availability: 0.99 }
            """)
        let analysis = AvailabilityAnalysis(model)
        for name in ["replicated", "voter"] {
            let figure = try #require(analysis.closure(of: name))
            #expect(Closeness.absolute(figure.up, 0.999702, within: 1e-15), "\(name): \(figure)")
            #expect(Closeness.relative(figure.down, 0.000298, within: 1e-12), "\(name): \(figure)")
        }
    }

    /// The five-unit bridge (units 1, 2 at the entry, 4, 5 at the exit, 3 across), pivoting on 3:
    /// R = p3·(1 − q1q2)(1 − q4q5) + q3·(1 − (1 − p1p4)(1 − p2p5)).
    /// With p1..p5 = 0.9, 0.8, 0.7, 0.95, 0.85: R = 0.7·0.98·0.9925 + 0.3·(1 − 0.145·0.32) = 0.966935.
    /// All equal to p: R = 2p² + 2p³ − 5p⁴ + 2p⁵, at p = 0.9: 1.62 + 1.458 − 3.2805 + 1.18098 = 0.97848.
    @Test(arguments: [([0.9, 0.8, 0.7, 0.95, 0.85], 0.966935), ([0.9, 0.9, 0.9, 0.9, 0.9], 0.97848)])
    func bridge(units p: [Double], expected: Double) {
        let model = Self.bridge(p)
        let figure = AvailabilityAnalysis(model).system().probability
        #expect(Closeness.absolute(figure.up, expected, within: 1e-15), "\(figure)")
        #expect(Closeness.absolute(figure.down, 1 - expected, within: 1e-15), "\(figure)")
    }

    /// Entry units e1, e2 feed junctions; the bridge unit x joins them; exit units o4, o5 leave.
    /// o4 is reachable through e1, or through e2 and x (junction `via-x-from-2`); o5 symmetrically.
    static func bridge(_ p: [Double]) -> SystemModel {
        let unit = { (name: String, availability: Double, dependencies: [Dependency]) in
            TestModels.component(name, down: 1 - availability, dependsOn: dependencies)
        }
        return TestModels.model([
            TestModels.perfect("out", dependsOn: [TestModels.any(["o4", "o5"])]),
            unit("o4", p[3], [TestModels.any(["e1", "via-x-from-2"])]),
            unit("o5", p[4], [TestModels.any(["e2", "via-x-from-1"])]),
            TestModels.perfect("via-x-from-2", dependsOn: [TestModels.on("x"), TestModels.on("e2")]),
            TestModels.perfect("via-x-from-1", dependsOn: [TestModels.on("x"), TestModels.on("e1")]),
            unit("e1", p[0], []),
            unit("e2", p[1], []),
            unit("x", p[2], []),
        ])
    }

    /// Beta factor. Two replicas, one needed, MTBF 1000 h, MTTR 10 h (odds λ·MTTR = 0.01), β = 10%:
    /// independent part odds 0.009 → q_I = 0.009/1.009 = 8.9197225e-3; common part odds 0.001 →
    /// q_C = 0.001/1.001 = 9.99000999e-4. Q = q_C + (1 − q_C)·q_I² = 1.078482966e-3.
    /// Without common cause Q = (0.01/1.01)² = 9.80296e-5: the shared 10% costs eleven times more.
    @Test func betaFactorCommonCause() {
        let withBeta = OwnAvailability(TestModels.repairable("db", mtbf: 1000, mttr: 10, replicas: 2, needs: 1, beta: 0.1))
        let qI = 0.009 / 1.009, qC = 0.001 / 1.001
        #expect(Closeness.relative(withBeta.probability.down, qC + (1 - qC) * qI * qI, within: 1e-13))
        #expect(Closeness.relative(withBeta.probability.down, 1.078482966466339e-3, within: 1e-13))
        #expect(Closeness.absolute(withBeta.probability.up, (1 - qC) * (1 - qI * qI), within: 1e-15))
        let without = OwnAvailability(TestModels.repairable("db", mtbf: 1000, mttr: 10, replicas: 2, needs: 1))
        #expect(Closeness.relative(without.probability.down, (0.01 / 1.01) * (0.01 / 1.01), within: 1e-13))
    }

    /// A shared dependency counts once: two front ends each on the same database d (q = 0.01) in an
    /// `any` group (fronts q = 0.1) are down whenever d is: A = 0.99·(1 − 0.1²) = 0.9801, Q = 0.0199.
    /// A tree expansion counting d in each branch would give Q = (1 − 0.9·0.99)² = 0.011881.
    @Test func sharedDependencyIsOneVariable() {
        let model = TestModels.model([
            TestModels.perfect("top", dependsOn: [TestModels.any(["f1", "f2"])]),
            TestModels.component("f1", down: 0.1, dependsOn: [TestModels.on("d")]),
            TestModels.component("f2", down: 0.1, dependsOn: [TestModels.on("d")]),
            TestModels.component("d", down: 0.01),
        ])
        let figure = AvailabilityAnalysis(model).system().probability
        #expect(Closeness.absolute(figure.down, 1 - 0.99 * (1 - 0.01), within: 1e-15), "\(figure)")
    }
}
