import Testing
@testable import NinesKit

/// System failure frequency w_sys = Σ I_B(i)·w_i (Birnbaum-weighted unit frequencies, w_i = p_i·λ_i)
/// against closed forms of two-unit systems, and the MTBF = A/w and mean down time MDT = Q/w
/// derived from it.
///
/// Units: u1 with λ1 = 1/1000 per hour, r1 = 10 h (odds λ1·r1 = 0.01, A1 = 1/1.01);
///        u2 with λ2 = 1/500 per hour, r2 = 2 h (odds 0.004, A2 = 1/1.004).
struct FailureFrequencyTests {
    static let u1 = TestModels.repairable("u1", mtbf: 1000, mttr: 10)
    static let u2 = TestModels.repairable("u2", mtbf: 500, mttr: 2)
    static let a1 = 1 / 1.01, a2 = 1 / 1.004
    static let q1 = 0.01 / 1.01, q2 = 0.004 / 1.004

    /// Series: the system leaves "up" when either unit fails from the all-up state, so
    /// w = A1·A2·(λ1 + λ2) = A·0.003 = 2.95846318e-3 per hour. MTBF = A/w = 1/(λ1 + λ2) = 333.33… h
    /// exactly; MDT = Q/w = (1/A − 1)/(λ1 + λ2) = (1.01·1.004 − 1)/0.003 = 0.01404/0.003 = 4.68 h.
    @Test func seriesPair() throws {
        let model = TestModels.model([TestModels.perfect("top", dependsOn: [TestModels.on("u1"), TestModels.on("u2")]), Self.u1, Self.u2])
        let system = AvailabilityAnalysis(model).system()
        let availability = Self.a1 * Self.a2
        let w = try #require(system.frequency)
        #expect(Closeness.relative(w, availability * (1.0 / 1000 + 1.0 / 500), within: 1e-13))
        #expect(Closeness.relative(try #require(system.mtbf), 1000.0 / 3, within: 1e-13))
        #expect(Closeness.relative(try #require(system.meanDownTime), 4.68, within: 1e-12))
    }

    /// Parallel: the system is down only with both units down and leaves that state when either
    /// is repaired, so w = q1·q2·(1/r1 + 1/r2) = Q·0.6 (the same as q1·w2 + q2·w1, since
    /// p_i·λ_i = q_i/r_i in steady state). Q = 0.01·0.004/(1.01·1.004) = 3.94461757e-5,
    /// w = 2.36677054e-5 per hour, MDT = 1/(1/r1 + 1/r2) = 5/3 h,
    /// MTBF = A/w = (1/Q − 1)/0.6 = (25351 − 1)/0.6 = 42250 h.
    @Test func parallelPair() throws {
        let model = TestModels.model([TestModels.perfect("top", dependsOn: [TestModels.any(["u1", "u2"])]), Self.u1, Self.u2])
        let system = AvailabilityAnalysis(model).system()
        let q = Self.q1 * Self.q2
        #expect(Closeness.relative(system.probability.down, q, within: 1e-13))
        let w = try #require(system.frequency)
        #expect(Closeness.relative(w, q * (1.0 / 10 + 1.0 / 2), within: 1e-12))
        #expect(Closeness.relative(w, Self.q1 * (Self.a2 / 500) + Self.q2 * (Self.a1 / 1000), within: 1e-12))
        #expect(Closeness.relative(try #require(system.meanDownTime), 5.0 / 3, within: 1e-12))
        #expect(Closeness.relative(try #require(system.mtbf), 42250, within: 1e-9))
    }

    /// Birnbaum importances of the two-unit systems: series I_B(1) = A2, parallel I_B(1) = q2.
    @Test func birnbaumOfTwoUnitSystems() throws {
        let series = AvailabilityAnalysis(TestModels.model([
            TestModels.perfect("top", dependsOn: [TestModels.on("u1"), TestModels.on("u2")]), Self.u1, Self.u2])).system()
        let parallel = AvailabilityAnalysis(TestModels.model([
            TestModels.perfect("top", dependsOn: [TestModels.any(["u1", "u2"])]), Self.u1, Self.u2])).system()
        let birnbaum = { (figure: FlowFigures, name: String) in figure.importance.first { $0.component == name }?.birnbaum }
        #expect(Closeness.relative(try #require(birnbaum(series, "u1")), Self.a2, within: 1e-14))
        #expect(Closeness.relative(try #require(birnbaum(series, "u2")), Self.a1, within: 1e-14))
        #expect(Closeness.relative(try #require(birnbaum(parallel, "u1")), Self.q2, within: 1e-14))
        #expect(Closeness.relative(try #require(birnbaum(parallel, "u2")), Self.q1, within: 1e-14))
        // Criticality q_i·I_B: in the parallel pair each unit alone accounts for all of Q.
        let critical = try #require(parallel.importance.first)
        #expect(Closeness.relative(critical.criticality, parallel.probability.down, within: 1e-14))
        #expect(Closeness.relative(critical.criticalityImportance, 1, within: 1e-14))
    }

    /// A contributing unit with an availability but no repair time has no rate, so the system
    /// frequency is unknown (nil), and the unit is named; a perfect unit needs no rate.
    @Test func frequencyIsUnknownWithoutRates() {
        let model = TestModels.model([
            TestModels.perfect("top", dependsOn: [TestModels.on("u1"), TestModels.on("vague"), TestModels.on("glue")]),
            Self.u1, TestModels.component("vague", down: 1e-3), TestModels.perfect("glue", dependsOn: []),
        ])
        let system = AvailabilityAnalysis(model).system()
        #expect(system.frequency == nil && system.mtbf == nil && system.meanDownTime == nil)
        #expect(system.componentsWithoutRates == ["vague"])
    }
}
