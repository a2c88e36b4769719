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
    /// Transitions read (sweeps × transitions) before giving up (nil), a few seconds at most, so a
    /// slowly mixing chain cannot stall the analysis.
    static let maximumWork = 2_000_000_000

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
        var pi = [Double](repeating: 0, count: count)
        pi[0] = 1
        func inflow(_ j: Int) -> Double {
            var sum = 0.0
            for k in start[j]..<start[j + 1] { sum += pi[sources[k]] * rates[k] }
            return sum
        }
        for _ in 0..<max(100, maximumWork / max(1, transitions.count)) {
            var settled = true
            for j in 0..<count {
                let updated = inflow(j) / outflow[j]
                if j > 0 {   // state 0 is the scale: normalised afterwards
                    if abs(updated - pi[j]) > tolerance * updated { settled = false }
                    pi[j] = updated
                }
            }
            guard settled else { continue }
            let converged = (0..<count).allSatisfy { j in abs(inflow(j) - pi[j] * outflow[j]) <= tolerance * pi[j] * outflow[j] }
            guard converged else { continue }
            let total = pi.reduce(0, +)
            return pi.map { $0 / total }
        }
        return nil
    }
}
