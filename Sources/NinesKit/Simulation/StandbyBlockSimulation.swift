import Foundation

/// Plays one standby block (`standby:`) instance by instance, event by event, as an independent
/// check of StandbyChain: each instance fails at its role's rate (active λ, waiting at the dormant
/// rate), each failed one is repaired on its own, a switch takes its fixed time and may fail, and
/// a failed switch leaves the block down until the next repair ends. Returns the share of time down.
struct StandbyBlockSimulation {
    /// The block, as the chain states it; the simulation plays it instead of solving it.
    let block: StandbyChain

    private enum Role { case active, waiting, failed }

    func downShare(hours: Double, seed: UInt64) -> Double {
        let (rate, dormantRate, repairMean) = (block.rate, block.dormantRate, block.repairMean)
        let (replicas, needs) = (block.replicas, block.needs)
        let (switchSuccess, switchTime) = (block.switchSuccess, block.switchTime)
        var random = Xoshiro256StarStar(seed: seed)
        func exponential(_ mean: Double) -> Double { mean.isFinite ? -mean * log(random.nextOpenUnit()) : .infinity }
        var roles = (0..<replicas).map { $0 < needs ? Role.active : .waiting }
        var next = [Double](repeating: .infinity, count: replicas)
        func draw(_ i: Int, now: Double) {
            switch roles[i] {
            case .active: next[i] = now + exponential(1 / rate)
            case .waiting: next[i] = dormantRate > 0 ? now + exponential(1 / dormantRate) : .infinity
            case .failed: next[i] = now + exponential(repairMean)
            }
        }
        for i in 0..<replicas { draw(i, now: 0) }
        var now = 0.0, down = 0.0
        var blocked = false
        var switchEnds = -Double.infinity
        while now < hours {
            let (i, at) = next.enumerated().min { $0.element < $1.element }.map { ($0.offset, $0.element) }!
            // Down time up to the event, the end of a switch counted where it falls.
            let end = min(at, hours)
            if blocked || roles.filter({ $0 == .active }).count < needs {
                down += end - now
            } else if switchEnds > now {
                down += min(end, switchEnds) - now
            }
            now = end
            guard at <= hours else { break }
            switch roles[i] {
            case .active:
                roles[i] = .failed
                draw(i, now: now)
                if !blocked, let spare = roles.firstIndex(of: .waiting) {
                    if random.nextOpenUnit() < switchSuccess {
                        roles[spare] = .active
                        draw(spare, now: now)
                        if switchTime > 0 { switchEnds = max(switchEnds, now + switchTime) }
                    } else {
                        blocked = true
                    }
                }
            case .waiting:
                roles[i] = .failed
                draw(i, now: now)
            case .failed:
                // Brought in by hand: the block takes as many actives as it needs again.
                blocked = false
                roles[i] = .waiting
                for j in roles.indices where roles[j] == .waiting && roles.filter({ $0 == .active }).count < needs {
                    roles[j] = .active
                    draw(j, now: now)
                }
                if roles[i] == .waiting { draw(i, now: now) }
            }
        }
        return down / hours
    }
}
