import Foundation
import Testing
@testable import NinesKit

/// The draw the closures share (`SharedClosureDraw`) against a draw per closure and against the
/// hand figure of each closure; and `ReachableTargets`, which stops a compilation that can no
/// longer win.
@Suite struct SharedClosureDrawTests {
    /// A chain of 20 gates in failure logic: g_i = (a_i ∧ b_i) ∨ g_(i−1), every event down with
    /// q = 0.1, every b_i also down when a switch s is (q_s = 0.01; shared, so the closures'
    /// bounds do not meet and they are sampled). g_i's closure is down unless every pair up to i
    /// holds one event up: with s up the pairs are independent, (1 − q²)^i; with s down every
    /// a_j must be up, (1 − q)^i. Q_i = 1 − (0.99 · 0.99^i + 0.01 · 0.9^i), 0.0109 for g1.
    static let gates = 20
    static var chain: String {
        var lines = ["version: 1", "system: chain", "components:", "  s: { availability: 99% }"]
        for index in 1...gates {
            lines.append("  a\(index): { availability: 90% }")
            lines.append("  b\(index): { availability: 90%, depends_on: [s] }")
            let below = index == 1 ? "" : ", g\(index - 1)"
            lines.append("  g\(index): { availability: 100%, depends_on: [{ any: [a\(index), b\(index)] }\(below)] }")
        }
        return lines.joined(separator: "\n")
    }
    static func exact(_ index: Int) -> Double { 1 - (0.99 * pow(0.99, Double(index)) + 0.01 * pow(0.9, Double(index))) }

    /// No `any` group may compile: every gate's closure is sampled.
    static let overBudget = CompilationBudget(groupNodes: 0, closureNodes: 1_000_000, objectiveNodes: 1_000_000,
                                              systemNodes: 1_000_000, totalNodes: .max)

    @Test func eachClosureCountsWhatItsOwnDrawCounts() throws {
        let model = try TestModels.load(Self.chain)
        let structure = CompiledStructure(model, budget: Self.overBudget)
        let figures = model.components.map { OwnAvailability($0).probability }
        let targets = (1...Self.gates).map { structure.indexOf["g\($0)"]! }
        let shared = SharedClosureDraw(sampling: SystemSampling(structure: structure, figures: figures), targets: targets, seed: 7)
        #expect(shared.samples == SystemSampling.samples)
        for target in targets {
            let own = SystemSampling(structure: structure, figures: figures, targets: [target]).systemUpCount(seed: 7)
            let counts = try #require(shared.counts(of: target))
            #expect(counts.up == own.up && counts.samples == own.samples, "\(structure.names[target])")
        }
    }

    /// With two sampled figures allowed, a closure past them would keep bounds only; the shared
    /// draw gives every closure whose bounds do not meet an estimate, each within 5 standard errors
    /// of the hand figure.
    @Test func everyClosureIsEstimatedFromTheSharedDraw() throws {
        let model = try TestModels.load(Self.chain)
        let analysis = AvailabilityAnalysis(model, budget: Self.overBudget, evaluation: EvaluationBudget(work: 1_000_000, sampledFigures: 2))
        for index in 1...Self.gates {
            let figure = analysis.closures[analysis.structure.indexOf["g\(index)"]!]
            // g1's two members share nothing (b1 and s against a1): its bounds meet, exact.
            #expect(figure.method == (index == 1 ? .exact : .estimated), "g\(index)")
            let exact = Self.exact(index)
            let error = (exact * (1 - exact) / Double(SystemSampling.samples)).squareRoot()
            #expect(abs(figure.probability.down - exact) < 5 * error, "g\(index): \(figure.probability.down) against \(exact)")
        }
    }

    /// Two objectives on separate branches and the system: losing a closure loses the targets that
    /// reach it, and only those.
    @Test func aLostClosureLosesTheTargetsAboveIt() throws {
        let model = try TestModels.load("""
            version: 1
            system: two-branches
            components:
              x: { availability: 99% }
              y: { availability: 99% }
              a: { availability: 100%, depends_on: [x] }
              b: { availability: 100%, depends_on: [y] }
            objectives:
              left: { at: a, target: 99% }
              right: { at: b, target: 99% }
            """)
        let order = ComponentOrder(model)
        var targets = ReachableTargets(model, order: order)
        #expect(targets.lose(order.indexOf["x"]!) == 1)   // left and the system
        #expect(targets.lose(order.indexOf["x"]!) == 1)
        #expect(targets.lose(order.indexOf["b"]!) == 0)
    }
}
