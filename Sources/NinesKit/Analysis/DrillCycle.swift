import Foundation

/// The mean unavailability of a part whose failures are latent and found by periodic drills.
///
/// The part fails at rate λ (per hour) whenever it is not in repair, drills included. Drills start
/// every T hours on a fixed calendar and take it out of service for τ hours; at the end of a drill a
/// failure is found and repaired (exponential, mean m hours). A drill that falls due during a repair
/// is skipped. The state at a drill's due time is a three-state Markov chain (good, failed unseen,
/// in repair); each state's expected downtime until the next due time is in closed form, and the
/// stationary mix (Markov chain tree theorem: sums of products, no cancellation) gives the
/// time-average. For small λT it is the handbook's λT/2 + τ/T + λm (Rausand & Høyland, *System
/// Reliability Theory*, 2nd ed., §10.3), and the interval that minimises λT/2 + τ/T is √(2τ/λ).
package struct DrillCycle: Sendable {
    public let rate: Double
    public let repairMean: Double
    public let every: Double
    public let duration: Double

    public init(rate: Double, repairMean: Double, every: Double, duration: Double) {
        self.rate = rate
        self.repairMean = repairMean
        self.every = every
        self.duration = duration
    }

    /// Expected downtime (hours), up → down transitions, and where the chain goes next
    /// (good, failed unseen, in repair) over one interval from a due time.
    private struct Leg {
        var down: Double
        var outages: Double
        var next: (good: Double, failed: Double, repair: Double)

        static func mix(_ a: Leg, _ wa: Double, _ b: Leg, _ wb: Double) -> Leg {
            Leg(down: wa * a.down + wb * b.down, outages: wa * a.outages + wb * b.outages,
                next: (wa * a.next.good + wb * b.next.good, wa * a.next.failed + wb * b.next.failed,
                       wa * a.next.repair + wb * b.next.repair))
        }
    }

    /// Mean unavailability, and outages per hour (each drill that finds the part up and takes time is one).
    public var figures: (unavailability: Double, frequency: Double) {
        let tau = duration
        let found = -expm1(-rate * tau)                 // failed by the end of a drill that found it good
        var good = Leg.mix(repaired(from: tau), found, running(from: tau), 1 - found)
        good.down += tau
        if tau > 0 { good.outages += 1 }   // a drill that takes no time is no outage
        var failed = repaired(from: tau)
        failed.down += tau
        let repair = repaired(from: 0)
        // Stationary distribution by spanning trees into each state.
        let p = [[good.next.good, good.next.failed, good.next.repair],
                 [failed.next.good, failed.next.failed, failed.next.repair],
                 [repair.next.good, repair.next.failed, repair.next.repair]]
        let w0 = p[1][0] * p[2][0] + p[1][2] * p[2][0] + p[2][1] * p[1][0]
        let w1 = p[0][1] * p[2][1] + p[0][2] * p[2][1] + p[2][0] * p[0][1]
        let w2 = p[0][2] * p[1][2] + p[0][1] * p[1][2] + p[1][0] * p[0][2]
        let total = w0 + w1 + w2
        let legs = [good, failed, repair]
        let weights = [w0 / total, w1 / total, w2 / total]
        let down = zip(weights, legs).reduce(0) { $0 + $1.0 * $1.1.down }
        let outages = zip(weights, legs).reduce(0) { $0 + $1.0 * $1.1.outages }
        return (min(1, down / every), outages / every)
    }

    /// Up and running from `start` to the next due time: down only once a latent failure strikes.
    private func running(from start: Double) -> Leg {
        let window = every - start
        let survive = exp(-rate * window)
        return Leg(down: latentDown(window), outages: 1 - survive, next: (survive, 1 - survive, 0))
    }

    /// In repair from `start`: up again after the repair R if R < L = T − start, then running.
    /// With μ = 1/m, P(R ≥ L) = e^{−μL}; P(R < L, no failure after) = μ(e^{−λL} − e^{−μL})/(μ − λ);
    /// expected up time = P(R < L, failure after) / λ, so the downtime is L minus it.
    private func repaired(from start: Double) -> Leg {
        let window = every - start
        guard repairMean > 0 else { return running(from: start) }
        let mu = 1 / repairMean
        let stillInRepair = exp(-mu * window)
        let upAndSurvive: Double
        if abs(mu - rate) < 1e-9 * mu {
            upAndSurvive = mu * window * exp(-rate * window)
        } else {
            upAndSurvive = mu * (exp(-rate * window) - stillInRepair) / (mu - rate)
        }
        let upThenFail = max(0, 1 - stillInRepair - upAndSurvive)
        let upTime = rate > 0 ? upThenFail / rate : window - (1 - stillInRepair) / mu   // λ = 0: E[(L − R)⁺]
        return Leg(down: max(0, window - upTime), outages: upThenFail, next: (upAndSurvive, upThenFail, stillInRepair))
    }

    /// Expected time failed-unseen in a window of w hours that starts good: w − (1 − e^{−λw})/λ,
    /// by its series for small λw (the difference of two near-equal numbers otherwise).
    private func latentDown(_ w: Double) -> Double {
        let x = rate * w
        if x < 1e-4 { return w * (x / 2 - x * x / 6 + x * x * x / 24) }
        return w - (-expm1(-x)) / rate
    }

    /// The drill interval that minimises the mean unavailability, hours; nil when a drill costs no
    /// downtime (then more often is always better). Golden-section search in log T around √(2τ/λ).
    public static func suggestedInterval(rate: Double, repairMean: Double, duration: Double) -> Double? {
        guard duration > 0, rate > 0 else { return nil }
        let guess = (2 * duration / rate).squareRoot()
        func cost(_ logT: Double) -> Double {
            DrillCycle(rate: rate, repairMean: repairMean, every: exp(logT), duration: duration).figures.unavailability
        }
        var low = log(max(guess / 100, duration * (1 + 1e-6))), high = log(max(guess * 100, duration * 10))
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = high - ratio * (high - low), b = low + ratio * (high - low)
        var fa = cost(a), fb = cost(b)
        for _ in 0..<200 where high - low > 1e-12 {
            if fa < fb {
                high = b; b = a; fb = fa
                a = high - ratio * (high - low); fa = cost(a)
            } else {
                low = a; a = b; fa = fb
                b = low + ratio * (high - low); fb = cost(b)
            }
        }
        return exp((low + high) / 2)
    }
}
