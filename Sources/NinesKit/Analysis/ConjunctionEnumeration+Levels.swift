import Foundation

/// The level-by-level walk of a `ConjunctionEnumeration`: states by how many candidates are down,
/// each level's frontier bounding what is left, until the interval is narrow or the work budget ends.
extension ConjunctionEnumeration {
    /// - Parameter keepsEstimate: whether the figure will show the estimate inside this
    ///   interval; when not, the remainder is not sampled and the result has no estimate.
    mutating func run(workBudget: Int, keepsEstimate: (UnavailabilityInterval) -> Bool = { _ in true }) -> ConditionedConjunction.Result {
        budget = workBudget
        // The last level's draws (`sampleFrontier`) come out of the same budget: their share is
        // kept back from the walks.
        let walkBudget = workBudget - Int(Double(workBudget) * RemainderSampling.budgetShare)
        var limit = 0
        var previousWidth = 1.0, previousChildren = 1
        while true {
            walk(limit: limit)
            let width = frontierWidth.value
            // Every subtree settled: nothing left to enumerate. (Without settling, certainly-down
            // states stay on the frontier with width 0, and are walked for their importance.)
            if width == 0 && (prunes || nextChildren == 0) { break }
            defer { (previousWidth, previousChildren) = (width, max(1, nextChildren)) }
            // Cost of the next level: the children of this level's live states, each updating the
            // factors its component touches (importance gathers visit them again, up to its depth),
            // and the lower levels walked again. Levels that cost next to nothing are walked even
            // past the tolerance, so small models are enumerated whole (importance then exact).
            let gathers = wantsImportance && limit + 1 <= importanceDepth ? limit + 2 : 1
            let next = Double(walkWork) + Double(nextChildren) * averageTouches * Double(gathers)
            let lowDown = downTotal.value + frontierDown.value
            if width <= ConditionedConjunction.relativeTolerance * lowDown && next > Double(ConditionedConjunction.freeLevelWork) { break }
            // Past the cheap levels, with two levels to extrapolate from: when not even an interval
            // narrower than the figure is in reach, leave the budget to sampling.
            let costly = limit >= 1 && next > Double(ConditionedConjunction.freeLevelWork)
            if costly && width > lowDown && lowDown > 0
                && !canNarrow(to: lowDown, width: width, previousWidth: previousWidth, next: next,
                              growth: Double(nextChildren) / Double(previousChildren), budget: walkBudget) { break }
            if Double(work) + next * 1.2 > Double(walkBudget) {
                // The whole next level is out of reach: walk it in part, expanding this level's
                // states in walk order (likeliest components first) while the budget lasts and
                // until the interval is narrow enough; the others keep their bound. The walk of
                // the levels below costs `walkWork` again, so that much is kept back. (Not below
                // the first level: the state with nothing down is expanded whole or not at all.)
                let target = ConditionedConjunction.narrowTolerance * lowDown
                if limit >= 1 && width > target && work + walkWork < walkBudget {
                    partial = PartialLevel(workCap: walkBudget - walkWork, targetWidth: target, previousWidth: width)
                    walk(limit: limit + 1)
                    if partial.expanded > 0 { limit += 1 }
                    partial = .whole
                }
                break
            }
            limit += 1
        }
        let width = frontierWidth.value
        // Each end a consistent pair: the tail's mass counted up at the lower end, down at the upper.
        let lowDown = downSum + frontierDown.value
        let interval = UnavailabilityInterval(lower: Probability(up: min(1, upSum + width), down: lowDown),
                                              upper: Probability(up: upSum, down: min(1, lowDown + width)))
        // The sampled share of the width the states not enumerated hold (`sampleRemainder`).
        var estimate: Probability?
        if keepsEstimate(interval) {
            sampleFrontier()
            let shift = min(max(0, remainderShift.value), width)
            estimate = Probability(up: min(1, upSum + (width - shift)), down: min(1, lowDown + shift))
        }
        return ConditionedConjunction.Result(interval: interval, estimate: estimate, estimateError: remainderVariance.squareRoot(), birnbaum: wantsImportance ? birnbaum() : [],
                                             conditionedCount: candidates.count, depth: limit, states: states, work: work)
    }

