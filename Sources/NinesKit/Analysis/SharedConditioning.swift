import Foundation

/// Conditioning across levels: terms whose units (each factor, each member of each group) share a
/// few components — a DNS and an identity provider every region needs, above regions that are
/// each k of their zones — are evaluated by fixing those shared components' states. Given them the
/// units share nothing free, so each state is planned again from the top (independent parts
/// multiply, a group of independent members is a Poisson-binomial, at any depth), and
///
///     Q = Σ_s P(s) · Q(s)
///
/// over the states s of the shared components, enumerated by how many are down (0, 1, 2, …).
/// A structure is coherent (more failures never bring anything up), so every state not
/// enumerated has Q between Q(nothing shared down) and 1: with R the probability of the states
/// left, Q lies in [Σ P(s)·Q(s) + R·Q(∅), Σ P(s)·Q(s) + R], a certified interval. Parts that test
/// no shared component are evaluated once for all states (remembered in the plan, `EvaluationPlan.remembered`).
extension PlanEvaluator {
    /// At most this many states of the shared components are enumerated.
    static let maximumStates = 4096

    /// Conditions on the `shared` levels (`candidates`: those that can fail, likeliest first), each
    /// state evaluated by `given`.
    mutating func condition(on shared: [Int], candidates: [Int], given: EvaluationPlan, _ context: EvaluationContext) -> TermsFigure? {
        var fixedContext = context
        if !fixedContext.hasFixed { fixedContext.fixed = [Bool](repeating: false, count: context.variables.count) }
        for level in shared { fixedContext.fixed[level] = true }   // the certain ones keep their figure (0 or 1)

        let q = candidates.map { context.variables[$0].down }, p = candidates.map { context.variables[$0].up }
        let allUp = p.reduce(1, *)
        // P(more than d of the candidates down), for d = 0, 1, …: the mass not yet enumerated.
        let tail = Self.countTails(q: q, p: p)
        // Σ P(s)·(each half of each end of the state's interval).
        var lowerDown = CompensatedSum(), lowerUp = CompensatedSum()
        var upperDown = CompensatedSum(), upperUp = CompensatedSum()
        // Σ P(s)·each state's best value, and the deepest level's mass and Σ P(s)·Q(s): the states
        // not enumerated are valued at that level's mean Q (estimated from the states seen).
        var bestDown = CompensatedSum(), bestUp = CompensatedSum()
        var levelMass = 0.0, levelDown = 0.0, estimateError = 0.0
        var birnbaum = [Double](repeating: 0, count: context.variables.count)
        var downWhenDown = [Double](repeating: 0, count: candidates.count), downTotal = 0.0
        var nothingDown: TermsFigure?
        var states = 0, depth = 0, inner: ConditioningSummary?
        // The mass enumerated in a level left unfinished (its states are counted, the tail holds them too).
        var partial = 0.0
        var size = 0
        levels: while true {
            var subset = Array(0..<size), subsetIsFirst = true
            repeat {
                guard states < Self.maximumStates, work > 0 else { break levels }
                var state = fixedContext
                var probability = allUp
                for level in candidates { state.variables[level] = .perfect }
                for index in subset {
                    state.variables[candidates[index]] = .failed
                    probability *= q[index] / p[index]
                }
                guard let figure = run(given, state) else { return nil }
                states += 1
                partial += probability
                if size == 0 { nothingDown = figure; inner = figure.conditioning }
                lowerDown.add(probability * figure.interval.lower.down)
                lowerUp.add(probability * figure.interval.lower.up)
                upperDown.add(probability * figure.interval.upper.down)
                upperUp.add(probability * figure.interval.upper.up)
                let best = figure.best
                bestDown.add(probability * best.down)
                bestUp.add(probability * best.up)
                estimateError += probability * figure.estimateError
                if subsetIsFirst { (levelMass, levelDown, subsetIsFirst) = (0, 0, false) }
                levelMass += probability
                levelDown += probability * best.down
                let middle = figure.middle.down
                downTotal += probability * middle
                for index in subset { downWhenDown[index] += probability * middle }
                for level in birnbaum.indices where figure.birnbaum[level] != 0 { birnbaum[level] += probability * figure.birnbaum[level] }
            } while Self.advance(&subset, below: candidates.count)
            (depth, partial) = (size, 0)
            let low = lowerDown.value + tail[size] * nothingDown!.interval.lower.down
            let high = upperDown.value + tail[size]
            if tail[size] == 0 || size == candidates.count || high - low <= ConditionedConjunction.relativeTolerance * low { break }
            size += 1
        }
        guard let nothingDown else { return nil }
        let rest = max(0, tail[depth] - partial)
        // Shared components: I_B = Q(down) − Q(up), from the enumerated states' middles.
        for (index, level) in candidates.enumerated() {
            let whenDown = downWhenDown[index] / q[index]
            let whenUp = (downTotal - downWhenDown[index]) / p[index]
            birnbaum[level] = max(0, whenDown - whenUp)
        }
        for level in shared where !candidates.contains(level) { birnbaum[level] = 0 }
        let conditioning = ConditioningSummary(components: candidates.count + (inner?.components ?? 0),
                                               depth: depth + (inner?.depth ?? 0), states: states + (inner?.states ?? 0))
        let interval = UnavailabilityInterval(lower: Probability(up: lowerUp.value + rest * nothingDown.interval.lower.up,
                                                                 down: lowerDown.value + rest * nothingDown.interval.lower.down),
                                              upper: Probability(up: upperUp.value, down: min(1, upperDown.value + rest)))
        let restDown = min(1, max(nothingDown.interval.lower.down, levelMass > 0 ? levelDown / levelMass : 0))
        let estimate = Probability(up: bestUp.value + rest * (1 - restDown), down: bestDown.value + rest * restDown)
        return TermsFigure(interval: interval,
                           birnbaum: birnbaum, conditioning: conditioning, diagramSize: nothingDown.diagramSize,
                           plan: conditionedPlan(candidates, states: states, exact: interval.isNarrow(relative: ConditionedConjunction.relativeTolerance),
                                                 given: nothingDown.plan), estimate: estimate,
                           // The states not enumerated valued at a mean: as uncertain as their whole bound.
                           estimateError: estimateError + rest / 2)
    }

