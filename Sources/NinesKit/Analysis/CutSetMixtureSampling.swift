import Foundation

/// A rare-event estimate of "some target down" by importance sampling from a mixture over known
/// cut sets, for outages that need several components down at once (a fault tree whose every
/// event fails with 1e-2 and whose top event needs three: failure biasing at 1/n per component
/// changes nothing there, and raising every component's figure makes the likelihood ratios
/// degenerate over thousands of components).
///
/// A sample is drawn from the model's own figures with probability α; otherwise a cut set C_j is
/// picked with probability P(C_j)/S (S = Σ_j P(C_j)), the state drawn from the model's figures
/// and C_j set down. The proposal's density is p(x)·(α + (1 − α)·N(x)/S), N(x) the listed cut sets
/// down in x, so weighting each outage by 1/(α + (1 − α)·N(x)/S) estimates Q without bias, also
/// for outages no listed set explains (the α part draws them; "defensive" importance sampling,
/// T. Hesterberg, Technometrics 37, 1995; the cut-set mixture is R. M. Karp, M. Luby and
/// N. Madras's union estimator, J. Algorithms 10, 1989). Rounds double (from 1,024) as in
/// `FailureBiasedSampling` until the relative error is below its target or the work runs out.
struct CutSetMixtureSampling {
    static let plainShare = 0.1
    /// Samples of the first round: most samples are outages here, so 1,024 usually state the
    /// error (each one walks up a 3,000-event tree: a fraction of a millisecond).
    static let firstRound = 1024

    let sampling: SystemSampling
    let cuts: [HeaviestCutSets.CutSet]

    func estimate(seed: UInt64) -> FailureBiasedSampling.Estimate {
        let total = cuts.reduce(0) { $0 + $1.probability }
        guard total > 0 else { return FailureBiasedSampling.Estimate(unavailability: 0, standardError: 0, samples: 0) }
        var cumulative: [Double] = []
        var running = 0.0
        for cut in cuts { running += cut.probability / total; cumulative.append(running) }
        var choice = Xoshiro256StarStar(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        var mark = [Int](repeating: -1, count: sampling.down.count)
        var (sum, sumOfSquares, outages, drawn) = (0.0, 0.0, 0, 0)
        var nextCheck = Self.firstRound
        let alpha = Self.plainShare
        let done = sampling.draw(down: sampling.down, logUp: sampling.logUp, samples: FailureBiasedSampling.maximumSamples, seed: seed,
                                 workBudget: FailureBiasedSampling.workBudget, stop: {
            guard drawn >= nextCheck else { return false }
            nextCheck *= 2
            return outages >= FailureBiasedSampling.minimumOutages
                && FailureBiasedSampling.estimate(sum, sumOfSquares, drawn).relativeError < FailureBiasedSampling.targetRelativeError
        }, force: { failures in
            guard choice.nextOpenUnit() >= alpha else { return }
            let u = choice.nextOpenUnit()
            var low = 0, high = cumulative.count - 1
            while low < high { let middle = (low + high) / 2; if cumulative[middle] < u { low = middle + 1 } else { high = middle } }
            failures.append(contentsOf: cuts[low].components)
        }) { failures, systemDown in
            defer { drawn += 1 }
            guard systemDown else { return }
            for component in failures { mark[component] = drawn }
            let listedDown = cuts.reduce(0) { count, cut in count + (cut.components.allSatisfy { mark[$0] == drawn } ? 1 : 0) }
            let weight = 1 / (alpha + (1 - alpha) * Double(listedDown) / total)
            sum += weight
            sumOfSquares += weight * weight
            outages += 1
        }
        return FailureBiasedSampling.estimate(sum, sumOfSquares, done)
    }
}
