/// A two-sided confidence interval for a Poisson rate from `count` events over `exposure` hours
/// (Garwood's exact interval): lower χ²((1−c)/2; 2n) / 2T, upper χ²((1+c)/2; 2n + 2) / 2T, lower 0
/// when nothing happened. Rates per hour.
package struct PoissonRateInterval: Hashable, Sendable {
    public let estimate: Double
    public let lower: Double
    public let upper: Double

    public init(count: Int, exposure: Double, confidence: Double = 0.9) {
        let tail = (1 - confidence) / 2
        estimate = Double(count) / exposure
        lower = count == 0 ? 0 : ChiSquare.quantile(tail, degrees: Double(2 * count)) / (2 * exposure)
        upper = ChiSquare.quantile(1 - tail, degrees: Double(2 * count + 2)) / (2 * exposure)
    }
}
