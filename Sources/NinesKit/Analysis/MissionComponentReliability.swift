import Foundation

/// A component's own survival over a mission with no repair: its instances' failure
/// distribution (`failure:` in the model, else exponential with the figures' failure rate), k of
/// n replicas, and a common cause that takes the share β of every instance's failure hazard and
/// strikes all replicas at once: R_common = R_unit^β, R_instance = R_unit^(1 − β) (for exponential
/// units, rates β·λ and (1 − β)·λ, as the availability figures split them).
struct MissionComponentReliability: Sendable {
    /// Time to failure of one instance; nil when no failure rate is known (never fails).
    let unit: TimeDistribution?
    let replicas: Int
    let needs: Int
    let beta: Double
    /// The stated block of a standby component, which the loader folded into one unit.
    let standby: StandbyMission?

    init(_ component: Component) {
        if let block = component.standby, let stated = block.stated, let rate = stated.figures.failureRate {
            unit = rate > 0 ? .exponential(mean: 1 / rate) : nil   // one active's life: the scale of the MTTF integral
            standby = StandbyMission(rate: rate, dormantRate: block.dormantRate ?? rate, replicas: stated.replicas,
                                     needs: stated.needs, switchSuccess: block.switchSuccess)
            replicas = 1
            needs = 1
            beta = 0
            return
        }
        standby = nil
        if let failure = component.failure {
            unit = failure
        } else if let rate = component.statedFigures.failureRate, rate > 0 {   // drills and windows are not failures
            unit = .exponential(mean: 1 / rate)
        } else {
            unit = nil
        }
        // A crew only changes repairs; a mission has none, so the stated instances count.
        replicas = component.crew?.stated?.replicas ?? component.replicas
        needs = component.crew?.stated?.needs ?? component.needs
        beta = component.replicas > 1 ? component.commonCause : 0
    }

    /// P(the component is still up after `t` hours without repair).
    func reliability(at t: Double) -> Probability {
        if let standby { return standby.reliability(at: t) }
        guard let unit else { return .perfect }
        guard beta > 0 else { return KOutOfN.probability(k: needs, n: replicas, unit: unit.survival(t)) }
        let logSurvival = unit.logSurvival(t)
        let instance = Probability(up: exp((1 - beta) * logSurvival), down: -expm1((1 - beta) * logSurvival))
        let common = Probability(up: exp(beta * logSurvival), down: -expm1(beta * logSurvival))
        return common.and(KOutOfN.probability(k: needs, n: replicas, unit: instance))
    }
}

extension TimeDistribution {
    /// P(T > t) as (survival, failure probability), the failure side computed without
    /// cancellation: F = −expm1(−t/mean) for the exponential, −expm1(−(t/scale)^shape) for Weibull,
    /// ½·erfc(−z/√2) with z = (ln t − ln median)/σ for the lognormal.
    public func survival(_ t: Double) -> Probability {
        guard t > 0 else { return .perfect }
        switch self {
        case .exponential, .weibull:
            let log = logSurvival(t)
            return Probability(up: exp(log), down: -expm1(log))
        case .lognormal(let median, let sigma):
            let z = (Foundation.log(t) - Foundation.log(median)) / sigma
            return Probability(up: 0.5 * erfc(z / 2.0.squareRoot()), down: 0.5 * erfc(-z / 2.0.squareRoot()))
        case .fixed(let duration):
            return t < duration ? .perfect : .failed
        }
    }

    /// ln P(T > t) (−∞ when certainly failed).
    func logSurvival(_ t: Double) -> Double {
        guard t > 0 else { return 0 }
        switch self {
        case .exponential(let mean): return -t / mean
        case .weibull(let shape, let scale): return -pow(t / scale, shape)
        case .lognormal, .fixed:
            let s = survival(t)
            return s.up > 0 ? Foundation.log(s.up) : -.infinity
        }
    }
}
