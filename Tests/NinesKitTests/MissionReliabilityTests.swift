import Foundation
import Testing
@testable import NinesKit

/// Mission reliability R(t) and MTTF against the closed forms for non-repairable systems of
/// exponential units (Rausand & Høyland, System Reliability Theory, 2nd ed., chapter 4 and
/// section 5.3: series R = e^{−Σλt}; parallel pair 1 − (1 − e^{−λt})²; 2 of 3:
/// 3e^{−2λt} − 2e^{−3λt}; MTTF of a parallel pair 3/(2λ), of 2 of 3 5/(6λ)).
@Suite struct MissionReliabilityTests {
    typealias T = TestModels
    static let λ = 1e-4     // per hour: MTBF 10,000 h
    static let t = 8760.0   // a year's mission

    func mission(_ components: [Component], at names: [String], hours: Double = t) -> MissionFigure {
        let model = T.model(components, objectives: [Objective(name: "o", measure: .reliability, components: names)])
        return MissionReliability(AvailabilityAnalysis(model), missionHours: hours).objectives[0]
    }

    func unit(_ name: String, dependsOn: [Dependency] = [], replicas: Int = 1, needs: Int = 1) -> Component {
        T.repairable(name, mtbf: 1 / Self.λ, mttr: 1, replicas: replicas, needs: needs, dependsOn: dependsOn)
    }

    @Test func seriesIsTheProductOfExponentials() {
        let figure = mission([unit("a"), unit("b", dependsOn: [T.on("a")]), T.repairable("c", mtbf: 5000, mttr: 1, dependsOn: [T.on("b")])],
                             at: ["c"])
        let rate = 2 * Self.λ + 1 / 5000.0
        #expect(abs(figure.reliability.up - exp(-rate * Self.t)) < 1e-14)
        #expect(abs(figure.reliability.down + expm1(-rate * Self.t)) < 1e-14)
        #expect(abs(figure.mttfHours! - 1 / rate) / (1 / rate) < 1e-7)     // MTTF of a series: 1/Σλ
    }

    @Test func parallelPairMatchesItsClosedForm() {
        let figure = mission([unit("a"), unit("b"), T.perfect("top", dependsOn: [T.any(["a", "b"])])], at: ["top"])
        let f = -expm1(-Self.λ * Self.t)
        #expect(abs(figure.reliability.down - f * f) < 1e-15)
        #expect(abs(figure.mttfHours! - 3 / (2 * Self.λ)) / (3 / (2 * Self.λ)) < 1e-7)
        // The same pair as replicas: one component of 2 needing 1.
        let replicated = mission([unit("pair", replicas: 2, needs: 1)], at: ["pair"])
        #expect(abs(replicated.reliability.down - f * f) < 1e-15)
    }

    @Test func twoOfThreeMatchesItsClosedForm() {
        let figure = mission([unit("a"), unit("b"), unit("c"), T.perfect("top", dependsOn: [T.kOf(2, ["a", "b", "c"])])], at: ["top"])
        let r = exp(-Self.λ * Self.t)
        let expected = 3 * r * r - 2 * r * r * r
        #expect(abs(figure.reliability.up - expected) < 1e-14)
        #expect(abs(figure.mttfHours! - 5 / (6 * Self.λ)) / (5 / (6 * Self.λ)) < 1e-7)
        let replicated = mission([unit("web", replicas: 3, needs: 2)], at: ["web"])
        #expect(abs(replicated.reliability.up - expected) < 1e-14)
    }

    /// A Weibull unit: R(t) = exp(−(t/η)^β) (Rausand & Høyland, section 2.11); MTTF = η·Γ(1 + 1/β).
    @Test func weibullUnitFollowsItsSurvivalFunction() {
        var component = unit("w")
        component.failure = .weibull(shape: 2, scale: 20_000)
        let figure = mission([component], at: ["w"])
        #expect(abs(figure.reliability.up - exp(-pow(Self.t / 20_000, 2))) < 1e-14)
        let mean = 20_000 * tgamma(1.5)
        #expect(abs(figure.mttfHours! - mean) / mean < 1e-6)
    }

    /// Beta-factor common cause on a replicated pair: R = e^{−βλt}·(1 − (1 − e^{−(1−β)λt})²).
    @Test func commonCauseTakesItsShareOfTheHazard() {
        let component = T.repairable("pair", mtbf: 1 / Self.λ, mttr: 1, replicas: 2, needs: 1, beta: 0.1)
        let figure = mission([component], at: ["pair"])
        let independent = -expm1(-0.9 * Self.λ * Self.t)
        let expected = exp(-0.1 * Self.λ * Self.t) * (1 - independent * independent)
        #expect(abs(figure.reliability.up - expected) < 1e-14)
    }

    /// A component with an availability but no repair time has no failure rate: counted as never
    /// failing, and named.
    @Test func componentsWithoutRatesAreNamed() {
        let figure = mission([T.component("x", down: 0.001), unit("a", dependsOn: [T.on("x")])], at: ["a"])
        #expect(figure.componentsWithoutFailureRates == ["x"])
        #expect(abs(figure.reliability.up - exp(-Self.λ * Self.t)) < 1e-14)
    }
}
