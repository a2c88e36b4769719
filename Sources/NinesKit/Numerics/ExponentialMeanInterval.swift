/// A two-sided confidence interval for the mean of exponential durations (here repair times)
/// from `count` of them summing to `total` hours: 2·Σ/θ is chi-square with 2n degrees of freedom,
/// so θ lies in [2Σ / χ²((1+c)/2; 2n), 2Σ / χ²((1−c)/2; 2n)]. Exact when repairs are
/// exponential, as the model assumes unless it gives `repair:`.
package struct ExponentialMeanInterval: Hashable, Sendable {
    public let mean: Double
    public let lower: Double
    public let upper: Double

    /// Nil without durations: a mean of nothing has no interval.
    public init?(count: Int, total: Double, confidence: Double = 0.9) {
        guard count > 0 else { return nil }
        let tail = (1 - confidence) / 2
        let degrees = Double(2 * count)
        mean = total / Double(count)
        lower = 2 * total / ChiSquare.quantile(1 - tail, degrees: degrees)
        upper = 2 * total / ChiSquare.quantile(tail, degrees: degrees)
    }
}
