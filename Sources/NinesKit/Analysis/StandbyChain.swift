/// The steady state of a standby block (`standby:`) as a small continuous-time Markov chain, solved
/// exactly: the textbook repairable standby model with imperfect switching (Rausand & Høyland,
/// System Reliability Theory, 2nd ed., §6.4 and ch. 8; Trivedi, Probability and Statistics with
/// Reliability, Queuing and Computer Science Applications, 2nd ed., ch. 8, standby with coverage).
///
/// `replicas` instances, `needs` of them carry the load; each failed instance is repaired on its
/// own (rate μ = 1/MTTR, as everywhere in nines). States:
/// - `up(j)`: j instances failed; min(needs, N − j) active at rate λ, the rest waiting at the dormant rate.
///   An active failure with a waiting instance left calls a switch: it works with probability c
///   (`up(j+1)`), else the block is `blocked(j+1)`. Without one, the block simply loses an instance.
/// - `blocked(j)`: a switch failed; down, whatever is up, until the next repair ends (the repaired
///   instance is brought in by hand: `up(j−1)`). Meanwhile needs − 1 actives and the waiting ones go on failing.
/// The switch's own time τ is downtime per working switch: the switches' frequency times τ, which
/// neglects failures during the switch itself (second order in λτ).
struct StandbyChain {
    var rate: Double
    var dormantRate: Double
    var repairMean: Double
    var replicas: Int
    var needs: Int
    var switchSuccess: Double
    var switchTime: Double

    /// Mean unavailability of the block and how often it goes down (per hour, switches included).
    struct Figures: Equatable {
        var unavailability: Double
        var frequency: Double
    }

    /// The largest block solved (2 · replicas + 1 states).
    static let maximumReplicas = 64

    var figures: Figures {
        let n = replicas, k = needs
        let count = 2 * n + 1
        func up(_ j: Int) -> Int { j }
        func blocked(_ j: Int) -> Int { n + j }   // j ≥ 1
        var generator = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        func add(_ from: Int, _ to: Int, _ value: Double) {
            guard value > 0 else { return }
            generator[from][to] += value
            generator[from][from] -= value
        }
        let mu = 1 / repairMean
        for j in 0...n {
            let working = n - j
            let active = min(k, working), waiting = working - active
            if j > 0 { add(up(j), up(j - 1), Double(j) * mu) }
            if j < n {
                if waiting > 0 {
                    add(up(j), up(j + 1), Double(active) * rate * switchSuccess + Double(waiting) * dormantRate)
                    add(up(j), blocked(j + 1), Double(active) * rate * (1 - switchSuccess))
                } else {
                    add(up(j), up(j + 1), Double(active) * rate)
                }
            }
            guard j > 0 else { continue }
            let running = min(k - 1, working), idle = working - running
            add(blocked(j), up(j - 1), Double(j) * mu)
            if j < n { add(blocked(j), blocked(j + 1), Double(running) * rate + Double(idle) * dormantRate) }
        }
        let steady = MarkovSteadyState.solve(generator)
        var down = 0.0, outages = 0.0, switches = 0.0
        for j in 0...n {
            let working = n - j
            if j > 0 { down += steady[blocked(j)] }
            guard working >= k else { down += steady[up(j)]; continue }
            let waiting = working - k
            let activeFailures = steady[up(j)] * Double(k) * rate
            if waiting > 0 {
                switches += activeFailures * switchSuccess
                outages += activeFailures * (1 - switchSuccess)
            } else {
                outages += activeFailures
            }
        }
        if switchTime > 0 {
            down += switches * switchTime
            outages += switches
        }
        return Figures(unavailability: min(1, down), frequency: outages)
    }
}
