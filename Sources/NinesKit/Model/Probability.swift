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
        return Probability(up: mtbf / cycle, down: mttr / cycle)
    }

    /// Both events must happen (independent): down = d1 + u1·d2, a sum of non-negative terms.
    public func and(_ other: Probability) -> Probability {
        Probability(up: up * other.up, down: down + up * other.down)
    }
}
