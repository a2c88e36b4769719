import Foundation

/// The distribution of a time to failure or a time to repair of one instance, in hours.
///
/// Steady-state figures depend only on the means (an alternating renewal process has
/// A = mean up / (mean up + mean down)), so the exact engine uses `mean`; the simulator draws
/// from the whole distribution, which changes how downtime spreads over periods.
public enum TimeDistribution: Hashable, Sendable {
    /// Memoryless, with this mean (hours).
    case exponential(mean: Double)
    /// F(t) = 1 − exp(−(t/scale)^shape); shape > 1 means wear-out, < 1 infant mortality. Scale in hours.
    case weibull(shape: Double, scale: Double)
    /// ln T is normal with mean ln(median) and standard deviation sigma. Median in hours.
    case lognormal(median: Double, sigma: Double)
    /// Always exactly this long (hours).
    case fixed(Double)

    /// Mean time in hours: scale·Γ(1 + 1/shape) for Weibull, median·exp(σ²/2) for lognormal.
    public var mean: Double {
        switch self {
        case .exponential(let mean): return mean
        case .weibull(let shape, let scale): return scale * tgamma(1 + 1 / shape)
        case .lognormal(let median, let sigma): return median * exp(sigma * sigma / 2)
        case .fixed(let duration): return duration
        }
    }

    /// The same shape with every time multiplied by `factor` (so the mean is too).
    public func scaled(by factor: Double) -> TimeDistribution {
        switch self {
        case .exponential(let mean): return .exponential(mean: mean * factor)
        case .weibull(let shape, let scale): return .weibull(shape: shape, scale: scale * factor)
        case .lognormal(let median, let sigma): return .lognormal(median: median * factor, sigma: sigma)
        case .fixed(let duration): return .fixed(duration * factor)
        }
    }

    /// The words the model format uses for each family.
    public static let familyNames = ["exponential", "weibull", "lognormal", "fixed"]
}
