import Foundation
import Testing
@testable import NinesKit

@Suite struct DistributionTests {
    static func component(_ fields: String) -> String {
        """
        version: 1
        system: s
        components:
          unit:
            mtbf: 100h
        \(fields.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        objectives: { o: { at: unit } }
        """
    }

    static func errors(_ text: String) -> [String] {
        do {
            _ = try ModelLoader.load(text: text, file: "m.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsEachFamilyAndUsesItsMeanAsMTTR() throws {
        let model = try ModelLoader.load(text: Self.component("repair: { distribution: weibull, shape: 2, scale: 1h }"), file: "m.yaml")
        let unit = model.components[0]
        #expect(unit.repair == .weibull(shape: 2, scale: 1))
        // Γ(1.5) = √π / 2.
        #expect(abs((unit.figures.mttr ?? 0) - Double.pi.squareRoot() / 2) < 1e-12)
        let lognormal = try ModelLoader.load(text: Self.component("repair: { distribution: lognormal, median: 30m, sigma: 1 }"), file: "m.yaml")
        #expect(abs((lognormal.components[0].figures.mttr ?? 0) - 0.5 * exp(0.5)) < 1e-12)
        let failure = try ModelLoader.load(text: """
            version: 1
            system: s
            components:
              unit: { failure: { distribution: exponential, mean: 2000h }, repair: { distribution: fixed, duration: 2h } }
            """, file: "m.yaml")
        #expect(failure.components[0].figures == .mtbf(2000, mttr: 2))
    }

    @Test(arguments: [
        ("repair: { distribution: weibull, shape: 0, scale: 30m }", "m.yaml:6:45: error: 'shape' of 'repair' of component 'unit' must be a number in (0, 100], found '0'"),
        ("repair: { distribution: weibull, shape: -1.5, scale: 30m }", "m.yaml:6:45: error: 'shape' of 'repair' of component 'unit' must be a number in (0, 100], found '-1.5'"),
        ("repair: { distribution: weibull, shape: 1.5, scale: -30m }", "m.yaml:6:57: error: 'scale' of 'repair' of component 'unit' must be a positive duration with a unit (s, m, h, d, w, y), e.g. '30m', found '-30m'"),
        ("repair: { distribution: lognormal, median: 30m, sigma: -1 }", "m.yaml:6:60: error: 'sigma' of 'repair' of component 'unit' must be a number in [0, 5], found '-1'"),
        ("repair: { distribution: gamma, mean: 1h }", "m.yaml:6:29: error: 'distribution' of 'repair' of component 'unit' must be one of 'exponential', 'weibull', 'lognormal', 'fixed', found 'gamma'"),
        ("repair: { distribution: fixed }", "m.yaml:6:13: error: 'repair' of component 'unit' is missing 'duration' (a duration)"),
        ("repair: { distribution: fixed, duration: 1h, shape: 2 }", "m.yaml:6:50: error: unknown field 'shape' in 'repair' of component 'unit'"),
        ("mttr: 1h\nrepair: { distribution: fixed, duration: 1h }", "m.yaml:7:5: error: component 'unit' gives both 'mttr' and 'repair'; give one"),
    ])
    func refusesBadParametersWithALocation(fields: String, expected: String) {
        let found = Self.errors(Self.component(fields))
        #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
    }

    /// Sample means of the samplers against the closed forms (1e5 draws, 5 standard errors).
    @Test(arguments: [
        TimeDistribution.exponential(mean: 2), .weibull(shape: 1.5, scale: 3), .weibull(shape: 0.7, scale: 1),
        .lognormal(median: 1, sigma: 0.8), .fixed(4),
    ])
    func samplerMeansMatch(distribution: TimeDistribution) {
        var random = Xoshiro256StarStar(seed: 99)
        let sampler = Sampler(distribution)
        let n = 100_000
        var sum = 0.0, squares = 0.0
        for _ in 0..<n {
            let x = sampler.draw(&random)
            sum += x
            squares += x * x
        }
        let mean = sum / Double(n)
        let sd = max(0, squares / Double(n) - mean * mean).squareRoot()
        #expect(abs(mean - distribution.mean) <= 5 * sd / Double(n).squareRoot() + 1e-12, "\(distribution): \(mean)")
    }
}
