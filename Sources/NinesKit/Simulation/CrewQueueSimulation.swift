import Foundation

/// Plays one repair crew's members instance by instance, event by event: the same queue as
/// CrewChain (failures of up instances at their rates, at most `size` repairs at once, the rest
/// waiting first come first served or by rank), measured over a long run instead of solved. The
/// exact engine takes its figures from here when a crew is past the chain's limit, and the tests
/// check the chain against it.
struct CrewQueueSimulation {
    let chain: CrewChain

    /// Failures the default run plays: enough for the joint states that matter to a few digits.
    static let defaultFailures = 500_000.0
    static let seed: UInt64 = 1

    /// Hours that play about `failures` failures of the crew's members.
    func hours(failures: Double = Self.defaultFailures) -> Double {
        failures / max(chain.members.reduce(0) { $0 + Double($1.replicas) * $1.rate }, 1e-12)
    }

    func figures(crew: String, names: [String], hours: Double, seed: UInt64 = Self.seed) -> CrewQueueFigures {
        let members = chain.members
        var random = Xoshiro256StarStar(seed: seed)
        func exponential(_ mean: Double) -> Double { -mean * log(random.nextOpenUnit()) }
        // One entry per instance: its member, whether it is up, and its next event (failure or end of repair).
        let owner = members.enumerated().flatMap { m, member in [Int](repeating: m, count: member.replicas) }
        var up = [Bool](repeating: true, count: owner.count)
        var next = owner.map { exponential(1 / members[$0].rate) }
        var failed = [Int](repeating: 0, count: members.count)
        var waiting: [(unit: Int, since: Double)] = []
        var busy = 0
        var joint: [UInt32: Double] = [:], changes: [CrewChain.Pair: Double] = [:]
        var down = [Double](repeating: 0, count: members.count), outages = down
        var waited = 0.0, failures = 0.0
        var now = 0.0
        func mask() -> UInt32 {
            var result: UInt32 = 0
            for (m, member) in members.enumerated() where failed[m] > member.replicas - member.needs { result |= 1 << UInt32(m) }
            return result
        }
        while now < hours {
            let unit = next.indices.min { next[$0] < next[$1] }!
            let at = min(next[unit], hours)
            let state = mask()
            joint[state, default: 0] += at - now
            for m in members.indices where state & (1 << UInt32(m)) != 0 { down[m] += at - now }
            now = at
            guard now < hours else { break }
            let m = owner[unit]
            if up[unit] {
                up[unit] = false
                failures += 1
                failed[m] += 1
                if failed[m] == members[m].replicas - members[m].needs + 1 {
                    outages[m] += 1
                    changes[CrewChain.Pair(from: state, to: state | 1 << UInt32(m)), default: 0] += 1
                }
                if busy < chain.size {
                    busy += 1
                    next[unit] = now + exponential(members[m].repairMean)
                } else {
                    // Behind every waiting instance of the same or a smaller rank.
                    let position = waiting.lastIndex { members[owner[$0.unit]].rank <= members[m].rank }.map { $0 + 1 } ?? 0
                    waiting.insert((unit, now), at: position)
                    next[unit] = .infinity
                }
            } else {
                up[unit] = true
                failed[m] -= 1
                next[unit] = now + exponential(1 / members[m].rate)
                if waiting.isEmpty {
                    busy -= 1
                } else {
                    let (started, since) = waiting.removeFirst()
                    waited += now - since
                    next[started] = now + exponential(members[owner[started]].repairMean)
                }
            }
        }
        return CrewQueueFigures(crew: crew, size: chain.size, members: names,
                                joint: CrewChain.sorted(joint.mapValues { $0 / hours }),
                                failures: CrewChain.sorted(changes.mapValues { $0 / hours }), unavailability: down.map { $0 / hours },
                                frequency: outages.map { $0 / hours }, meanWaitHours: failures > 0 ? waited / failures : 0,
                                failuresPerHour: failures / hours, method: .simulated(hours: hours, seed: seed))
    }
}
