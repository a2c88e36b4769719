import Foundation

/// Downtime per period on a logarithmic grid: exact zero count, then bins 1% wide from 1e-6 h
/// (3.6 ms) up, so percentiles are good to ±0.5% in bounded memory and chunks merge by adding
/// counts (deterministic, whatever the thread count).
struct DowntimeHistogram: Sendable {
    static let smallest = 1e-6
    static let ratio = 1.01
    static let binCount = 3000   // 1e-6 h · 1.01^3000 ≈ 9.6e6 h, beyond any period
    private static let inverseLogRatio = 1 / log(ratio)

    var zero = 0
    var bins = [Int](repeating: 0, count: binCount)

    @inline(__always)
    mutating func add(_ hours: Double) {
        if hours <= 0 { zero += 1; return }
        let raw = log(hours / Self.smallest) * Self.inverseLogRatio
        let index = raw < 0 ? 0 : min(Self.binCount - 1, Int(raw))
        bins[index] += 1
    }

    mutating func merge(_ other: DowntimeHistogram) {
        zero += other.zero
        for index in bins.indices { bins[index] += other.bins[index] }
    }

    /// The q-quantile (0 < q ≤ 1) of `total` recorded values: the geometric middle of its bin,
    /// kept within the largest value seen.
    func quantile(_ q: Double, total: Int, maximum: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = max(1, Int((q * Double(total)).rounded(.up)))
        if rank <= zero { return 0 }
        var seen = zero
        for index in bins.indices {
            seen += bins[index]
            if seen >= rank {
                let middle = Self.smallest * pow(Self.ratio, Double(index) + 0.5)
                return min(middle, maximum)
            }
        }
        return maximum
    }
}

/// A coarse histogram of downtime per period for people to read, with fixed edges (hours).
struct DowntimeBuckets: Sendable {
    /// Upper edges: 0 (no downtime), ≤ 1 min, ≤ 5 min, ≤ 15 min, ≤ 30 min, ≤ 1 h, ≤ 2 h, ≤ 4 h, ≤ 8 h, ≤ 24 h, more.
    static let edges: [Double] = [0, 1.0 / 60, 5.0 / 60, 0.25, 0.5, 1, 2, 4, 8, 24, .infinity]
    static let labels = ["0", "≤ 1 min", "≤ 5 min", "≤ 15 min", "≤ 30 min", "≤ 1 h", "≤ 2 h", "≤ 4 h", "≤ 8 h", "≤ 24 h", "> 24 h"]

    var counts = [Int](repeating: 0, count: edges.count)

    @inline(__always)
    mutating func add(_ hours: Double) {
        var index = 0
        while hours > Self.edges[index] { index += 1 }
        counts[index] += 1
    }

    mutating func merge(_ other: DowntimeBuckets) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }
}
