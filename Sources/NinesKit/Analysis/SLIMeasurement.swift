/// What monitoring measured for one objective over a window: the availability, and the counts
/// behind it for a request-based indicator. Built from the raw query results; pure.
package struct SLIMeasurement: Hashable, Sendable {
    /// Measured availability over the window: good / total, or the mean of `up`.
    public let availability: Probability
    /// Length of the measured window, hours.
    public let windowHours: Double
    /// Events counted over the window (request-based indicators only).
    public let good: Double?
    public let total: Double?
    /// The PromQL run, in order.
    public let queries: [String]

    /// From `{good, total}` counts: the unavailability is bad / total with bad = total − good,
    /// so a 99.999 % measurement keeps its digits. Nil with the reason when the counts cannot be a
    /// share (no events, or more good events than events).
    public static func ratio(good: Double, total: Double, windowHours: Double, queries: [String]) -> Result<SLIMeasurement, PrometheusFailure> {
        guard total > 0 else {
            return .failure(.empty("'\(queries.last ?? "")' counted no events over the period: nothing to measure"))
        }
        guard good >= 0, good <= total * (1 + 1e-9) else {
            return .failure(.badQuery("the good events (\(good)) are not between 0 and the total (\(total)): 'good' must count a subset of 'total'"))
        }
        let bad = max(0, total - good)
        return .success(SLIMeasurement(availability: Probability(up: good / total, down: bad / total), windowHours: windowHours,
                                       good: good, total: total, queries: queries))
    }

    /// From the mean of an `up` expression over the window (1 = up the whole time).
    public static func up(mean: Double, windowHours: Double, queries: [String]) -> Result<SLIMeasurement, PrometheusFailure> {
        guard mean >= 0, mean <= 1 else {
            return .failure(.badQuery("'\(queries.first ?? "")' averaged \(mean), not a share in [0, 1]: 'up' must be 1 while up and 0 while down"))
        }
        return .success(SLIMeasurement(availability: Probability(up: mean, down: 1 - mean), windowHours: windowHours,
                                       good: nil, total: nil, queries: queries))
    }

    /// Downtime the measurement stands for: (1 − A) × window, hours (for requests, the share of
    /// failed requests as time).
    public var downtimeHours: Double { availability.down * windowHours }
}
