/// The components one repair crew serves as a continuous-time Markov chain, solved exactly: the
/// finite-source (machine-repairman) queue with c repairers and units of several kinds (Trivedi,
/// Probability and Statistics with Reliability, Queuing and Computer Science Applications, 2nd
/// ed., §8.2.2 and §9.6, the machine-repairman model; Gross & Harris, Fundamentals of Queueing
/// Theory, §2.7, finite-source queues).
///
/// A state is the crew's queue: the failed instances, each named by its member, the first `size`
/// of them in repair (kept sorted: their order does not matter), the rest waiting in the order
/// they will be served — arrival order, or by `rank` and then arrival (non-preemptive priority).
/// Every up instance fails at its member's rate whatever the state; each repair in progress ends
/// at its member's rate 1/MTTR and the first waiting instance starts. Keeping the order makes
/// first-come-first-served exact; it is what bounds the chain (`maximumStates`). Priorities need
/// no order among different ranks, so with a distinct rank per single-instance member the waiting
/// line is a set and the chain stays small (1 + n·2ⁿ⁻¹ states for n members and one repairer).
struct CrewChain {
    struct Member {
        var rate: Double
        var repairMean: Double
        var replicas: Int
        var needs: Int
        /// Queue order: smaller first; equal ranks first come, first served.
        var rank: Int
    }

    let members: [Member]
    let size: Int

    /// The most instances a crew's chain takes, and the most queue states it solves: densely up to
    /// `maximumDenseStates` (the cost grows with the cube of the states), by sparse sweeps past it.
    static let maximumUnits = 12
    static let maximumStates = 200_000
    static let maximumDenseStates = 1_500

    /// Nil past the limits: the caller plays the crew instead (CrewQueueSimulation).
    func solve(crew: String, names: [String]) -> CrewQueueFigures? {
        guard members.reduce(0, { $0 + $1.replicas }) <= Self.maximumUnits, let states = reachableStates() else { return nil }
        guard let steady = Self.steadyState(states, transitions) else { return nil }
        var joint: [UInt32: Double] = [:], changes: [Pair: Double] = [:]
        var down = [Double](repeating: 0, count: members.count), frequency = down
        var waiting = 0.0, failures = 0.0
        for (position, state) in states.enumerated() {
            let p = steady[position]
            let failed = counts(state)
            var mask: UInt32 = 0
            for (m, member) in members.enumerated() {
                let spare = member.replicas - member.needs
                if failed[m] > spare {
                    mask |= 1 << UInt32(m)
                    down[m] += p
                } else if failed[m] == spare {
                    frequency[m] += p * Double(member.replicas - failed[m]) * member.rate   // one more failure takes it down
                }
                failures += p * Double(member.replicas - failed[m]) * member.rate
            }
            joint[mask, default: 0] += p
            for (m, member) in members.enumerated() where failed[m] == member.replicas - member.needs {
                let flow = p * Double(member.replicas - failed[m]) * member.rate
                changes[Pair(from: mask, to: mask | 1 << UInt32(m)), default: 0] += flow
            }
            waiting += p * Double(max(0, state.count - size))
        }
        return CrewQueueFigures(crew: crew, size: size, members: names, joint: Self.sorted(joint), failures: Self.sorted(changes), unavailability: down,
                                frequency: frequency, meanWaitHours: failures > 0 ? waiting / failures : 0,   // Little's law
                                failuresPerHour: failures, method: .exact(states: states.count))
    }

    /// π over `states` (numbered breadth-first from "all up"), nil when the sparse sweeps do not
    /// converge; `sparse` past `maximumDenseStates` (tests compare both on one chain).
    static func steadyState(_ states: [[UInt8]], _ transitions: ([UInt8]) -> [([UInt8], Double)],
                            sparse: Bool? = nil) -> [Double]? {
        var index: [[UInt8]: Int] = [:]
        for (position, state) in states.enumerated() { index[state] = position }
        var edges: [SparseSteadyState.Transition] = []
        for (from, state) in states.enumerated() {
            for (next, rate) in transitions(state) where rate > 0 { edges.append(.init(from: from, to: index[next]!, rate: rate)) }
        }
        guard !(sparse ?? (states.count > maximumDenseStates)) else { return SparseSteadyState.solve(states: states.count, transitions: edges) }
        var generator = [[Double]](repeating: [Double](repeating: 0, count: states.count), count: states.count)
        for edge in edges {
            generator[edge.from][edge.to] += edge.rate
            generator[edge.from][edge.from] -= edge.rate
        }
        return MarkovSteadyState.solve(generator)
    }

    /// Joint states likeliest first (ties by set, so the order is reproducible).
    static func sorted(_ joint: [UInt32: Double]) -> [CrewQueueFigures.JointState] {
        joint.map { CrewQueueFigures.JointState(down: $0.key, probability: $0.value) }
            .sorted { ($0.probability, $1.down) > ($1.probability, $0.down) }
    }

    /// A change of the set of members down.
    struct Pair: Hashable { var from: UInt32, to: UInt32 }

    static func sorted(_ failures: [Pair: Double]) -> [CrewQueueFigures.JointFailure] {
        failures.map { CrewQueueFigures.JointFailure(from: $0.key.from, to: $0.key.to, flow: $0.value) }
            .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// Every queue reachable from "all up", or nil past `maximumStates`.
    func reachableStates() -> [[UInt8]]? {
        var states: [[UInt8]] = [[]], seen: Set<[UInt8]> = [[]]
        var next = 0
        while next < states.count {
            for (state, _) in transitions(states[next]) where seen.insert(state).inserted {
                states.append(state)
                if states.count > Self.maximumStates { return nil }
            }
            next += 1
        }
        return states
    }

    private func counts(_ state: [UInt8]) -> [Int] {
        var failed = [Int](repeating: 0, count: members.count)
        for unit in state { failed[Int(unit)] += 1 }
        return failed
    }

    /// The queues one event away, with their rates: a failure of an up instance of each member,
    /// the end of each repair in progress.
    func transitions(_ state: [UInt8]) -> [([UInt8], Double)] {
        var result: [([UInt8], Double)] = []
        let failed = counts(state)
        for (m, member) in members.enumerated() where failed[m] < member.replicas {
            result.append((joining(state, UInt8(m)), Double(member.replicas - failed[m]) * member.rate))
        }
        for position in 0..<min(size, state.count) {
            var rest = state
            rest.remove(at: position)
            result.append((canonical(rest), 1 / members[Int(state[position])].repairMean))
        }
        return result
    }

    /// The queue after `unit` fails: into repair when a repairer is free, else behind every
    /// waiting instance of the same or a smaller rank.
    private func joining(_ state: [UInt8], _ unit: UInt8) -> [UInt8] {
        var result = state
        guard state.count >= size else {
            result.append(unit)
            return canonical(result)
        }
        let rank = members[Int(unit)].rank
        var position = state.count
        while position > size, members[Int(state[position - 1])].rank > rank { position -= 1 }
        result.insert(unit, at: position)
        return result
    }

    /// The repairs in progress sorted, the waiting line as it is.
    private func canonical(_ state: [UInt8]) -> [UInt8] {
        let busy = min(size, state.count)
        return state[..<busy].sorted() + state[busy...]
    }
}
