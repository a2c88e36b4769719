import Foundation
import Testing
@testable import NinesKit

/// A fault tree whose top event needs several events down at once (every event at 1e-2, as in
/// Aralia's nus9601), forced to sampling: its certified interval is not the trivial [0, 1] and
/// holds the exact figure, the estimate sees outages with a stated relative error below 10% and
/// lies inside the interval. The bounds (`associationBounds`, the union of `HeaviestCutSets`)
/// are checked against brute-force enumeration on random models.
@Suite struct SampledFaultTreeTests {
    /// In failure logic: top = G1 ∨ G2, G1 = a ∧ b ∧ c, G2 = b ∧ d ∧ (c ∨ e), every event at q = 1e-2.
    /// Minimal cut sets {a, b, c}, {b, c, d}, {b, d, e}; by inclusion–exclusion over them
    /// Q = 3q³ − 2q⁴ (the pairs {a,b,c}∧{b,c,d} = q⁴, {a,b,c}∧{b,d,e} = q⁵, {b,c,d}∧{b,d,e} = q⁴,
    /// the triple q⁵): 3e-6 − 2e-8 + q⁵ − q⁵ = 2.98e-6.
    static let tree = """
        version: 1
        system: shared-events
        components:
          a: { availability: 99% }
          b: { availability: 99% }
          c: { availability: 99% }
          d: { availability: 99% }
          e: { availability: 99% }
          g1: { availability: 100%, depends_on: [{ any: [a, b, c] }] }
          ce: { availability: 100%, depends_on: [c, e] }
          g2: { availability: 100%, depends_on: [{ any: [b, d, ce] }] }
          top: { availability: 100%, depends_on: [g1, g2] }
        objectives:
          top: { at: top, target: 99.9% }
        """
    static let exact = 3e-6 - 2e-8

    /// No `any` group may compile: the top event is sampled.
    static let overBudget = CompilationBudget(groupNodes: 0, closureNodes: 1_000_000, objectiveNodes: 1_000_000,
                                              systemNodes: 1_000_000, totalNodes: .max)

    @Test func theHandFigureIsTheEnumeratedOne() throws {
        var reference = BruteForce(try TestModels.load(Self.tree))
        #expect(abs(reference.closure(of: "top").probability.down - Self.exact) <= 1e-15)
    }

    @Test func aSampledTreeHasANonTrivialIntervalWithTheEstimateInside() throws {
        let figure = AvailabilityAnalysis(try TestModels.load(Self.tree), budget: Self.overBudget).objective(0)
        #expect(figure.method == .estimated)
        let interval = try #require(figure.interval)
        // The lower end is the union of the three cut sets found: Q itself here.
        #expect(interval.lower.down > 0.99 * Self.exact && interval.lower.down <= Self.exact * (1 + 1e-12))
        #expect(interval.upper.down >= Self.exact && interval.upper.down < 1e-3, "upper \(interval.upper.down)")
        let estimate = try #require(figure.estimate)
        let unavailability = 1 - estimate.availability
        // Clamped in availability: 1 − A loses digits below 1e-16 absolute.
        #expect(interval.lower.down - 1e-15 <= unavailability && unavailability <= interval.upper.down + 1e-15)
        #expect(interval.lower.down - 1e-15 <= figure.probability.down && figure.probability.down <= interval.upper.down + 1e-15)
        #expect(estimate.sampling != "plain" && (estimate.relativeError ?? 1) < 0.1)
    }

    /// The objective on the top event and the system figure are one figure: drawn once (so the
    /// second does not spend the analysis's last sampled figure and fall to bounds only).
    @Test func anObjectiveOnTheTopEventAndTheSystemAreSampledOnce() throws {
        let analysis = AvailabilityAnalysis(try TestModels.load(Self.tree), budget: Self.overBudget,
                                            evaluation: EvaluationBudget(work: 1_000_000, sampledFigures: 1))
        let objective = analysis.objective(0), system = analysis.system()
        #expect(objective.method == .estimated && system.method == .estimated)
        #expect(objective.estimate == system.estimate && objective.probability == system.probability)
        #expect(objective.interval == system.interval)
    }

