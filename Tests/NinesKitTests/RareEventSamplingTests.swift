import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// Failure-biased importance sampling (`FailureBiasedSampling`) where a plain draw of 20,480
/// samples sees few outages or none: the estimate is within its stated error of the exact value, computed
/// here by hand from the structure (a closed form), its relative error is below 10%, and the same
/// seed gives the same estimate.
@Suite struct RareEventSamplingTests {
    /// The group over budget under a front door: Q = 1 − p_front · p_node · (1 − q_a²), since the
    /// front door needs one of a1, a2 and both need the node (a1, a2 at 1e-7, node 1e-4, front 1e-5).
    @Test func aRareGroupUnderAFrontDoorIsEstimatedWithinItsStatedError() throws {
        let (model, overBudget) = try FigureMethodTests.rareGroupOverBudget()
        let qa = 1e-7
        let exact = -expm1(log1p(-1e-5) + log1p(-1e-4) + log1p(-qa * qa))
        try expectWithinStatedError(model, overBudget, exact: exact)
    }

    /// A perfect front door over one of three replicas at 99.9%, two of them on one rack at
    /// 99.9999% (shared, so the bounds do not meet and the figure is sampled): down only when all
    /// three are, Q = q₃ · (q_rack + (1 − q_rack) q₁q₂) = 1e-3 · (2e-6 − 1e-12) = 2e-9 − 1e-15,
    /// which plain sampling would need billions of samples to see.
    @Test func aTripleFailureIsEstimatedWithinItsStatedError() throws {
        let (_, overBudget) = try FigureMethodTests.rareGroupOverBudget()
        try expectWithinStatedError(Self.tripleReplicas(sharingARack: true), overBudget, exact: 2e-9 - 1e-15)
    }

    /// The plain draw the triple-replica figure would otherwise be: no outage in its 20,480 samples.
    @Test func plainSamplingSeesNoOutageOfTheTripleFailure() throws {
        let model = try Self.tripleReplicas()
        let analysis = AvailabilityAnalysis(model)
        let front = try #require(analysis.structure.indexOf["front"])
        let plain = SystemSampling(structure: analysis.structure, figures: analysis.effective.map(\.masked.probability), targets: [front])
            .systemUpCount(seed: AvailabilityAnalysis.estimateSeed)
        #expect(plain.up == plain.samples && plain.samples == SystemSampling.samples)
    }

    static func tripleReplicas(sharingARack: Bool = false) throws -> SystemModel {
        let rack = sharingARack ? ", depends_on: [rack]" : ""
        return try TestModels.load("""
            version: 1
            system: triple
            components:
              rack: { availability: 99.9999% }
              a1: { availability: 99.9%\(rack) }
              a2: { availability: 99.9%\(rack) }
              a3: { availability: 99.9% }
              front: { availability: 100%, depends_on: [{ any: [a1, a2, a3] }] }
            objectives:
              front: { at: front, target: 99.9% }
            """)
    }

    private func expectWithinStatedError(_ model: SystemModel, _ budget: CompilationBudget, exact: Double,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let figure = AvailabilityAnalysis(model, budget: budget).objective(0)
        #expect(figure.method == .estimated, sourceLocation: sourceLocation)
        let estimate = try #require(figure.estimate, sourceLocation: sourceLocation)
        #expect(estimate.sampling == "failureBiased", sourceLocation: sourceLocation)
        let relativeError = try #require(estimate.relativeError, sourceLocation: sourceLocation)
        #expect(relativeError < 0.1, sourceLocation: sourceLocation)
        let unavailability = 1 - estimate.availability
        // Three standard errors either side (the 95% interval is the 1.96 of them).
        #expect(abs(unavailability - exact) <= 3 * relativeError * unavailability,
                "\(unavailability) vs \(exact) ± \(relativeError)", sourceLocation: sourceLocation)
        // The interval is clamped into the certified one, which may be exact: up to 1 − A's rounding.
        #expect(1 - estimate.high <= exact + 1e-15 && exact - 1e-15 <= 1 - estimate.low, sourceLocation: sourceLocation)
        // Seeded: a second analysis draws the same samples.
        let again = try #require(AvailabilityAnalysis(model, budget: budget).objective(0).estimate, sourceLocation: sourceLocation)
        #expect(again == estimate, sourceLocation: sourceLocation)
        #expect(figure.judged.up == estimate.low, sourceLocation: sourceLocation)
    }
}
