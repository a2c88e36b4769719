/// The steady state of a small irreducible continuous-time Markov chain: π with π·Q = 0 and
/// Σπ = 1, the balance equations with the last one replaced by the normalisation, solved densely.
enum MarkovSteadyState {
    /// `generator[i][j]`: the rate from state i to j (diagonal: minus the row's other rates).
    static func solve(_ generator: [[Double]]) -> [Double] {
        let count = generator.count
        var matrix = (0..<count).map { row in (0..<count).map { column in generator[column][row] } }
        matrix[count - 1] = [Double](repeating: 1, count: count)
        var rhs = [Double](repeating: 0, count: count)
        rhs[count - 1] = 1
        // The chain is irreducible for positive rates and repairs, so the system is regular.
        return LinearSystem.solve(matrix, rhs)?.map { max(0, $0) } ?? [Double](repeating: 0, count: count)
    }
}