    /// Whether the levels still affordable could bring the interval's width down to `target`,
    /// extrapolating from the last two levels: the width shrinking by the same ratio per level,
    /// the cost growing with the number of live states.
    func canNarrow(to target: Double, width: Double, previousWidth: Double, next: Double, growth: Double, budget: Int) -> Bool {
        let shrink = width / previousWidth
        guard shrink < 1, target > 0 else { return false }
        let levels = Int(min(64, (log(target / width) / log(shrink)).rounded(.up)))
        var cost = Double(work), levelCost = next
        for _ in 0..<levels {
            cost += levelCost
            if cost > Double(budget) { return false }
            levelCost *= max(1, growth)
        }
        return true
    }

    var averageTouches: Double {
        guard !candidates.isEmpty else { return 0 }
        let total = candidates.reduce(0) { $0 + conjunction.touchStart[$1 + 1] - conjunction.touchStart[$1] }
        return max(1, Double(total) / Double(candidates.count))
    }

    /// Walks the live states with at most `limit` candidates down, recording those with exactly
    /// `limit` (the smaller ones were recorded by earlier walks), and sets this level's frontier.
    mutating func walk(limit: Int) {
        let before = work
        frontierDown = CompensatedSum()
        frontierWidth = CompensatedSum()
        // One draw per frontier state (each cheaper than the state's own walk), or more to spread
        // `RemainderSampling.draws` — within a share of the budget — over the states this walk is
        // expected to leave (the previous level's children, an upper bound).
        let affordable = Double(budget) * RemainderSampling.budgetShare / max(1, averageTouches)   // 0 touches: no candidates
        let draws = max(RemainderSampling.minimumDraws, Int(min(Double(RemainderSampling.draws), affordable)))
        drawsPerState = max(1, draws / max(1, nextChildren))
        remainderVariance = 0
        remainderSets.removeAll(keepingCapacity: true)
        remainderSetEnd.removeAll(keepingCapacity: true)
        remainderLast.removeAll(keepingCapacity: true)
        remainderWidth.removeAll(keepingCapacity: true)
        nextChildren = 0
        reachedCursor = Array(repeating: 0, count: reached.count)
        if prunes && limit == reached.count + 1 { reached.append([]) }
        if limit == 0 {
            reach(mass: 1, probability: allUp, last: -1)
        } else if zeros == 0 || !prunes {
            visit(from: 0, mass: 1, size: 0, limit: limit)
        }
        walkWork = work - before
    }

    /// Depth first over the sets of candidates that extend the current one (its members all below
    /// `start`). `mass` is the probability of the current set's subtree: its members down, the
    /// candidates below `start` outside it up, the rest free.
    mutating func visit(from start: Int, mass: Double, size: Int, limit: Int) {
        var skippedUp = 1.0   // Π p over the candidates from `start` passed over so far
        for index in start..<candidates.count {
            let childMass = mass * skippedUp * q[index]
            skippedUp *= p[index]
            if prunes && size + 1 < limit {
                let known = reached[size][reachedCursor[size]]
                reachedCursor[size] += 1
                if known.cost >= 0 && stepsOver(known, index: index, mass: childMass, lastAbove: size + 2 == limit) { continue }
            }
            let before = (work: work, computed: computedWork)
            let saved = push(index)
            if prunes && size + 1 == limit {
                let cost = work - before.work - (computedWork - before.computed)
                reached[size].append(ReachedState(cost: cost <= Int32.max ? Int32(cost) : -1, settled: zeros > 0, logUp: logUp))
            }
            downSet.append(index)
            if size + 1 == limit {
                reach(mass: childMass, probability: childMass * suffixUp[index + 1], last: index)
            } else if (zeros == 0 || !prunes) && index + 1 < candidates.count {
                if size + 2 == limit && !partial.expands(width: childMass * suffixDown[index + 1] * (zeros > 0 ? 0 : exp(logUp)),
                                                         walked: frontierWidth.value, work: work) {
                    // Out of budget (or narrow enough) within a level: this state keeps the bound
                    // the previous level gave its subtree.
                    frontier(mass: childMass, last: index)
                } else {
                    visit(from: index + 1, mass: childMass, size: size + 1, limit: limit)
                }
            }
            downSet.removeLast()
            pop(index, saved)
        }
    }