    /// At least 2 of 3 independent members up, none compiled: the association bounds of
    /// independent members are the Poisson-binomial at both ends, so they meet and the figure is
    /// exact without a draw. By hand (q = 0.01, 0.02, 0.03): down when two or more are down,
    /// q1q2 + q1q3 + q2q3 − 2q1q2q3 = 0.0002 + 0.0003 + 0.0006 − 0.000012 = 0.001088.
    @Test func boundsThatMeetAreAnExactFigureNotASample() throws {
        let model = try TestModels.load("""
            version: 1
            system: two-of-three
            components:
              a: { availability: 99% }
              b: { availability: 98% }
              c: { availability: 97% }
              top: { availability: 100%, depends_on: [{ k_of: { k: 2, of: [a, b, c] } }] }
            objectives:
              top: { at: top, target: 99.9% }
            """)
        let nothing = CompilationBudget(groupNodes: 0, closureNodes: 0, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        let figure = AvailabilityAnalysis(model, budget: nothing).objective(0)
        #expect(figure.method == .exact)
        #expect(figure.plan?.kind == .boundsOnly && figure.estimate == nil)
        #expect(abs(figure.probability.down - 0.001088) <= 1e-15, "\(figure.probability.down)")
    }

    @Test func theLikeliestCutSetsAreTheMinimalOnes() throws {
        let analysis = AvailabilityAnalysis(try TestModels.load(Self.tree), budget: Self.overBudget)
        let structure = analysis.structure
        let top = try #require(structure.indexOf["top"])
        let cuts = try #require(analysis.compiled.heaviestCutSets(targets: [top], view: .callers))
        let named = Set(cuts.map { Set($0.components.map { structure.names[$0] }) })
        #expect(named == [["a", "b", "c"], ["b", "c", "d"], ["b", "d", "e"]])
        #expect(cuts.allSatisfy { abs($0.probability - 1e-6) <= 1e-18 })
    }

    /// Importance sampling over the cut sets: within three stated errors of Q, the error below 10%,
    /// the same seed the same estimate. (Plain sampling would need about 3e5 samples per outage.)
    @Test func theCutSetMixtureEstimatesWithinItsStatedError() throws {
        let analysis = AvailabilityAnalysis(try TestModels.load(Self.tree), budget: Self.overBudget)
        let top = try #require(analysis.structure.indexOf["top"])
        let cuts = try #require(analysis.compiled.heaviestCutSets(targets: [top], view: .callers))
        let sampling = SystemSampling(structure: analysis.structure, figures: analysis.effective.map(\.masked.probability), targets: [top])
        let estimate = CutSetMixtureSampling(sampling: sampling, cuts: cuts).estimate(seed: 7)
        #expect(estimate.relativeError < 0.1)
        #expect(abs(estimate.unavailability - Self.exact) <= 3 * estimate.standardError, "\(estimate) vs \(Self.exact)")
        #expect(CutSetMixtureSampling(sampling: sampling, cuts: cuts).estimate(seed: 7) == estimate)
    }

    /// Esary–Proschan style bounds by hand: at least 2 of 3 events (q = 0.1, 0.2, 0.3) down when
    /// they share components is at least the product of the two largest (0.06) and at most
    /// 1 − (1 − 0.1)(1 − 0.2) = 0.28 (of any two, one is down); independent, the Poisson-binomial
    /// 0.1·0.2 + 0.1·0.3 + 0.2·0.3 − 2·0.1·0.2·0.3 = 0.098 at both ends.
    @Test func theBoundsOfAtLeastTwoOfThreeAreTheHandOnes() {
        let events = [(0.1, 0.1), (0.2, 0.2), (0.3, 0.3)].map { (lower: $0.0, upper: $0.1) }
        let shared = CompiledFigures.atLeast(2, down: events, independent: false)
        #expect(abs(shared.lower - 0.06) <= 1e-15 && abs(shared.upper - 0.28) <= 1e-15)
        let independent = CompiledFigures.atLeast(2, down: events, independent: true)
        #expect(abs(independent.lower - 0.098) <= 1e-15 && abs(independent.upper - 0.098) <= 1e-15)
        let any = CompiledFigures.any(events, independent: false)
        #expect(abs(any.lower - 0.3) <= 1e-15 && abs(any.upper - (1 - 0.9 * 0.8 * 0.7)) <= 1e-15)
    }

    /// On random small models (shared dependencies, `any` and `k_of` groups, replicas, bridges),
    /// every component's closure: the association bounds and the cut sets' union hold the
    /// brute-force figure (path view: the random models have no failover or masking).
    @Test func theBoundsHoldTheEnumeratedFigureOnRandomModels() {
        var rng = SplitMix64(seed: 0x5EED_0B0D)
        // No group and no conjunction compiles: only single components have a diagram, so the
        // bounds are built from the rules, not read off diagrams.
        let nothing = CompilationBudget(groupNodes: 0, closureNodes: 0, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        var checked = 0, narrow = 0
        for number in 0..<300 {
            let model = RandomModels.make(&rng, index: number)
            let effective = model.components.map { EffectiveAvailability($0) }
            let compiled = CompiledFigures(CompiledStructure(model, budget: nothing), effective: effective)
            var reference = BruteForce(model)
            for (index, component) in model.components.enumerated() {
                let exact = reference.closure(of: component.name).probability.down
                guard let bounds = compiled.associationBounds(targets: [index], view: .path) else { continue }
                let slack = 1e-12 * max(exact, 1e-300) + 1e-300
                #expect(bounds.lower.down <= exact + slack && exact <= bounds.upper.down + slack,
                        "model \(number) \(component.name): \(exact) outside [\(bounds.lower.down), \(bounds.upper.down)]")
                let cuts = compiled.heaviestCutSets(targets: [index], view: .path) ?? []
                let union = CutSetUnion(levels: 0, variables: effective.map(\.effective.probability))
                    .probability(of: cuts.map { $0.components.map(Int32.init) }) ?? 0
                #expect(union <= exact + slack, "model \(number) \(component.name): cut sets' union \(union) above \(exact)")
                if bounds.width <= 1e-12 * exact { narrow += 1 }
                checked += 1
            }
        }
        #expect(checked > 1000 && narrow > 100 && checked - narrow > 100, "\(checked) checked, \(narrow) exact")
    }
}
