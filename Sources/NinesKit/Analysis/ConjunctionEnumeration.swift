import Foundation

/// The state of one evaluation of a `ConditionedConjunction` (see there).
struct ConjunctionEnumeration {
    let conjunction: ConditionedConjunction
    let variables: [Probability]
    let wantsImportance: Bool
    /// Conditioned variables that can fail (0 < q), by position in `conjunction.conditioned`,
    /// most likely to fail first; their unavailability and availability.
    let candidates: [Int]
    let q: [Double], p: [Double]
    /// Π p over the candidates from i on, and 1 − that (P(one of them is down), without
    /// cancellation): `suffixUp[i]`, `suffixDown[i]`, i up to the candidate count.
    let suffixUp: [Double], suffixDown: [Double]
    /// Probability that no candidate is down.
    var allUp: Double { suffixUp[0] }
    /// Whether a state with a factor certainly down settles its whole subtree. It does when every
    /// free variable can be up: the structure is coherent, so "certainly down" then means down
    /// for every value of the free variables, and stays so as more components fail.
    let prunes: Bool

    // Memo of each factor's figure per mask of its conditioned variables: a dense table per factor
    // with few conditioned variables (index = mask) holding the figure itself, a dictionary for the
    // rest holding an entry index into the flat entry arrays.
    var dense: [MemoFigure]
    var sparse: [SparseKey: Int32] = [:]   // for factors past the dense limit
    struct SparseKey: Hashable { let factor: Int; let mask: UInt64 }
    var entryUp: [Double] = [], entryLog: [Double] = []
    var entryFactor: [Int32] = [], entryMask: [UInt64] = []
    /// Importance weight of each entry: Σ P(s)·Π_{other factors} P(f | s) over the states where the
    /// entry's factor had the entry's mask.
    var entryWeight: [Double] = []
    static let denseBits = 10
    /// Each factor's current mask and figure, and what a step reads with them: one record per
    /// factor, since a step touches hundreds of factors scattered over tens of thousands, and
    /// reading them from five arrays cost five cache misses each (most of the pool's enumeration).
    var factorState: [FactorState]
    /// Each factor's mask with no candidate down (only the always-down variables set).
    var baseMask: [UInt64] = []
    var logUp = 0.0
    var zeros = 0
    /// How many of the factors that must hold themselves are certainly down, and the sum of their
    /// indices (when one is, that factor).
    var topZeros = 0
    var zeroFactors = 0
    /// The group terms; `logUp` and `zeros` count each group as one term.
    var groups: ConditionedGroups
    var downSet: [Int] = []
    var undo: [MemoFigure] = []

    // Sums over the enumerated states, compensated: tens of thousands of small terms added to a
    // sum near 1e-4 would otherwise drift by about 1e-12 of it (rounding at the sum's last digit).
    var upTotal = CompensatedSum(), downTotal = CompensatedSum(), states = 0
    var upSum: Double { upTotal.value }
    var downSum: Double { downTotal.value }
    /// The level being walked: the rest of its live states' subtrees, Σ remainder · Q(state) and
    /// Σ remainder · A(state) (the interval's width), and how many children they have.
    var frontierDown = CompensatedSum(), frontierWidth = CompensatedSum()
    var nextChildren = 0
    var walkWork = 0
    /// How the current walk expands the previous level (every state but in the last, partial one).
    var partial = PartialLevel.whole
    /// Σ width_t · the sampled share over the last level's frontier states (`sampleRemainder`).
    var remainderShift = CompensatedSum()
    var remainderVariance = 0.0
    /// This walk's frontier states that hold part of the width, for the draws once the walk is
    /// known to be the last (earlier levels' draws would be thrown away): each one's down set
    /// (flat, ending at `remainderSetEnd`), last candidate and width.
    var remainderSets: [Int32] = [], remainderSetEnd: [Int] = []
    var remainderLast: [Int32] = [], remainderWidth: [Double] = []
    var random = Xoshiro256StarStar(seed: RemainderSampling.seed)
    var drawsPerState = 1
    /// The work budget of the current run.
    var budget = 0
    var drawn: [(index: Int, saved: Saved)] = []
    // For importance: Σ P·Q over states with candidate i down (by candidate), and per factor the
    // weight Σ P(s)·Π_{other factors} P(f | s) by the factor's mask (states up to `importanceDepth`).
    var downWhenDown: [Double]
    /// Settled subtrees' mass by the first candidate that is free in them: candidate i is down in
    /// q_i of the mass of every subtree listed at or before i.
    var laterDownWeight: [Double]
    var touchedUp: [Double]
    /// Per factor: Σ P(s)·Π_{other factors} P(f | s) over the states where it is untouched and the
    /// only factor certainly down.
    var aloneDownUp: [Double]
    var stamp: [Int]
    var importanceUpSum = CompensatedSum()
    let importanceDepth: Int
    var work = 0
    /// Of `work`, what computing memo entries cost (a later push of the same state finds them).
    var computedWork = 0
    /// Per depth (index depth − 1), recorded by the walk that reached it: each state of that depth,
    /// in walk order (`ReachedState`). Later walks pass every state above their own level again,
    /// and step over those that are settled or not expanded without pushing them (most of a
    /// shared pool's pairs of nodes settle, and a partial last level expands few).
    var reached: [[ReachedState]] = []
    var reachedCursor: [Int] = []

