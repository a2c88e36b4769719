import Foundation

/// R(t) of a standby block (`standby:`) over a mission with no repair: the StandbyChain without
/// its repairs, a pure-death chain over the waiting instances left (Rausand & Høyland, *System
/// Reliability Theory*, 2nd ed., §6.4). With m waiting, the actives fail at needs·λ: a switch works
/// with probability c (m − 1 waiting) or the block fails; with none waiting the block fails; a
/// waiting instance fails at the dormant rate (m − 1). For 1+1 cold with a perfect switch,
/// R(t) = e^{−λt}(1 + λt) and MTTF = 2/λ.
struct StandbyMission: Sendable {
    let rate: Double
    let dormantRate: Double
    let replicas: Int
    let needs: Int
    let switchSuccess: Double

    /// P(the block is still up after `t` hours), the failure side summed from non-negative terms.
    func reliability(at t: Double) -> Probability {
        guard t > 0, rate > 0 || dormantRate > 0 else { return .perfect }
        let waiting = replicas - needs
        let count = waiting + 2   // waiting left 0…waiting, then failed
        let failed = waiting + 1
        var generator = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        let active = Double(needs) * rate
        for m in 0...waiting {
            if m > 0 {
                generator[m][m - 1] = active * switchSuccess + Double(m) * dormantRate
                generator[m][failed] = active * (1 - switchSuccess)
            } else {
                generator[m][failed] = active
            }
            generator[m][m] = -generator[m].reduce(0, +)   // the diagonal is still 0 here
        }
        let transition = Self.exponential(generator, t)
        let down = min(1, max(0, transition[waiting][failed]))
        let up = (0...waiting).reduce(0.0) { $0 + transition[waiting][$1] }
        return Probability(up: min(1, up), down: down)
    }

    /// e^{Q·t} by uniformization on a step short enough (Λh ≤ ½) for a short Poisson series, then
    /// squaring: every term is non-negative, so small failure probabilities keep their digits.
    static func exponential(_ q: [[Double]], _ t: Double) -> [[Double]] {
        let n = q.count
        let lambda = max(1e-300, (0..<n).map { -q[$0][$0] }.max() ?? 0)
        var squarings = 0
        var h = t
        while lambda * h > 0.5 && squarings < 200 { h /= 2; squarings += 1 }
        let identity = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0 } }
        let step = (0..<n).map { i in (0..<n).map { j in identity[i][j] + q[i][j] / lambda } }
        var result = identity.map { $0.map { $0 * exp(-lambda * h) } }
        var power = identity
        var weight = exp(-lambda * h)
        for k in 1...30 {
            power = multiply(power, step)
            weight *= lambda * h / Double(k)
            for i in 0..<n { for j in 0..<n { result[i][j] += weight * power[i][j] } }
        }
        for _ in 0..<squarings { result = multiply(result, result) }
        return result
    }

    private static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let n = a.count
        var c = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n { for k in 0..<n where a[i][k] != 0 { for j in 0..<n { c[i][j] += a[i][k] * b[k][j] } } }
        return c
    }
}
