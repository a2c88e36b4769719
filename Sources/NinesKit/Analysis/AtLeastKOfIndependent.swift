/// "At least k of these independent parts up", from the parts' figures by a recursion over them
/// with non-negative terms only: P(exactly j up) for j below k, and P(at least k up). Both halves
/// of the result keep their digits (neither is 1 minus the other).
struct AtLeastKOfIndependent {
    /// P(exactly j of the parts up), j < k.
    let exactly: [Double]
    /// P(at least k up).
    let atLeast: Double

    init(_ k: Int, of figures: some Sequence<Probability>) {
        var exactly = [Double](repeating: 0, count: k)
        exactly[0] = 1
        var atLeast = 0.0
        for figure in figures {
            // From k − 1 up, one more reaches k; once at k, every outcome of the rest stays there.
            atLeast += exactly[k - 1] * figure.up
            for j in stride(from: k - 1, through: 0, by: -1) {
                exactly[j] = exactly[j] * figure.down + (j > 0 ? exactly[j - 1] * figure.up : 0)
            }
        }
        (self.exactly, self.atLeast) = (exactly, atLeast)
    }

    /// The figure of the whole: up with P(at least k up).
    var figure: Probability { Probability(up: atLeast, down: exactly.reduce(0, +)) }
    /// P(exactly k − 1 up): the slope of the whole in one more part's availability.
    var oneShort: Double { exactly[exactly.count - 1] }
}
