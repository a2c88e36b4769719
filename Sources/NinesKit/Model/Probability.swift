/// A probability carried as the pair (p, 1 − p) with both halves stored exactly.
///
/// Reliability figures live near 1, where `1 - p` in a double loses digits: 1 − 0.9999999
/// keeps only 9 significant digits. Every constructor here derives the *small* half directly
/// (from the decimal text, from MTTR/(MTBF+MTTR), …) so unavailability keeps full precision.
public struct Probability: Hashable, Sendable, Codable {
    /// Probability of being up (availability). In [0, 1].
    public let up: Double
    /// Probability of being down (unavailability). In [0, 1], computed without cancellation.
    public let down: Double

    public init(up: Double, down: Double) {
        self.up = up
        self.down = down
    }

    public init(availability: Double) { self.init(up: availability, down: 1 - availability) }
    public init(unavailability: Double) { self.init(up: 1 - unavailability, down: unavailability) }

    public static let perfect = Probability(up: 1, down: 0)
    public static let failed = Probability(up: 0, down: 1)

    /// Steady-state availability of a repairable unit: MTBF / (MTBF + MTTR), both in hours.
    public static func repairable(mtbf: Double, mttr: Double) -> Probability {
        let cycle = mtbf + mttr
        if cycle.isFinite { return Probability(up: mtbf / cycle, down: mttr / cycle) }
        // Past the double range: scale both times by the longer first (never NaN).
        let longest = max(mtbf, mttr)
        if longest.isInfinite { return Probability(odds: mttr / mtbf) }   // one time infinite: perfect or failed
        let (up, down) = (mtbf / longest, mttr / longest)
        return Probability(up: up / (up + down), down: down / (up + down))
    }

    /// A repairable unit from its failure rate λ (per hour) and MTTR (hours), for rates so small
    /// that 1/λ overflows: the odds down : up are λ·MTTR.
    public static func repairable(rate: Double, mttr: Double) -> Probability {
        let mtbf = 1 / rate
        return mtbf.isFinite ? repairable(mtbf: mtbf, mttr: mttr) : Probability(odds: rate * mttr)
    }

    /// From the odds q/p of being down (λ·MTTR for a repairable unit); infinite odds are "failed".
    public init(odds: Double) {
        if odds.isInfinite { self.init(up: 0, down: 1) } else { self.init(up: 1 / (1 + odds), down: odds / (1 + odds)) }
    }

    /// Both events must happen (independent): down = d1 + u1·d2, a sum of non-negative terms.
    public func and(_ other: Probability) -> Probability {
        Probability(up: up * other.up, down: down + up * other.down)
    }
}