    init(_ conjunction: ConditionedConjunction, variables: [Probability], importance: Bool) {
        self.conjunction = conjunction
        self.variables = variables
        wantsImportance = importance
        let factorCount = conjunction.factors.count
        var factorState: [FactorState] = []
        factorState.reserveCapacity(factorCount)
        var denseSize = 0
        for (index, factor) in conjunction.factors.enumerated() {
            let size = factor.conditioned.count <= Self.denseBits ? 1 << factor.conditioned.count : 0
            let dense = size > 0 && denseSize + size <= Int(Int32.max)
            factorState.append(FactorState(unit: conjunction.unit[index], denseStart: dense ? Int32(denseSize) : -1))
            if dense { denseSize += size }
        }
        dense = [MemoFigure](repeating: MemoFigure(log: 0, entry: -1, isZero: false), count: denseSize)
        touchedUp = Array(repeating: 0, count: importance ? factorCount : 0)
        aloneDownUp = Array(repeating: 0, count: importance ? factorCount : 0)
        stamp = Array(repeating: -1, count: factorCount)
        // Variables that never fail need no states; ones that always fail are fixed down.
        var candidates: [Int] = []
        var alwaysDown: [Int] = []
        for (position, level) in conjunction.conditioned.enumerated() {
            let v = variables[Int(level)]
            if v.up <= 0 { alwaysDown.append(position) } else if v.down > 0 { candidates.append(position) }
        }
        candidates.sort { (variables[Int(conjunction.conditioned[$0])].down, $1) > (variables[Int(conjunction.conditioned[$1])].down, $0) }
        self.candidates = candidates
        importanceDepth = candidates.count <= ConditionedConjunction.exhaustiveImportance ? candidates.count
            : ConditionedConjunction.importanceDepth
        q = candidates.map { variables[Int(conjunction.conditioned[$0])].down }
        p = candidates.map { variables[Int(conjunction.conditioned[$0])].up }
        var suffixUp = [Double](repeating: 1, count: candidates.count + 1)
        var suffixDown = [Double](repeating: 0, count: candidates.count + 1)
        for i in stride(from: candidates.count - 1, through: 0, by: -1) {
            suffixUp[i] = p[i] * suffixUp[i + 1]
            suffixDown[i] = q[i] + p[i] * suffixDown[i + 1]
        }
        (self.suffixUp, self.suffixDown) = (suffixUp, suffixDown)
        var isConditioned = [Bool](repeating: false, count: variables.count)
        for level in conjunction.conditioned { isConditioned[Int(level)] = true }
        prunes = variables.indices.allSatisfy { isConditioned[$0] || variables[$0].up > 0 }
        downWhenDown = Array(repeating: 0, count: candidates.count)
        laterDownWeight = Array(repeating: 0, count: candidates.count)
        for position in alwaysDown {
            for touch in conjunction.touchStart[position]..<conjunction.touchStart[position + 1] {
                factorState[Int(conjunction.touchFactor[touch])].mask |= 1 << UInt64(conjunction.touchBit[touch])
            }
        }
        self.factorState = factorState
        baseMask = factorState.map(\.mask)
        groups = ConditionedGroups(conjunction)
        for factor in 0..<factorCount {
            let current = lookup(factor, self.factorState[factor])
            self.factorState[factor].figure = current
            let log: Double? = current.isZero ? nil : current.log
            if conjunction.unit[factor] >= 0 {
                groups.replace(member: Int(conjunction.unit[factor]), old: 0, new: log)
            } else if let log { logUp += log } else { zeros += 1; topZeros += 1; zeroFactors += factor }
        }
        for log in groups.settle() {
            if log == -.infinity { zeros += 1 } else { logUp += log }
        }
        groups.memberUndo.removeAll()
    }

