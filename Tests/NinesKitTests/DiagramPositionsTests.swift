import Testing
@testable import NinesKit

/// `BDD.nodes(below:)` (a bit per ref, read from the top) against a plain walk written here, and
/// `DiagramPositions` (a table for a dense diagram, a dictionary for a sparse one) against each
/// node's index in that list, on random diagrams built beside unrelated ones so that some roots'
/// diagrams are sparse in their ref range.
@Suite struct DiagramPositionsTests {
    /// Every node below `root` (terminals excluded), descending refs: a set and a sort.
    static func reference(_ bdd: BDD, _ root: BDD.Ref) -> [BDD.Ref] {
        guard root > BDD.up else { return [] }
        var seen: Set<BDD.Ref> = [root], stack = [root]
        while let node = stack.popLast() {
            for child in [bdd.low(node), bdd.high(node)] where child > BDD.up && seen.insert(child).inserted { stack.append(child) }
        }
        return seen.sorted(by: >)
    }

    @Test func theWalkAndThePositionsAreThePlainOnes() {
        var random = SplitMix64(seed: 7)
        var (dense, sparse) = (0, 0)
        for _ in 0..<60 {
            let bdd = BDD()
            var roots: [BDD.Ref] = []
            for _ in 0..<4 { roots.append(MinimalCutSetSearchTests.randomFunction(bdd, &random, depth: 5)) }
            // A small function made last: its few nodes sit among many unrelated refs.
            roots.append(bdd.and(bdd.variable(5), bdd.variable(6)))
            for root in roots + [BDD.up, BDD.down] {
                let nodes = bdd.nodes(below: root)
                #expect(nodes == Self.reference(bdd, root))
                guard let first = nodes.first, let last = nodes.last else { continue }
                if Int(first - last) + 1 <= 8 * nodes.count { dense += 1 } else { sparse += 1 }
                let positions = DiagramPositions(nodes)
                for (index, node) in nodes.enumerated() { #expect(positions[node] == index) }
            }
        }
        #expect(dense > 0 && sparse > 0, "both kinds of table exercised: \(dense) dense, \(sparse) sparse")
    }
}
