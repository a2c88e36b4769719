import Testing
@testable import NinesKit

/// A component's own replicas (k of n, beta-factor common cause) against enumeration of every
/// replica state. The beta-factor model is enumerated as it is defined: n independent units with
/// failure rate (1 − β)·λ and one common-cause event with rate β·λ that takes all of them down,
/// every one repaired in MTTR; each is a two-state unit with odds q/p = rate · MTTR.
struct OwnAvailabilityTests {
    static let units: [UnitFigures] = [
        .mtbf(1000, mttr: 10),
        .rate(0.02, mttr: 6),
        .availability(Probability(up: 0.99999, down: 1e-5), mttr: 0.5),
        .availability(Probability(up: 0.5, down: 0.5), mttr: 2),
    ]

    @Test(arguments: [0.0, 0.05, 0.3])
    func replicasAgreeWithEnumeration(beta: Double) {
        for unit in Self.units {
            for n in 1...6 {
                for k in 1...n {
                    let engine = OwnAvailability(figures: unit, replicas: n, needs: k, beta: beta)
                    let reference = Self.enumerate(unit: unit, n: n, k: k, beta: n > 1 ? beta : 0)
                    let label = "\(unit) \(k) of \(n), beta \(beta)"
                    #expect(Closeness.relative(engine.probability.down, reference.down, within: 1e-12), "\(label): Q \(engine.probability.down) vs \(reference.down)")
                    #expect(Closeness.relative(engine.probability.up, reference.up, within: 1e-12), "\(label): A \(engine.probability.up) vs \(reference.up)")
                    #expect(Closeness.relative(engine.frequency ?? .nan, reference.frequency, within: 1e-12), "\(label): w \(String(describing: engine.frequency)) vs \(reference.frequency)")
                }
            }
        }
    }

    /// Many replicas (the log-space binomial terms past n = 60) against a dynamic programme over
    /// the number of failed units, which sums exact terms without binomial coefficients.
    @Test(arguments: [(100, 1), (100, 50), (100, 99), (1000, 990), (1000, 500), (1000, 1)])
    func manyReplicasAgreeWithDynamicProgramme(n: Int, k: Int) {
        for unit in [Probability(up: 0.99, down: 0.01), Probability(up: 1 - 1e-9, down: 1e-9)] {
            Self.checkAgainstDynamicProgramme(n: n, k: k, unit: unit)
        }
    }

    /// Found by fuzzing: 269 replicas at 99.9% (one needed) once gave an availability above 1. Every
    /// k of n stays a probability whose halves add to 1 (within rounding).
    @Test(arguments: [(269, 1), (269, 135), (269, 269), (1000, 1), (61, 30)])
    func manyReplicasStayAProbability(n: Int, k: Int) {
        for unit in [Probability(up: 0.999, down: 0.001), Probability(up: 0.5, down: 0.5), Probability(up: 0.01, down: 0.99)] {
            let figure = KOutOfN.probability(k: k, n: n, unit: unit)
            #expect((0...1).contains(figure.up) && (0...1).contains(figure.down), "\(k) of \(n): \(figure)")
            #expect(abs(figure.up + figure.down - 1) < 1e-12, "\(k) of \(n): \(figure)")
        }
    }

    static func checkAgainstDynamicProgramme(n: Int, k: Int, unit: Probability) {
        let engine = KOutOfN.probability(k: k, n: n, unit: unit)
        // failed[j] = P(exactly j of the units so far failed).
        var failed = [Double](repeating: 0, count: n + 1)
        failed[0] = 1
        for count in 1...n {
            for j in stride(from: count, through: 1, by: -1) { failed[j] = failed[j] * unit.up + failed[j - 1] * unit.down }
            failed[0] *= unit.up
        }
        let down = failed[(n - k + 1)...].reduce(0, +)
        let up = failed[...(n - k)].reduce(0, +)
        #expect(Closeness.relative(engine.down, down, within: 1e-10), "\(k) of \(n), q \(unit.down): Q \(engine.down) vs \(down)")
        #expect(Closeness.relative(engine.up, up, within: 1e-10), "\(k) of \(n), q \(unit.down): A \(engine.up) vs \(up)")
        let frequency = KOutOfN.frequency(k: k, n: n, unit: unit, rate: 0.001)
        #expect(Closeness.relative(frequency, failed[n - k] * Double(k) * 0.001, within: 1e-10))
    }

    /// No repair time, no rate: the frequency is unknown rather than guessed.
    @Test func availabilityWithoutRepairTimeHasNoFrequency() {
        let own = OwnAvailability(figures: .availability(Probability(up: 0.999, down: 0.001), mttr: nil), replicas: 2, needs: 1, beta: 0.1)
        #expect(own.frequency == nil)
        #expect(own.probability.down > 0)
    }

    /// Enumerates the n units plus (when β > 0) the common-cause event: 2^(n+1) states.
    static func enumerate(unit: UnitFigures, n: Int, k: Int, beta: Double) -> (up: Double, down: Double, frequency: Double) {
        let odds = unit.probability.down / unit.probability.up     // λ · MTTR
        let rate = unit.failureRate!
        // Two-state units: index 0..<n the replicas, index n the common-cause event ("up" = not striking).
        var unitOdds = [Double](repeating: (1 - beta) * odds, count: n)
        var unitRate = [Double](repeating: (1 - beta) * rate, count: n)
        unitOdds.append(beta * odds)
        unitRate.append(beta * rate)
        let units = n + 1
        func works(_ state: Int) -> Bool {
            state & (1 << n) != 0 && (0..<n).filter { state & (1 << $0) != 0 }.count >= k
        }
        var up = 0.0, down = 0.0, frequency = 0.0
        for state in 0..<(1 << units) {
            var probability = 1.0
            for i in 0..<units {
                let p = 1 / (1 + unitOdds[i]), q = unitOdds[i] / (1 + unitOdds[i])
                probability *= state & (1 << i) != 0 ? p : q
            }
            guard works(state) else { down += probability; continue }
            up += probability
            for i in 0..<units where state & (1 << i) != 0 && !works(state ^ (1 << i)) {
                frequency += probability * unitRate[i]
            }
        }
        return (up, down, frequency)
    }
}
