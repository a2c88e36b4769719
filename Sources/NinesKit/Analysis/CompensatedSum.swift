/// Neumaier's compensated sum: the rounding error of each addition is carried separately, so the
/// total of n terms is off by about one rounding, not n.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ term: Double) {
        let total = sum + term
        compensation += abs(sum) >= abs(term) ? (sum - total) + term : (term - total) + sum
        sum = total
    }

    var value: Double { sum + compensation }
}
