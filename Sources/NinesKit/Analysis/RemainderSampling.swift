import Foundation

/// Where inside its certified interval a conditioned figure lies, estimated without bias.
///
/// An enumeration that stops before the end leaves, below each live state t of its last level,
/// the rest of t's subtree (t's components down, the earlier candidates up, at least one later
/// candidate down as well), of probability R_t. There Q lies between Q(t) and 1, so the interval's
/// width is Σ R_t·A(t). The truth is Σ R_t·E[Q(s) | s in the rest of t's subtree]; writing
/// x = (Q(s) − Q(t)) / A(t) = 1 − A(s)/A(t), a share in [0, 1] (coherence: more failures never
/// help), it is the lower end plus Σ R_t·A(t)·E[x]. Each E[x] is estimated from states drawn
/// exactly from the rest of t's subtree (the first later candidate down by its probability given
/// that one is, each after it down with its own), so the estimate is unbiased, and it is inside
/// the interval whatever is drawn. Its standard error is at most √(Σ R_t²A(t)² / 4n_t) (a share's
/// variance is at most 1/4); where that is over a quarter of the figure's certified width (a handful
/// of frontier states under a tiny budget, the interval narrowed by the factor bounds far below the
/// enumeration's), the draws cannot place the figure and the midpoint is shown instead.
enum RemainderSampling {
    /// Draws per walk, spread over its frontier states (at least one each): at most `draws`, and
    /// beyond `minimumDraws` at most `budgetShare` of the work budget.
    static let draws = 4_096
    static let minimumDraws = 64
    static let budgetShare = 0.05
    /// The estimate is shown when its standard error is at most this share of the certified width.
    static let usefulError = 0.25
    static let seed: UInt64 = 0x6E69_6E65_7320_7274
}

/// How a walk expands the previous level's live states: all of them, or — the last level, which
/// the budget cannot walk whole — in walk order until the work reaches `workCap` or the interval's
/// width (this walk's frontier so far plus the previous frontier not yet reached) is at most
/// `targetWidth`; a state not expanded keeps the bound its level gave its subtree.
struct PartialLevel {
    var workCap = Int.max
    var targetWidth = -Double.infinity
    /// The previous level's width, and the part of it held by the states reached so far.
    var previousWidth = 0.0
    var reachedWidth = 0.0
    var expanded = 0

    static let whole = PartialLevel()

    /// Whether to expand a state of the previous level whose subtree held `width` of it, given this
    /// walk's frontier width so far (`walked`) and the work spent.
    mutating func expands(width: Double, walked: Double, work: Int) -> Bool {
        let projected = walked + (previousWidth - reachedWidth)
        reachedWidth += width
        guard work < workCap && projected > targetWidth else { return false }
        expanded += 1
        return true
    }
}

extension ConjunctionEnumeration {
    /// Keeps the current state of the level being walked for the draws (`sampleFrontier`) and
    /// adds its share to the estimate's error bound, which needs no draws.
    mutating func noteRemainder(last: Int, width: Double) {
        let first = last + 1
        guard first < candidates.count, suffixDown[first] > 0 else { return }
        for index in downSet { remainderSets.append(Int32(index)) }
        remainderSetEnd.append(remainderSets.count)
        remainderLast.append(Int32(last))
        remainderWidth.append(width)
        // A share lies in [0, 1], so its variance is at most 1/4: a bound on the estimate's error.
        remainderVariance += width * width / (4 * Double(drawsPerState))
    }

    /// Draws below every frontier state the last walk kept (`noteRemainder`), in walk order: each
    /// state is set up again from nothing down, pushed in the order the walk pushed it, so its
    /// figures are the same bits, and the draws the ones a draw during the walk would make.
    mutating func sampleFrontier() {
        remainderShift = CompensatedSum()
        random = Xoshiro256StarStar(seed: RemainderSampling.seed)
        var start = 0
        var pushed: [(index: Int, saved: Saved)] = []
        for (state, end) in remainderSetEnd.enumerated() {
            for index in remainderSets[start..<end] { pushed.append((Int(index), push(Int(index)))) }
            sampleRemainder(last: Int(remainderLast[state]), width: remainderWidth[state])
            while let (index, saved) = pushed.popLast() { pop(index, saved) }
            start = end
        }
    }

    /// Draws `drawsPerState` states from the rest of the current state's subtree (the candidates
    /// after `last` free, at least one of them down) and adds `width` · the mean share x to
    /// `remainderShift` (see `RemainderSampling`).
    mutating func sampleRemainder(last: Int, width: Double) {
        let first = last + 1
        let rest = suffixDown[first]   // P(at least one later candidate down)
        guard first < candidates.count, rest > 0 else { return }
        let stateLog = logUp
        var shares = 0.0
        for _ in 0..<drawsPerState {
            // The first later candidate down: j with probability q_j · Π_{first ≤ i < j} p_i / rest.
            var u = random.nextOpenUnit() * rest
            var j = first, before = 1.0
            while j < candidates.count - 1 {
                let here = before * q[j]
                if u <= here { break }
                u -= here
                before *= p[j]
                j += 1
            }
            drawn.append((j, push(j)))
            for k in (j + 1)..<candidates.count where random.nextOpenUnit() <= q[k] { drawn.append((k, push(k))) }
            shares += zeros > 0 ? 1 : min(1, max(0, -expm1(logUp - stateLog)))
            while let (index, saved) = drawn.popLast() { pop(index, saved) }
        }
        remainderShift.add(width * shares / Double(drawsPerState))
    }
}