    /// Whether the walk is done with candidate `index`'s child, a state an earlier walk reached
    /// (`known`), without pushing it: when it is settled or has no candidate after it (nothing
    /// below it), or, on the level above the walk's (`lastAbove`), when the walk does not expand
    /// it (it keeps its frontier share, read off the figure kept). Adds the work its push would have.
    mutating func stepsOver(_ known: ReachedState, index: Int, mass: Double, lastAbove: Bool) -> Bool {
        work += Int(known.cost)
        if known.settled || index + 1 == candidates.count { return true }
        guard lastAbove, !partial.expands(width: mass * suffixDown[index + 1] * exp(known.logUp), walked: frontierWidth.value, work: work) else {
            work -= Int(known.cost)   // pushed after all: the push adds it
            return false
        }
        downSet.append(index)
        frontier(mass: mass, last: index, logUp: known.logUp)
        downSet.removeLast()
        return true
    }

    /// What `push` changes besides the factors' masks and entries (put back by `pop`).
    struct Saved {
        let logUp: Double, zeros: Int, topZeros: Int, zeroFactors: Int, undo: Int, members: Int, groups: Int
    }

    /// Candidate `index` goes down: every factor it touches gets its new figure, and the totals
    /// (`logUp`, `zeros`, the groups) follow.
    @inline(__always)
    mutating func push(_ index: Int) -> Saved {
        let saved = Saved(logUp: logUp, zeros: zeros, topZeros: topZeros, zeroFactors: zeroFactors, undo: undo.count,
                          members: groups.memberUndo.count, groups: groups.groupUndo.count)
        let position = candidates[index]
        let first = conjunction.touchStart[position], end = conjunction.touchStart[position + 1]
        withUnsafeTemporaryAllocation(of: Gathered.self, capacity: end - first) { gathered in
            gather(touches: first..<end, into: gathered)
            // The totals in locals: kept in registers, where `self`'s would go through memory each step.
            var logUp = logUp, zeros = zeros, topZeros = topZeros, zeroFactors = zeroFactors
            defer { (self.logUp, self.zeros, self.topZeros, self.zeroFactors) = (logUp, zeros, topZeros, zeroFactors) }
            for touch in first..<end {
                let factor = Int(conjunction.touchFactor[touch])
                var state = factorState[factor]
                let old = state.figure
                undo.append(old)
                state.mask |= 1 << UInt64(conjunction.touchBit[touch])
                let known = gathered[touch - first]
                let new = known.mask == state.mask && known.figure.entry >= 0 ? known.figure : lookup(factor, state)
                state.figure = new
                factorState[factor] = state
                let member = Int(state.unit)
                if member >= 0 {
                    groups.replace(member: member, old: old.isZero ? nil : old.log, new: new.isZero ? nil : new.log)
                    continue
                }
                if old.isZero { zeros -= 1; topZeros -= 1; zeroFactors -= factor } else { logUp -= old.log }
                if new.isZero { zeros += 1; topZeros += 1; zeroFactors += factor } else { logUp += new.log }
            }
        }
        if !groups.dirty.isEmpty {
            for change in groups.endStep() {
                if change.old == -.infinity { zeros -= 1 } else { logUp -= change.old }
                if change.new == -.infinity { zeros += 1 } else { logUp += change.new }
                work += groups.groupMemberStart[change.group + 1] - groups.groupMemberStart[change.group]
            }
        }
        work += conjunction.touchStart[position + 1] - conjunction.touchStart[position]
        return saved
    }

    /// A touched factor's mask after the step and its dense memo's figure there (entry −1: not
    /// computed yet, or a sparse factor), read before the step changes anything.
    struct Gathered {
        var mask: UInt64
        var figure: MemoFigure
    }

    /// Reads the new figure of every factor in `touches` from the dense memo, in a loop that does
    /// nothing else: each read is a likely cache miss (a step touches hundreds of factors spread
    /// over tens of thousands), and independent reads overlap, while the step's own loop, whose
    /// sums depend on each other, let few of them be in flight at once.
    @inline(__always)
    func gather(touches: Range<Int>, into gathered: UnsafeMutableBufferPointer<Gathered>) {
        factorState.withUnsafeBufferPointer { states in
            dense.withUnsafeBufferPointer { dense in
                conjunction.touchFactor.withUnsafeBufferPointer { touchFactor in
                    conjunction.touchBit.withUnsafeBufferPointer { touchBit in
                        for touch in touches {
                            let state = states[Int(touchFactor[touch])]
                            let mask = state.mask | 1 << UInt64(touchBit[touch])
                            gathered[touch - touches.lowerBound] = Gathered(
                                mask: mask, figure: state.denseStart >= 0 ? dense[Int(state.denseStart) + Int(mask)] : Self.notComputed)
                        }
                    }
                }
            }
        }
    }

