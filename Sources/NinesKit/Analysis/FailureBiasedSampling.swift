import Foundation

/// A rare-event estimate of "some target down" by importance sampling with balanced failure
/// biasing: every component whose failure probability is below a common level θ is drawn as if
/// it failed with probability θ, and each sample is weighted by its likelihood ratio
/// Π (q/θ)^down ((1 − q)/(1 − θ))^up, so the weighted mean of "targets down" is an unbiased
/// estimate of Q. θ = 1/(components that can fail), at most ½: about one extra failure per sample,
/// so outages a plain draw would need millions of samples to see are drawn in most samples.
///
/// The sample budget grows in doubling rounds (4,096, 8,192, …) until the relative error
/// (standard error / estimate) is below `targetRelativeError` with at least `minimumOutages`
/// outages seen, or the samples or the work run out; the same seed always gives the same estimate.
struct FailureBiasedSampling {
    static let targetRelativeError = 0.1
    static let firstRound = 4096
    static let minimumOutages = 50
    static let maximumSamples = 1 << 20
    static let workBudget = 16_000_000

    /// The estimated unavailability, its standard error and the samples drawn.
    struct Estimate: Equatable {
        let unavailability: Double
        let standardError: Double
        let samples: Int

        /// Standard error / estimate; infinite when no outage was drawn.
        var relativeError: Double { unavailability > 0 ? standardError / unavailability : .infinity }
    }

    let sampling: SystemSampling

    /// The common level every rarer component's failure probability is raised to.
    var biasLevel: Double {
        let failing = sampling.down.filter { $0 > 0 }.count
        return failing == 0 ? 0 : min(0.5, 1 / Double(failing))
    }

    func estimate(seed: UInt64) -> Estimate {
        let level = biasLevel
        let biased = sampling.down.map { $0 > 0 ? max($0, level) : 0 }
        let biasedLogUp = biased.map { $0 >= 1 ? -.infinity : log1p(-$0) }
        // ln of the likelihood ratio: `allUp` for a sample with nothing down, plus `downShift[c]`
        // for each failed component c (its down ratio replacing its up ratio).
        var allUp = 0.0
        var downShift = [Double](repeating: 0, count: biased.count)
        for component in biased.indices where biased[component] != sampling.down[component] {
            let upRatio = sampling.logUp[component] - biasedLogUp[component]
            allUp += upRatio
            downShift[component] = log(sampling.down[component] / biased[component]) - upRatio
        }
        var (sum, sumOfSquares, outages, drawn) = (0.0, 0.0, 0, 0)
        var nextCheck = Self.firstRound
        let done = sampling.draw(down: biased, logUp: biasedLogUp, samples: Self.maximumSamples, seed: seed,
                                 workBudget: Self.workBudget, stop: {
            // Checked only at the end of each round (a doubling of the samples), so the stopping
            // rule looks at the error a few times, not after every batch.
            guard drawn >= nextCheck else { return false }
            nextCheck *= 2
            return outages >= Self.minimumOutages && Self.estimate(sum, sumOfSquares, drawn).relativeError < Self.targetRelativeError
        }) { failures, systemDown in
            drawn += 1
            guard systemDown else { return }
            var logWeight = allUp
            for component in failures { logWeight += downShift[component] }
            let weight = exp(logWeight)
            sum += weight
            sumOfSquares += weight * weight
            outages += 1
        }
        return Self.estimate(sum, sumOfSquares, done)
    }

    /// The weighted mean and its standard error (sample variance of the weighted indicator).
    static func estimate(_ sum: Double, _ sumOfSquares: Double, _ samples: Int) -> Estimate {
        guard samples > 1 else { return Estimate(unavailability: 0, standardError: 0, samples: samples) }
        let n = Double(samples)
        let mean = sum / n
        let variance = max(0, (sumOfSquares - n * mean * mean) / (n - 1))
        return Estimate(unavailability: mean, standardError: (variance / n).squareRoot(), samples: samples)
    }
}
