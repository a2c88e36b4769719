import Testing
@testable import NinesKit

/// The cut-set search on random coherent diagrams, every node taken as a root, against brute force
/// written here (every set of failed variables, the diagram walked for each). One search serves
/// all the roots in turn, as the report's objectives, system and modules share one: a node first
/// searched deep inside another root's diagram (where it keeps only the cut sets that can be
/// extended) must list exactly what a search of it alone lists, in the same order.
@Suite struct MinimalCutSetSearchTests {
    static let variables = 7

    /// A random "up" function: AND and OR of variables (a variable's down branch is its failure).
    static func randomFunction(_ bdd: BDD, _ random: inout SplitMix64, depth: Int) -> BDD.Ref {
        if depth == 0 || random.next() % 4 == 0 { return bdd.variable(Int32(random.next() % UInt64(variables))) }
        let left = randomFunction(bdd, &random, depth: depth - 1), right = randomFunction(bdd, &random, depth: depth - 1)
        return random.next() % 2 == 0 ? bdd.and(left, right) : bdd.or(left, right)
    }

    /// Whether failing exactly the variables of `mask` takes the function down.
    static func isDown(_ bdd: BDD, _ root: BDD.Ref, _ mask: Int) -> Bool {
        var node = root
        while node > BDD.up { node = mask & (1 << Int(bdd.level(node))) != 0 ? bdd.low(node) : bdd.high(node) }
        return node == BDD.down
    }

    /// Every minimal cut set, as sorted levels.
    static func bruteForce(_ bdd: BDD, _ root: BDD.Ref) -> Set<[Int32]> {
        var result = Set<[Int32]>()
        for mask in 0..<(1 << variables) where isDown(bdd, root, mask) {
            let minimal = (0..<variables).allSatisfy { bit in mask & (1 << bit) == 0 || !isDown(bdd, root, mask & ~(1 << bit)) }
            if minimal { result.insert((0..<variables).filter { mask & (1 << $0) != 0 }.map(Int32.init)) }
        }
        return result
    }

    @Test func sharedSearchListsWhatAFreshOneAndBruteForceDo() {
        var random = SplitMix64(seed: 20)
        let weight = [Int](repeating: 1, count: Self.variables)
        for _ in 0..<80 {
            let bdd = BDD()
            let top = Self.randomFunction(bdd, &random, depth: 5)
            // Deepest first: each root's inner nodes were searched before, as part of other roots.
            let roots = bdd.nodes(below: top).sorted { bdd.level($0) > bdd.level($1) } + [top]
            for order in 1...3 {
                var shared = MinimalCutSetSearch(bdd: bdd, weight: weight, maxOrder: order)
                _ = shared.cutSets(of: top)
                for root in roots {
                    var fresh = MinimalCutSetSearch(bdd: bdd, weight: weight, maxOrder: order)
                    let alone = fresh.cutSets(of: root), found = shared.cutSets(of: root)
                    #expect(found.cuts == alone.cuts)
                    #expect(found.truncated == alone.truncated)
                    let all = Self.bruteForce(bdd, root)
                    #expect(Set(found.cuts) == all.filter { $0.count <= order })
                    #expect(found.cuts.count == Set(found.cuts).count)
                    if all.contains(where: { $0.count > order }) { #expect(found.truncated) }
                }
            }
        }
    }
}