    static let notComputed = MemoFigure(log: 0, entry: -1, isZero: false)

    /// Undoes `push(index)`.
    @inline(__always)
    mutating func pop(_ index: Int, _ saved: Saved) {
        let position = candidates[index]
        // Undo in reverse: a factor touched twice gets its first mask back last.
        for touch in stride(from: conjunction.touchStart[position + 1] - 1, through: conjunction.touchStart[position], by: -1) {
            let factor = Int(conjunction.touchFactor[touch])
            factorState[factor].mask &= ~(1 << UInt64(conjunction.touchBit[touch]))
            factorState[factor].figure = undo.removeLast()
        }
        precondition(undo.count == saved.undo)
        logUp = saved.logUp
        zeros = saved.zeros
        topZeros = saved.topZeros
        zeroFactors = saved.zeroFactors
        groups.undo(members: saved.members, groups: saved.groups)
    }

    /// A state of the level being walked, whose subtree (the state and its extensions by candidates
    /// after `last`) has probability `mass`. A state with a factor certainly down settles its whole
    /// subtree: the structure is coherent, so every extension is down too. A live state leaves the
    /// rest of its subtree, `remainder`, as this level's frontier: there Q lies between the
    /// state's own Q (more failures never help) and 1.
    mutating func reach(mass: Double, probability: Double, last: Int) {
        record(probability)
        frontier(mass: mass, last: last)
    }

    /// The rest of the current state's subtree (see `reach`), without the state itself: settled,
    /// or a share of this level's frontier, whose place inside its bound is sampled
    /// (`sampleFrontier`) if this level is the last.
    mutating func frontier(mass: Double, last: Int) {
        if zeros > 0 && prunes { settle(mass: mass, last: last) } else { frontier(mass: mass, last: last, logUp: zeros > 0 ? -.infinity : logUp) }
    }

    /// A settled state's subtree (see `frontier(mass:last:)`): all of it down.
    mutating func settle(mass: Double, last: Int) {
        let remainder = mass * suffixDown[last + 1]
        guard remainder > 0 else { return }
        downTotal.add(remainder)
        guard wantsImportance, downSet.count <= importanceDepth else { return }
        for index in downSet { downWhenDown[index] += remainder }
        if last + 1 < candidates.count { laterDownWeight[last + 1] += mass }   // candidate i > last is down in mass · q_i of it
    }

    /// A live state's subtree (see `frontier(mass:last:)`), ln P(all up) there `logUp` (−∞: a
    /// factor certainly down, with states that do not settle): this level's frontier.
    mutating func frontier(mass: Double, last: Int, logUp: Double) {
        let remainder = mass * suffixDown[last + 1]
        guard remainder > 0 else { return }
        let up = exp(logUp)
        let down = -expm1(logUp)
        frontierDown.add(remainder * down)
        frontierWidth.add(remainder * up)
        nextChildren += candidates.count - 1 - last
        if up > 0 { noteRemainder(last: last, width: remainder * up) }
    }

    mutating func record(_ probability: Double) {
        states += 1
        let up = zeros > 0 ? 0 : exp(logUp)
        let down = zeros > 0 ? 1 : -expm1(logUp)
        upTotal.add(probability * up)
        downTotal.add(probability * down)
        guard wantsImportance, downSet.count <= importanceDepth else { return }
        importanceUpSum.add(probability * up)
        for index in downSet { downWhenDown[index] += probability * down }
        for index in downSet {
            let position = candidates[index]
            for touch in conjunction.touchStart[position]..<conjunction.touchStart[position + 1] {
                let factor = Int(conjunction.touchFactor[touch])
                guard stamp[factor] != states, conjunction.unit[factor] < 0 else { continue }   // members: below
                stamp[factor] = states
                work += 1
                touchedUp[factor] += probability * up
                entryWeight[Int(factorState[factor].entry)] += probability * othersUp(factor)
            }
        }
        // An untouched factor certainly down (a free variable that is never up) is the one state
        // figure the totals cannot divide out: gather the rest's product for it here.
        if zeros == 1 && topZeros == 1 && stamp[zeroFactors] != states { aloneDownUp[zeroFactors] += probability * exp(logUp) }
        if !groups.isEmpty { gatherMemberWeights(probability) }
    }
}
