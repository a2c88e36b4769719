/// The steady state of a large irreducible continuous-time Markov chain given by its transitions
/// alone, by Gauss–Seidel sweeps on the balance equations π_j·q_j = Σ_i π_i·q_ij (Stewart,
/// Introduction to the Numerical Solution of Markov Chains, 1994, §3.2): memory and a sweep's cost
/// grow with the transitions, not with the square or the cube of the states as in
/// `MarkovSteadyState`.
///
/// Unavailability-first: the states that matter hold tiny probabilities next to "all up", so
/// convergence is judged state by state, relatively — every state's balance residual
/// |(π·Q)_j| ≤ `tolerance`·π_j·q_j and its change over a sweep ≤ `tolerance`·π_j — not by a norm
/// that the all-up state would dominate.
enum SparseSteadyState {
    struct Transition { var from: Int, to: Int, rate: Double }

    static let tolerance = 1e-13
    /// Transitions read (sweeps × transitions) before giving up (nil), so a slowly mixing chain
    /// cannot stall the analysis: 8 members with one repairer settle in 11 to 69 double
    /// sweeps (about 2·10⁶ reads each) from light to heavy load, but an overloaded crew (members
    /// failing about as often as one repair takes) rotates its queue and does not settle.
    static let maximumWork = 200_000_000

    /// Nil when the sweeps do not converge. States are best numbered from the likeliest (a
    /// breadth-first order from "all up"), so a sweep carries the failures forward at once.
    static func solve(states count: Int, transitions: [Transition]) -> [Double]? {
        var outflow = [Double](repeating: 0, count: count)
        var start = [Int](repeating: 0, count: count + 1)
        for t in transitions where t.from != t.to {
            outflow[t.from] += t.rate
            start[t.to + 1] += 1
        }
        for j in 0..<count { start[j + 1] += start[j] }
        // Incoming transitions by target (compressed rows), so a state's update reads only its sources.
        var sources = [Int](repeating: 0, count: start[count]), rates = [Double](repeating: 0, count: start[count])
        var fill = start
        for t in transitions where t.from != t.to {
            sources[fill[t.to]] = t.from
            rates[fill[t.to]] = t.rate
            fill[t.to] += 1
        }
        guard outflow.allSatisfy({ $0 > 0 }) else { return nil }
        var pi = [Double](repeating: 1, count: count)
        func inflow(_ j: Int) -> Double {
            var sum = 0.0
            for k in start[j]..<start[j + 1] { sum += pi[sources[k]] * rates[k] }
            return sum
        }
        // Forward then backward (symmetric Gauss–Seidel): the forward sweep carries the failures
        // (to later states), the backward one the repairs, so a heavily loaded crew settles too.
        var settled = true
        func update(_ j: Int) {
            let updated = inflow(j) / outflow[j]
            if abs(updated - pi[j]) > tolerance * updated { settled = false }
            pi[j] = updated
        }
        for _ in 0..<max(50, maximumWork / max(1, 2 * transitions.count)) {
            settled = true
            for j in 1..<max(1, count) { update(j) }   // state 0 is the scale: normalised afterwards
            for j in stride(from: count - 1, to: 0, by: -1) { update(j) }
            guard settled else { continue }
            let converged = (0..<count).allSatisfy { j in abs(inflow(j) - pi[j] * outflow[j]) <= tolerance * pi[j] * outflow[j] }
            guard converged else { continue }
            let total = pi.reduce(0, +)
            return pi.map { $0 / total }
        }
        return nil
    }
}
