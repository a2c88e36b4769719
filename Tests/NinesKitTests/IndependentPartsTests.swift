import Testing
@testable import NinesKit

/// The planner's split of a conjunction into parts that share no free component must be the
/// partition that the levels each term tests give (read off every node here, joined by hand): with
/// no level fixed the planner walks all terms' nodes once (`TermSets`), with some fixed level by
/// level.
@Suite struct IndependentPartsTests {
    /// Terms over 12 variables: diagrams, some built on others (so terms share nodes), and
    /// groups of two or three of them.
    static func randomTerms(_ bdd: BDD, _ random: inout SplitMix64) -> ConjunctionTerms {
        var diagrams: [BDD.Ref] = []
        for _ in 0..<(3 + random.below(6)) {
            // A few variables near each other, so that some terms share none.
            let base = Int32(random.below(10))
            var f = BDDConjunctionTests.randomFunction(bdd, of: [base, base + 1, base + 2], &random)
            if !diagrams.isEmpty && random.below(3) == 0 { f = bdd.and(f, diagrams[random.below(diagrams.count)]) }
            diagrams.append(f)
        }
        var terms = ConjunctionTerms(factors: [], groups: [])
        for diagram in diagrams {
            if random.below(4) == 0, terms.factors.count >= 2 {
                let members = [terms.factors.removeLast(), diagram].map { ConjunctionTerms(factors: [$0], groups: []) }
                terms.groups.append(.init(k: 1, members: members))
            } else {
                terms.factors.append(diagram)
            }
        }
        return terms
    }

    /// The parts by hand: terms joined while two of them test a common free level.
    static func partsByLevels(_ bdd: BDD, _ terms: ConjunctionTerms, fixed: Set<Int32>) -> [ConjunctionTerms] {
        let units: [[BDD.Ref]] = terms.factors.map { [$0] } + terms.groups.map { $0.members.flatMap(\.allFactors) }
        var levels = units.map { roots in Set(roots.flatMap { bdd.nodes(below: $0).map { bdd.level($0) } }).subtracting(fixed) }
        var owner = Array(units.indices)
        var changed = true
        while changed {
            changed = false
            for a in units.indices { for b in units.indices where owner[a] != owner[b] && !levels[a].isDisjoint(with: levels[b]) {
                let (from, to) = (max(owner[a], owner[b]), min(owner[a], owner[b]))
                for i in units.indices where owner[i] == from { owner[i] = to }
                levels[a].formUnion(levels[b])
                levels[b] = levels[a]
                changed = true
            } }
        }
        var parts: [Int: ConjunctionTerms] = [:], order: [Int] = []
        for (index, set) in owner.enumerated() {
            if parts[set] == nil { parts[set] = ConjunctionTerms(factors: [], groups: []); order.append(set) }
            if index < terms.factors.count { parts[set]!.factors.append(terms.factors[index]) } else { parts[set]!.groups.append(terms.groups[index - terms.factors.count]) }
        }
        return order.map { parts[$0]! }
    }

    @Test func partsAreThoseOfTheLevelsTested() {
        var random = SplitMix64(seed: 20)
        var split = 0
        for _ in 0..<300 {
            let bdd = BDD()
            let terms = Self.randomTerms(bdd, &random)
            var planner = FigurePlanner(bdd, variables: Array(repeating: Probability(availability: 0.9), count: 16))
            let parts = planner.independentParts(terms, [])
            #expect(parts == Self.partsByLevels(bdd, terms, fixed: []))
            if parts.count > 1 { split += 1 }
            let fixedLevel = Int32(random.below(12))
            var fixed = [Bool](repeating: false, count: planner.scratch.levelCount)
            if Int(fixedLevel) < fixed.count { fixed[Int(fixedLevel)] = true }
            #expect(planner.independentParts(terms, fixed) == Self.partsByLevels(bdd, terms, fixed: Int(fixedLevel) < fixed.count ? [fixedLevel] : []))
        }
        #expect(split > 50 && split < 250)   // both outcomes are exercised
    }
}