    /// The memo figure of `factor` under its state's mask, computed on first use.
    @inline(__always)
    mutating func lookup(_ factor: Int, _ state: FactorState) -> MemoFigure {
        if state.denseStart >= 0 {
            let known = dense[Int(state.denseStart) + Int(state.mask)]
            if known.entry >= 0 { return known }
        } else if let known = sparse[SparseKey(factor: factor, mask: state.mask)] {
            return figure(of: known)
        }
        return compute(factor, state)
    }

    /// The memo entry of `factor` under `mask`, computed on first use.
    mutating func lookup(_ factor: Int, mask: UInt64) -> Int32 {
        var state = factorState[factor]
        state.mask = mask
        return lookup(factor, state).entry
    }

    func figure(of entry: Int32) -> MemoFigure {
        MemoFigure(log: entryLog[Int(entry)], entry: entry, isZero: entryUp[Int(entry)] <= 0)
    }

    mutating func compute(_ factor: Int, _ state: FactorState) -> MemoFigure {
        let mask = state.mask
        let (p, nodes) = figure(of: factor, mask: mask)
        let index = Int32(entryUp.count)
        entryUp.append(p.up)
        entryLog.append(p.up <= 0 ? -.infinity : log1p(-p.down))
        entryFactor.append(Int32(factor))
        entryMask.append(mask)
        entryWeight.append(0)
        let figure = figure(of: index)
        if state.denseStart >= 0 {
            dense[Int(state.denseStart) + Int(mask)] = figure
        } else {
            sparse[SparseKey(factor: factor, mask: mask)] = index
        }
        work += nodes
        computedWork += nodes
        return figure
    }

    /// P(factor up | mask) and the factor's node count, read in place: from the `mutating`
    /// `compute` each read of the factor copied its five arrays (retained and released through
    /// their value witnesses), a tenth of the pool's enumeration. The factor's pass is inlined
    /// (`FactorDiagram.withNodes`), so only its node arrays are read, through their buffers.
    func figure(of factor: Int, mask: UInt64) -> (Probability, nodes: Int) {
        conjunction.factors.withUnsafeBufferPointer { factors in
            (factors[factor].probability(mask: mask, variables: variables), factors[factor].level.count)
        }
    }
}

/// A factor's figure under one mask: ln P(f up | mask) (read only when not zero), whether it is
/// certainly down (P(up) ≤ 0), and its memo entry (for importance weights); entry −1: not computed.
struct MemoFigure {
    var log: Double
    var entry: Int32
    var isZero: Bool
}

/// A factor's place in the enumeration (`ConjunctionEnumeration.factorState`): its current mask
/// and figure, its group member (−1: it must hold itself) and where its dense memo starts (−1:
/// sparse).
struct FactorState {
    var mask: UInt64 = 0
    var figure = MemoFigure(log: 0, entry: 0, isZero: false)
    let unit: Int32
    let denseStart: Int32
    var entry: Int32 { figure.entry }
}

/// A state a walk reached at its own level, as later walks need it to step over it
/// (`ConjunctionEnumeration.reached`): what pushing it again adds to the work (no memo entry is
/// computed twice; −1: too much to keep, push it), whether a factor is certainly down there
/// (settled), and its ln P(all up).
struct ReachedState {
    let cost: Int32
    let settled: Bool
    let logUp: Double
}
