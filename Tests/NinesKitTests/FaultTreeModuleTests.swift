import Foundation
import Testing
@testable import NinesKit

/// Module detection (`FaultTreeModules`) and module variables (`BDDModules.swift`): figures,
/// importance, single points of failure and cut sets through modules against brute force and
/// against the flat diagram.
@Suite struct FaultTreeModuleTests {
    /// A hand-made tree in success logic (a gate listing inputs is an OR of failures, `any` an AND):
    /// `a` (e1, e2 nowhere else) and `d` are modules; `g` is one too although two gates read it (its
    /// inputs are read nowhere else); `b` is not (it reads `g`, which `top` also reads), nor `c`
    /// (e3 is also `b`'s own input), nor `x` (e5 is also `d`'s).
    static let tree = """
        version: 1
        system: modules
        components:
          top: { availability: 100%, depends_on: [a, b, d, g] }
          a: { availability: 100%, depends_on: [{ any: [e1, e2] }] }
          b: { availability: 100%, depends_on: [c, e3, g] }
          c: { availability: 100%, depends_on: [{ any: [e3, e4] }] }
          d: { availability: 100%, depends_on: [e5, x] }
          x: { availability: 100%, depends_on: [{ any: [e5, e6] }] }
          g: { availability: 100%, depends_on: [{ k_of: { k: 2, of: [e7, e8, e1b] } }] }
          e1: { availability: 0.9 }
          e2: { availability: 0.8 }
          e3: { availability: 0.97 }
          e4: { availability: 0.6 }
          e5: { availability: 0.95 }
          e6: { availability: 0.7 }
          e7: { availability: 0.85 }
          e8: { availability: 0.75 }
          e1b: { availability: 0.5 }
        objectives:
          top: { at: top }
        """

    /// The tree compiled in the fault-tree order with its modules stood for by variables, and flat.
    static func compiled(_ model: SystemModel, budget: CompilationBudget)
        -> (modular: CompiledStructure, flat: CompiledStructure, modules: Set<Int>) {
        let base = ComponentOrder(model)
        let levels = VariableOrder.faultTree(base)
        let order = ComponentOrder(base, levelOf: levels.levelOf, componentAtLevel: levels.componentAtLevel)
        let gates = VariableOrder.gates(model)
        let modules = FaultTreeModules.find(order.dependencies, count: model.components.count, roots: order.roots, candidates: gates)
        return (CompiledStructure(model, order: order, budget: budget, gates: gates, modules: modules),
                CompiledStructure(model, order: order, budget: budget, gates: gates), modules)
    }

    @Test func findsTheModulesOfAHandMadeTree() throws {
        let model = try ModelLoader.load(text: Self.tree, file: "tree.yaml")
        let order = ComponentOrder(model)
        let modules = FaultTreeModules.find(order.dependencies, count: model.components.count, roots: order.roots,
                                            candidates: VariableOrder.gates(model))
        #expect(Set(modules.map { order.names[$0] }) == ["a", "d", "g"])
    }

    /// Q, every component's Birnbaum importance and the single points of failure through module
    /// variables equal brute force over all 2^16 states (an evaluator that knows nothing of diagrams).
    @Test func figuresThroughModulesMatchBruteForce() throws {
        let model = try ModelLoader.load(text: Self.tree, file: "tree.yaml")
        let (modular, _, _) = Self.compiled(model, budget: .standard(for: model))
        #expect(modular.bdd.moduleRoots.count == 3)
        let analysis = AvailabilityAnalysis(model, structure: modular)
        let figure = analysis.objective(0)
        #expect(figure.method == .exact)
        #expect(figure.plan?.summary.contains("3 modules") == true)
        var brute = BruteForce(model)
        let reference = brute.closure(of: "top")
        #expect(abs(figure.probability.down - reference.probability.down) <= 1e-14)
        #expect(abs(figure.probability.up - reference.probability.up) <= 1e-14)
        for (index, component) in model.components.enumerated() where component.dependencies.isEmpty {
            let found = figure.importance.first { $0.component == component.name }?.birnbaum ?? 0
            #expect(abs(found - reference.birnbaum[index]) <= 1e-14, "\(component.name): \(found) vs \(reference.birnbaum[index])")
        }
        #expect(!figure.importance.contains { ["a", "d", "g"].contains($0.component) }, "a gate's importance is its inputs'")
        // Failing one event alone, everything else up: brute force by the structure table.
        let table = brute.table(requiring: ["top"])
        let all = (1 << model.components.count) - 1
        let singles = model.components.indices.filter { !table[all & ~(1 << $0)] && model.components[$0].dependencies.isEmpty }
        #expect(Set(analysis.singlePointsOfFailure(objective: 0)) == Set(singles.map { model.components[$0].name }))
        #expect(Set(analysis.singlePointsOfFailure(objective: 0)) == ["e3", "e5"])
    }

