/// MTTF = ∫₀^∞ R(t) dt by composite Simpson's rule on doubling panels [a, 2a] (32 intervals each)
/// from a millionth of `scale` (the series MTTF, a lower bound on the figure's) until R(t)·t is
/// below 1e-13 of the integral so far; ∫₀^a R ≈ a·(1 + R(a))/2 before it. On exponential parts the
/// relative error is under 1e-8 (checked against 3/(2λ) for a parallel pair).
enum MTTFIntegral {
    static let intervalsPerPanel = 32
    static let maxPanels = 120
    /// Evaluations at most, for work limits.
    static let evaluations = maxPanels * intervalsPerPanel + 1

    static func integrate(scale: Double, _ reliability: (Double) -> Double) -> Double? {
        var a = scale * 1e-6
        var ra = reliability(a)
        var total = a * (1 + ra) / 2
        for _ in 0..<maxPanels {
            let h = a / Double(intervalsPerPanel)
            var sum = ra
            var last = ra
            for i in 1...intervalsPerPanel {
                last = reliability(a + Double(i) * h)
                sum += (i == intervalsPerPanel ? 1 : (i % 2 == 1 ? 4 : 2)) * last
            }
            total += sum * h / 3
            a *= 2
            ra = last
            if ra * a < 1e-13 * total { return total }
        }
        return nil   // R(t) does not fall: no finite MTTF reached
    }
}
