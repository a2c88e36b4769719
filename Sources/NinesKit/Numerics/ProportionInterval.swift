/// A 95% confidence interval for a proportion (Agresti–Coull: add two successes and two failures),
/// which stays honest when the estimate is 0 or 1.
package struct ProportionInterval: Hashable, Sendable {
    public let estimate: Double
    public let low: Double
    public let high: Double
    public let halfWidth: Double

    public init(successes: Int, trials: Int, z: Double = 1.959964) {
        guard trials > 0 else {
            estimate = 0; low = 0; high = 1; halfWidth = 1
            return
        }
        estimate = Double(successes) / Double(trials)
        let n = Double(trials) + z * z
        let center = (Double(successes) + z * z / 2) / n
        halfWidth = z * (center * (1 - center) / n).squareRoot()
        low = max(0, center - halfWidth)
        high = min(1, center + halfWidth)
    }
}
