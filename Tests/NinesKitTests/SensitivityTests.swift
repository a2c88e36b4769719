import Foundation
import Testing
@testable import NinesKit

/// `nines sensitivity`: each point against a hand computation, and the command's formats.
struct SensitivityTests {
    static let model = """
        version: 1
        system: two in series
        components:
          a: { availability: 99.9% }
          b: { mtbf: 999h, mttr: 1h, depends_on: [a] }
          c: { layer: external, availability: 99%, responsibility: customer }
        objectives:
          front: { at: b, target: 99.9% }
        """

    /// Hand computation: Q = 1 − (1 − q_a)(1 − q_b) with q_a = 0.001 and q_b = 1/1000 (1 h in
    /// 999 h + 1 h). Moving q_a by ±10 % gives q_a = 0.0009 and 0.0011; moving b's MTTR gives
    /// q_b = 0.9/999.9 and 1.1/1000.1. Elasticity = ((Q+ − Q−)/Q) / 0.2.
    @Test func eachPointMatchesAHandComputation() throws {
        let model = try ModelLoader.load(text: Self.model, file: "m.yaml")
        let sensitivity = Sensitivity(AvailabilityAnalysis(model), by: 0.1)
        let q = 1 - 0.999 * 0.999
        #expect(abs(sensitivity.unavailability - q) < 1e-15)
        func row(_ component: String, _ field: String) throws -> Sensitivity.Row {
            try #require(sensitivity.rows.first { $0.component == component && $0.field == field })
        }
        let a = try row("a", "availability")
        #expect(abs(a.unavailabilityLow - (1 - 0.9991 * 0.999)) < 1e-15)
        #expect(abs(a.unavailabilityHigh - (1 - 0.9989 * 0.999)) < 1e-15)
        #expect(abs(a.elasticity - ((0.9991 - 0.9989) * 0.999 / q) / 0.2) < 1e-9)
        let mttr = try row("b", "mttr")
        #expect(abs(mttr.unavailabilityLow - (1 - 0.999 * (999 / 999.9))) < 1e-15)
        #expect(abs(mttr.unavailabilityHigh - (1 - 0.999 * (999 / 1000.1))) < 1e-15)
        let mtbf = try row("b", "mtbf")
        #expect(abs(mtbf.unavailabilityLow - (1 - 0.999 * (899.1 / 900.1))) < 1e-15)
        #expect(mtbf.elasticity < 0 && mttr.elasticity > 0)   // a longer MTBF lowers downtime
        #expect(!sensitivity.rows.contains { $0.component == "c" })   // excluded from the SLA figure
        let swings = sensitivity.rows.map { abs($0.unavailabilityHigh - $0.unavailabilityLow) }
        #expect(swings == swings.sorted(by: >))
    }
}
