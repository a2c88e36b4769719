import Foundation
import Testing
@testable import NinesKit

/// `ConditionedConjunction` on its own, against enumerating every variable state: random
/// conjunctions of small monotone factors over 10 variables, so several variables are shared and
/// states with a factor certainly down settle their subtrees. With some free variable that can
/// never be up, "certainly down" is no longer structural and no subtree may be settled: both
/// ways must give the exact figure and the exact Birnbaum importance.
@Suite struct ConditionedConjunctionTests {
    static let variableCount: Int32 = 10

    @Test(arguments: [false, true])
    func agreesWithEveryState(withAFailedVariable: Bool) throws {
        var random = SplitMix64(seed: withAFailedVariable ? 77 : 78)
        var checked = 0
        for _ in 0..<60 {
            let (bdd, roots, figures) = Self.randomCase(&random)
            var variables = figures
            guard let conjunction = ConditionedConjunction(bdd, roots: roots) else { continue }
            if withAFailedVariable {
                // A variable that no two factors share: a free one.
                let shared = Set(conjunction.conditioned)
                guard let free = (0..<Self.variableCount).first(where: { !shared.contains($0) }) else { continue }
                variables[Int(free)] = .failed
            }
            let result = conjunction.evaluate(variables, importance: true, workBudget: 50_000_000)
            let (up, birnbaum) = Self.enumerate(bdd, roots, variables)
            #expect(result.isExact)
            #expect(abs(result.interval.upper.up - up) < 1e-13 && abs(result.interval.lower.up - up) < 1e-13, "\(result.interval.upper.up) vs \(up)")
            #expect(abs(result.interval.lower.down - (1 - up)) < 1e-13)
            for level in 0..<Int(Self.variableCount) {
                #expect(abs(result.birnbaum[level] - birnbaum[level]) < 1e-12, "Birnbaum of \(level): \(result.birnbaum[level]) vs \(birnbaum[level]); conditioned \(conjunction.conditioned)")
            }
            checked += 1
        }
        #expect(checked >= 40)
    }

    /// With too little work to enumerate every state, a walk stops part-way through a level, and
    /// each walk steps over the states an earlier walk reached and it does not expand, reading
    /// their kept figures (`ConjunctionEnumeration.reached`): the certified interval must still
    /// hold the figure every state gives, and the estimate lie inside the interval.
    @Test func aPartialEnumerationStillBoundsTheFigure() throws {
        var random = SplitMix64(seed: 79)
        var bounded = 0
        for _ in 0..<120 {
            let (bdd, roots, variables) = Self.randomCase(&random)
            guard let conjunction = ConditionedConjunction(bdd, roots: roots) else { continue }
            let down = 1 - Self.enumerate(bdd, roots, variables).0
            for budget in [80, 100, 120, 140, 160, 200] {   // budgets that end walks past the first level part-way
                let result = conjunction.evaluate(variables, importance: false, workBudget: budget)
                let interval = result.interval
                #expect(interval.lower.down <= down + 1e-13 && down <= interval.upper.down + 1e-13,
                        "\(down) outside [\(interval.lower.down), \(interval.upper.down)] at \(budget)")
                if let estimate = result.estimate {
                    #expect(interval.lower.down <= estimate.down + 1e-15 && estimate.down <= interval.upper.down + 1e-15)
                }
                if !result.isExact && result.depth >= 2 { bounded += 1 }
            }
        }
        #expect(bounded >= 20)
    }

    /// A factor's conditioned variables are the bits of a mask: a factor testing more shared
    /// variables than `FactorDiagram.maximumConditioned` refuses the conjunction, whether that shows
    /// as its factor is walked (the earlier factors share them already) or only once every factor is.
    @Test func refusedPastTheMaskLimit() {
        let limit = Int32(FactorDiagram.maximumConditioned)
        func conjunction(_ factors: [[Int32]]) -> ConditionedConjunction? {
            let bdd = BDD()
            return ConditionedConjunction(bdd, roots: factors.map { levels in bdd.and(levels.map { bdd.variable($0) }) })
        }
        let shared = Array(0..<limit), over = Array(0...limit)
        // Two factors sharing `limit` variables, each with one of its own: held.
        #expect(conjunction([shared + [100], shared + [101]])?.conditioned.count == Int(limit))
        // One more shared: refused, the second factor over the limit as it is walked.
        #expect(conjunction([over + [100], over + [101]]) == nil)
        // The first factor is over the limit only once the later ones share its variables.
        #expect(conjunction([over + [100], [0, 101], Array(1...limit) + [102]]) == nil)
        #expect(conjunction([shared + [100], [0, 101], Array(1..<limit) + [102]])?.conditioned.count == Int(limit))
    }

    /// Three to six random monotone factors over `variableCount` variables, and the variables' figures.
    static func randomCase(_ random: inout SplitMix64) -> (BDD, [BDD.Ref], [Probability]) {
        let bdd = BDD()
        let roots = (0..<(3 + random.below(4))).map { _ in
            BDDConjunctionTests.randomFunction(bdd, variables: Self.variableCount, &random)
        }
        let variables = (0..<Int(Self.variableCount)).map { _ in
            Probability(unavailability: [1e-3, 0.01, 0.1, 0.3][random.below(4)])
        }
        return (bdd, roots, variables)
    }

    /// P(every root up) and ∂/∂p_v of it, by summing over all 2^n states.
    static func enumerate(_ bdd: BDD, _ roots: [BDD.Ref], _ variables: [Probability]) -> (Double, [Double]) {
        let n = variables.count
        var total = 0.0
        var whenUp = [Double](repeating: 0, count: n), whenDown = [Double](repeating: 0, count: n)
        for assignment in 0..<(1 << n) {
            guard roots.allSatisfy({ BDDConjunctionTests.evaluate(bdd, $0, assignment) }) else { continue }
            var probability = 1.0
            for v in 0..<n { probability *= (assignment >> v) & 1 == 1 ? variables[v].up : variables[v].down }
            total += probability
            // The same state without variable v's own factor: its weight when v is forced up or down.
            for v in 0..<n {
                let others = (0..<n).reduce(1.0) { $1 == v ? $0 : $0 * ((assignment >> $1) & 1 == 1 ? variables[$1].up : variables[$1].down) }
                if (assignment >> v) & 1 == 1 { whenUp[v] += others } else { whenDown[v] += others }
            }
        }
        return (total, (0..<n).map { whenUp[$0] - whenDown[$0] })
    }
}
