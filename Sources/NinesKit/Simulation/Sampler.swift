import Foundation

/// A `TimeDistribution` flattened into two numbers and a tag, so drawing a time in the inner
/// loop is a switch on a byte with no indirection or allocation. Times in hours.
struct Sampler: Sendable {
    enum Kind: UInt8, Sendable { case never, exponential, weibull, lognormal, fixed }
    let kind: Kind
    /// Mean (exponential), scale (Weibull), median (lognormal) or the duration (fixed).
    let a: Double
    /// 1/shape (Weibull) or sigma (lognormal).
    let b: Double

    static let never = Sampler(kind: .never, a: .infinity, b: 0)

    init(kind: Kind, a: Double, b: Double) {
        self.kind = kind
        self.a = a
        self.b = b
    }

    init(_ distribution: TimeDistribution) {
        switch distribution {
        case .exponential(let mean): self.init(kind: mean.isFinite ? .exponential : .never, a: mean, b: 0)
        case .weibull(let shape, let scale): self.init(kind: .weibull, a: scale, b: 1 / shape)
        case .lognormal(let median, let sigma): self.init(kind: .lognormal, a: median, b: sigma)
        case .fixed(let duration): self.init(kind: .fixed, a: duration, b: 0)
        }
    }

    /// Draws one time (hours) by inversion (Box–Muller for the lognormal's normal deviate).
    @inline(__always)
    func draw(_ random: inout Xoshiro256StarStar) -> Double {
        switch kind {
        case .exponential: return -a * log(random.nextOpenUnit())
        case .weibull: return a * pow(-log(random.nextOpenUnit()), b)
        case .lognormal:
            let radius = (-2 * log(random.nextOpenUnit())).squareRoot()
            let z = radius * cos(2 * Double.pi * random.nextOpenUnit())
            return a * exp(b * z)
        case .fixed: return a
        case .never: return .infinity
        }
    }
}
