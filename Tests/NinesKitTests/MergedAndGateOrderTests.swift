import Foundation
import Testing
@testable import NinesKit

/// The fault-tree order with AND gates merged into the AND gate that alone reads them
/// (`VariableOrder.faultTree(_:mergingAndGates:)`, SCRAM's gate coalescing): the order written out
/// by hand on a small tree, and the figure of generated trees in both orders against brute force.
@Suite struct MergedAndGateOrderTests {
    /// In failure logic top = a1 ∨ x, a1 = a2 ∧ y, a2 = z ∧ w; model order top, a1, a2, x, y, z, w.
    static let tree = """
        version: 1
        system: merged
        components:
          top: { availability: 100%, depends_on: [a1, x] }
          a1: { availability: 100%, depends_on: [{ any: [a2, y] }] }
          a2: { availability: 100%, depends_on: [{ any: [z, w] }] }
          x: { availability: 99% }
          y: { availability: 98% }
          z: { availability: 97% }
          w: { availability: 96% }
        """

    /// Without merging, a1's inputs are a2 (a gate first) then y, so a2's events z, w come before y:
    /// post-order z, w, a2, y, a1, x, top. Merged, a1 reads y, z and w itself (all read once: model
    /// order), and a2 is placed just before a1: y, z, w, a2, a1, x, top.
    @Test func anAndGateReadByNothingElseIsMergedIntoItsParent() throws {
        let base = ComponentOrder(try TestModels.load(Self.tree))
        let names = { (levels: (levelOf: [Int32], componentAtLevel: [Int])) in levels.componentAtLevel.map { base.names[$0] } }
        #expect(names(VariableOrder.faultTree(base, mergingAndGates: false)) == ["z", "w", "a2", "y", "a1", "x", "top"])
        #expect(names(VariableOrder.faultTree(base)) == ["y", "z", "w", "a2", "a1", "x", "top"])
    }

    /// Generated trees of 8 events and up to 6 gates (OR, AND and k-of-n, shared events): the top
    /// event's figure in the merged and the unmerged order equals brute-force enumeration.
    @Test(arguments: 1...6) func bothOrdersGiveTheBruteForceFigure(seed: UInt64) throws {
        let model = try ModelLoader.load(text: FaultTreeOrderTests.generatedTree(seed: seed, events: 8, gates: 6, children: 3, shared: 0.3),
                                         file: "tree.yaml")
        var reference = BruteForce(model)
        let exact = reference.closure(of: "g0").probability.down
        let base = ComponentOrder(model)
        for merging in [false, true] {
            let levels = VariableOrder.faultTree(base, mergingAndGates: merging)
            let order = ComponentOrder(base, levelOf: levels.levelOf, componentAtLevel: levels.componentAtLevel)
            let structure = CompiledStructure(model, order: order, budget: .standard(for: model), gates: VariableOrder.gates(model))
            let figure = AvailabilityAnalysis(model, structure: structure).objective(0)
            #expect(figure.method == .exact)
            #expect(abs(figure.probability.down - exact) <= 1e-12 * max(exact, 1e-300), "merging \(merging): \(figure.probability.down) against \(exact)")
        }
    }
}
