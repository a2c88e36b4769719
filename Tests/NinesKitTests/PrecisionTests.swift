import Foundation
import Testing
@testable import NinesKit

/// Unavailability-first arithmetic: figures near 1 keep their small half to full precision.
struct PrecisionTests {
    /// Six units of 0.99999 in an `any` group: Q = (1e-5)^6 = 1e-30. Computed as 1 − A this would be 0.
    @Test func sixParallelFiveNinesUnitsGiveOneInTenToTheThirty() throws {
        let model = try TestModels.load("""
            version: 1
            system: parallel
            components:
              front: { availability: 100%, depends_on: [{ any: [u1, u2, u3, u4, u5, u6] }] }
              u1: { availability: 0.99999 }
              u2: { availability: 0.99999 }
              u3: { availability: 0.99999 }
              u4: { availability: 0.99999 }
              u5: { availability: 0.99999 }
              u6: { availability: 99.999% }
            """)
        let system = AvailabilityAnalysis(model).system()
        #expect(Closeness.relative(system.probability.down, 1e-30, within: 1e-12), "Q = \(system.probability.down)")
        #expect(system.probability.up == 1)
        #expect(Closeness.relative(Nines.count(unavailability: system.probability.down), 30, within: 1e-12))
    }

    /// 10,000 units of 0.9999999 in series: Q = 1 − (1 − 1e-7)^10000 = −expm1(10000 · log1p(−1e-7))
    /// ≈ 9.99500166e-4, matched to 12 significant digits (relative error below 5e-12). Built both as
    /// a chain (each unit depends on the next) and flat under a perfect top.
    @Test(arguments: [true, false])
    func tenThousandSeriesUnitsKeepTwelveDigits(chain: Bool) throws {
        let unit = try QuantityParser.availability("0.9999999").get()
        var components: [Component] = []
        let count = 10_000
        if !chain { components.append(TestModels.perfect("top", dependsOn: (0..<count).map { TestModels.on("u\($0)") })) }
        for index in 0..<count {
            let dependencies = chain && index + 1 < count ? [TestModels.on("u\(index + 1)")] : []
            components.append(Component(name: "u\(index)", layer: "software", figures: .availability(unit, mttr: nil),
                                        dependencies: dependencies))
        }
        let expected = -expm1(Double(count) * log1p(-1e-7))
        let system = AvailabilityAnalysis(TestModels.model(components)).system()
        #expect(Closeness.relative(system.probability.down, expected, within: 5e-12), "Q = \(system.probability.down), expected \(expected)")
        #expect(Closeness.relative(system.probability.up, exp(Double(count) * log1p(-1e-7)), within: 5e-12))
        #expect(String(format: "%.11e", system.probability.down) == String(format: "%.11e", expected))
    }

    /// The decimal text gives the small half exactly: 99.9999999% is unavailability 1e-9 to the last bit.
    @Test(arguments: [("99.9999999%", 0.999999999, 1e-9), ("0.999999999", 0.999999999, 1e-9), ("99.95%", 0.9995, 5e-4),
                      ("0.9999", 0.9999, 1e-4), ("99.999999999999%", 0.99999999999999, 1e-14),
                      ("9.9995e-1", 0.99995, 5e-5), ("100%", 1, 0), ("1", 1, 0), ("50%", 0.5, 0.5)])
    func percentagesKeepTheirUnavailabilityExact(text: String, up: Double, down: Double) throws {
        let probability = try QuantityParser.availability(text).get()
        #expect(probability.down == down, "\(text): down \(probability.down)")
        #expect(probability.up == up, "\(text): up \(probability.up)")
    }

    /// MTBF/MTTR figures derive the small half as MTTR/(MTBF+MTTR), not 1 − A.
    @Test func repairableUnitKeepsItsSmallHalf() {
        let unit = Probability.repairable(mtbf: 1e9, mttr: 1)
        #expect(Closeness.relative(unit.down, 1 / (1e9 + 1), within: 1e-15))
        #expect(unit.down != 1 - unit.up)
    }
}
