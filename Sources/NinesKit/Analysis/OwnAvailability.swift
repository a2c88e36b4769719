import Foundation

/// The availability and failure frequency of a component's own instances, dependencies aside:
/// k of n identical replicas, with an optional beta-factor common cause.
///
/// Times in hours, frequencies in failures per hour.
public struct OwnAvailability: Hashable, Sendable {
    /// Probability that enough of the component's own replicas are up.
    public let probability: Probability
    /// Steady-state frequency of the component's own outages (up → down transitions per hour);
    /// nil when the model gives an availability without a repair time.
    public let frequency: Double?

    public init(probability: Probability, frequency: Double?) {
        self.probability = probability
        self.frequency = frequency
    }

    public init(_ component: Component) {
        self.init(figures: component.figures, replicas: component.replicas, needs: component.needs, beta: component.commonCause)
    }

    /// Beta-factor model: a fraction β of each replica's failures strikes all replicas at once.
    /// In odds form (q/p = λ·MTTR for exponential repair) the independent part has odds (1−β)·r
    /// and the common part β·r, so the split works whether the model gave rates or availabilities.
    public init(figures: UnitFigures, replicas n: Int, needs k: Int, beta: Double) {
        let unit = figures.probability
        let rate = figures.failureRate
        guard n > 1, beta > 0 else {
            let single = KOutOfN.probability(k: k, n: n, unit: unit)
            self.init(probability: single, frequency: rate.map { KOutOfN.frequency(k: k, n: n, unit: unit, rate: $0) })
            return
        }
        let odds = unit.down / unit.up
        let independent = Probability(odds: (1 - beta) * odds)
        let common = Probability(odds: beta * odds)
        let group = KOutOfN.probability(k: k, n: n, unit: independent)
        let probability = common.and(group)
        assert(probability == Self.probability(figures: figures, replicas: n, needs: k, beta: beta))
        var frequency: Double?
        if let rate {
            let groupFrequency = KOutOfN.frequency(k: k, n: n, unit: independent, rate: (1 - beta) * rate)
            let commonFrequency = common.up * beta * rate
            // Series of two independent blocks: w = w_common · A_group + w_group · A_common.
            frequency = commonFrequency * group.up + groupFrequency * common.up
        }
        self.init(probability: probability, frequency: frequency)
    }
}

extension OwnAvailability {
    /// The probability alone, as `init(figures:replicas:needs:beta:)` makes it: for callers that
    /// evaluate a component many times and need no frequency (the uncertainty draws).
    static func probability(figures: UnitFigures, replicas n: Int, needs k: Int, beta: Double) -> Probability {
        let unit = figures.probability
        guard n > 1, beta > 0 else { return KOutOfN.probability(k: k, n: n, unit: unit) }
        let odds = unit.down / unit.up
        return Probability(odds: beta * odds).and(KOutOfN.probability(k: k, n: n, unit: Probability(odds: (1 - beta) * odds)))
    }
}

/// Closed forms for k of n identical, independent units.
package enum KOutOfN {
    /// P(at least k of n up). The down side sums the failing states directly,
    /// Q = Σ_{j=n−k+1..n} C(n, j) q^j p^(n−j), so small unavailabilities keep full precision.
    /// The two sums of hundreds of log-space terms need not add to 1 exactly: when one passes 1
    /// (269 replicas at 99.9% summed to an availability of 1.0000000000000655, found by fuzzing),
    /// the smaller side stands and the other is 1 minus it.
    public static func probability(k: Int, n: Int, unit: Probability) -> Probability {
        if k == n && n == 1 { return unit }
        var up = 0.0, down = 0.0
        for j in 0...n {                      // j = number of failed units
            let term = binomialTerm(n: n, j: j, q: unit.down, p: unit.up)
            if n - j >= k { up += term } else { down += term }
        }
        guard up > 1 || down > 1 else { return Probability(up: up, down: down) }
        return down <= up ? Probability(unavailability: min(1, down)) : Probability(availability: min(1, up))
    }

    /// Up → down transitions per hour: P(exactly k up) · k · λ (one of the k working units fails).
    public static func frequency(k: Int, n: Int, unit: Probability, rate: Double) -> Double {
        binomialTerm(n: n, j: n - k, q: unit.down, p: unit.up) * Double(k) * rate
    }

    /// C(n, j) q^j p^(n−j), in log space for large n so nothing overflows.
    static func binomialTerm(n: Int, j: Int, q: Double, p: Double) -> Double {
        if j == 0 { return pow(p, Double(n)) }
        if j == n { return pow(q, Double(n)) }
        if q == 0 || p == 0 { return 0 }
        if n <= 60 {
            return binomial(n, j) * pow(q, Double(j)) * pow(p, Double(n - j))
        }
        let logC = lgamma(Double(n + 1)) - lgamma(Double(j + 1)) - lgamma(Double(n - j + 1))
        return exp(logC + Double(j) * log(q) + Double(n - j) * log1p(-q))
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        var result = 1.0
        for i in 0..<min(k, n - k) { result = result * Double(n - i) / Double(i + 1) }
        return result.rounded()
    }
}
