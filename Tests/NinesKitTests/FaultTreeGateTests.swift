import Foundation
import Testing
@testable import NinesKit

/// A fault tree's gates (perfect junctions, `VariableOrder.gates`) left out of the diagram: the
/// same figures, checked against brute force over the basic events, on fewer nodes.
@Suite struct FaultTreeGateTests {
    /// Q of "`top` with what it needs up" by enumerating the 2^n states of the basic events (the
    /// components without dependencies) and evaluating every gate by recursion over its inputs:
    /// independent of the BDD. Up and down are summed separately, as the engine does.
    static func bruteForce(_ model: SystemModel, top: String) -> Probability {
        let byName = Dictionary(uniqueKeysWithValues: model.components.map { ($0.name, $0) })
        let events = model.components.filter(\.dependencies.isEmpty).map(\.name)
        let bit = Dictionary(uniqueKeysWithValues: events.enumerated().map { ($1, $0) })
        let own = events.map { OwnAvailability(byName[$0]!).probability }
        var up = 0.0, down = 0.0
        for state in 0..<(1 << events.count) {
            func isUp(_ name: String) -> Bool {
                if let index = bit[name] { return state & (1 << index) != 0 }
                return byName[name]!.dependencies.allSatisfy { dependency in
                    switch dependency {
                    case .component(let name, _): return isUp(name)
                    case .group(let k, let members, _): return members.filter(isUp).count >= k
                    }
                }
            }
            let probability = events.indices.reduce(1.0) { $0 * (state & (1 << $1) != 0 ? own[$1].up : own[$1].down) }
            if isUp(top) { up += probability } else { down += probability }
        }
        return Probability(up: up, down: down)
    }

    /// Seed 5 with at most 13 basic events and 10 gates (the shape of SCRAM's generator, see
    /// `FaultTreeOrderTests.generatedTree`): without its gates the top event's diagram is smaller
    /// and the figure is the brute-force one.
    @Test func leavingOutGatesKeepsTheFigureOnFewerNodes() throws {
        let model = try ModelLoader.load(text: FaultTreeOrderTests.generatedTree(seed: 5, events: 13, gates: 10, children: 3, shared: 0.4),
                                         file: "tree.yaml")
        let base = ComponentOrder(model)
        let levels = VariableOrder.faultTree(base)
        let order = ComponentOrder(base, levelOf: levels.levelOf, componentAtLevel: levels.componentAtLevel)
        let gates = VariableOrder.gates(model)
        #expect(gates.count == model.components.filter { !$0.dependencies.isEmpty }.count)
        let budget = CompilationBudget.standard(for: model)
        let withGates = CompiledStructure(model, order: order, budget: budget)
        let withoutGates = CompiledStructure(model, order: order, budget: budget, gates: gates)
        let gated = try #require(withGates.objectives[0].diagram), gateless = try #require(withoutGates.objectives[0].diagram)
        #expect(withoutGates.bdd.size(of: gateless) < withGates.bdd.size(of: gated))
        // No diagram node tests a gate.
        let tested = Set(withoutGates.bdd.nodes(below: gateless).map { withoutGates.componentAtLevel[Int(withoutGates.bdd.level($0))] })
        #expect(tested.isDisjoint(with: gates))

        let reference = Self.bruteForce(model, top: "g0")
        let figure = AvailabilityAnalysis(model, structure: withoutGates).objective(0)
        #expect(figure.method == .exact)
        #expect(abs(figure.probability.down - reference.down) <= 1e-12 * reference.down, "\(figure.probability.down) vs \(reference.down)")
        #expect(abs(figure.probability.up - reference.up) <= 1e-12)
    }

    /// A component with a failure of its own, or a failover that can add one, keeps its variable.
    @Test func onlyPerfectJunctionsAreGates() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: gates
            components:
              top: { availability: 100%, depends_on: [left, right] }
              left: { availability: 99.9%, depends_on: [a] }
              right: { availability: 100%, depends_on: [{ any: [a, b] }] }
              a: { availability: 99% }
              b: { availability: 98% }
            """, file: "gates.yaml")
        #expect(VariableOrder.gates(model) == Set(["top", "right"].map { name in model.components.firstIndex { $0.name == name }! }))
    }
}