    /// Cut sets list basic events, never a module: the same sets as the flat diagram's, and at an
    /// order limit the same truncation.
    @Test func cutSetsThroughModulesAreTheFlatDiagramsCutSets() throws {
        let model = try ModelLoader.load(text: Self.tree, file: "tree.yaml")
        let (modular, flat, _) = Self.compiled(model, budget: .standard(for: model))
        #expect(flat.bdd.moduleRoots.isEmpty)
        for maxOrder in [1, 2, 3, 6] {
            let viaModules = MinimalCutSets(AvailabilityAnalysis(model, structure: modular), maxOrder: maxOrder).objectives[0]
            let reference = MinimalCutSets(AvailabilityAnalysis(model, structure: flat), maxOrder: maxOrder).objectives[0]
            #expect(Set(viaModules.cutSets.map(\.events)) == Set(reference.cutSets.map(\.events)), "order \(maxOrder)")
            #expect(viaModules.beyondOrder == reference.beyondOrder, "order \(maxOrder)")
            #expect(viaModules.fussellVesely == reference.fussellVesely, "order \(maxOrder)")
        }
        let all = MinimalCutSets(AvailabilityAnalysis(model, structure: modular), maxOrder: 6).objectives[0]
        #expect(all.cutSets.contains { $0.events == ["e1", "e2"] })
        #expect(!all.cutSets.contains { $0.events.contains { ["a", "d", "g", "x"].contains($0) } })
    }

    /// Generated trees (SCRAM's generator's shape, `FaultTreeOrderTests.generatedTree`, seeds 1–30, few events shared):
    /// wherever a tree has modules, the modular diagram's Q, importance, single points of failure and
    /// cut sets equal the flat diagram's.
    @Test func modulesAgreeWithTheFlatDiagram() throws {
        var compared = 0
        for seed in UInt64(1)...30 {
            let text = FaultTreeOrderTests.generatedTree(seed: seed, events: 40, gates: 40, children: 4, shared: 0.05)
            let model = try ModelLoader.load(text: text, file: "tree.yaml")
            let large = Self.compiled(model, budget: .standard(for: model))
            guard !large.modules.isEmpty, large.modular.objectives[0].diagram != nil, large.flat.objectives[0].diagram != nil
            else { continue }
            compared += 1
            let viaModules = AvailabilityAnalysis(model, structure: large.modular)
            let reference = AvailabilityAnalysis(model, structure: large.flat)
            Self.expectSameFigures(viaModules, reference, seed: seed)
        }
        #expect(compared >= 3, "trees with modules compared: \(compared)")
    }

    static func expectSameFigures(_ analysis: AvailabilityAnalysis, _ reference: AvailabilityAnalysis, seed: UInt64) {
        let figure = analysis.objective(0), expected = reference.objective(0)
        #expect(figure.method == .exact, "seed \(seed)")
        #expect(abs(figure.probability.down - expected.probability.down) <= 1e-13 * expected.probability.down, "seed \(seed)")
        let birnbaum = Dictionary(uniqueKeysWithValues: expected.importance.map { ($0.component, $0.birnbaum) })
        #expect(Set(figure.importance.map(\.component)) == Set(birnbaum.keys), "seed \(seed)")
        for importance in figure.importance {
            #expect(abs(importance.birnbaum - (birnbaum[importance.component] ?? 0)) <= 1e-12, "seed \(seed): \(importance.component)")
        }
        #expect(analysis.singlePointsOfFailure(objective: 0) == reference.singlePointsOfFailure(objective: 0), "seed \(seed)")
        let cuts = MinimalCutSets(analysis, maxOrder: 3).objectives[0]
        let flatCuts = MinimalCutSets(reference, maxOrder: 3).objectives[0]
        #expect(Set(cuts.cutSets.map(\.events)) == Set(flatCuts.cutSets.map(\.events)), "seed \(seed)")
        #expect(cuts.beyondOrder == flatCuts.beyondOrder, "seed \(seed)")
    }
}