    /// The route of a conditioning on `levels`: each state run as `given` (all of them up).
    func conditionedPlan(_ levels: [Int], states: Int, exact: Bool, given: FigurePlan) -> FigurePlan {
        let structure = figures.structure
        let names = levels.map { structure.names[structure.componentAtLevel[$0]] }
        return FigurePlan(.conditioned, "conditioned on shared components \(Format.names(names, limit: 6)) "
                          + "(\(Format.count(states)) states enumerated"
                          + (exact ? "" : "; stopped before it was exact: the evaluation budget or \(Format.count(Self.maximumStates)) states")
                          + "); in each state:",
                          reason: "units of the structure share them, so they are not independent",
                          components: names, parts: [given])
    }

    /// The next subset of the same size (ascending indices below `count`) in lexicographic order;
    /// false after the last (and for the empty one).
    static func advance(_ subset: inout [Int], below count: Int) -> Bool {
        var i = subset.count - 1
        while i >= 0 && subset[i] == count - subset.count + i { i -= 1 }
        guard i >= 0 else { return false }
        subset[i] += 1
        for j in (i + 1)..<subset.count { subset[j] = subset[j - 1] + 1 }
        return true
    }

    /// P(more than d of these independent components down), d = 0 … n, from the distribution of
    /// how many are down (a recursion of non-negative terms).
    static func countTails(q: [Double], p: [Double]) -> [Double] {
        var exactly = [Double](repeating: 0, count: q.count + 1)
        exactly[0] = 1
        for (index, down) in q.enumerated() {
            for j in stride(from: index + 1, through: 1, by: -1) { exactly[j] = exactly[j] * p[index] + exactly[j - 1] * down }
            exactly[0] *= p[index]
        }
        var tails = [Double](repeating: 0, count: q.count + 1)
        var sum = 0.0
        for d in stride(from: q.count, through: 0, by: -1) {
            tails[d] = sum
            sum += exactly[d]
        }
        return tails
    }
}
