import Foundation

/// Epistemic uncertainty of a component's stated figures: what the modeller does not know about
/// the true MTBF, MTTR, rate or availability (`mttr: 15m..2h`, `mtbf: {distribution: lognormal,
/// median: 2000h, error_factor: 3}`). Distinct from `failure:`/`repair:`, which say how single
/// outages vary around known means. The model's figures are the inputs' medians; `report` draws
/// the inputs and gives each objective's availability as a distribution (docs/uncertainty.md).
package struct InputUncertainty: Hashable, Sendable {
    public var inputs: [UncertainInput]
    /// The figures as stated (each uncertain input at its median), before the loader derived the
    /// figures the engines read (placement's common-cause split, detection, blips).
    public var stated: UnitFigures
    /// The common-cause share the placement split used (0 when not placed).
    public var placementBeta: Double = 0

    public init(inputs: [UncertainInput], stated: UnitFigures) {
        self.inputs = inputs
        self.stated = stated
    }
}

/// One uncertain figure of a component.
package struct UncertainInput: Hashable, Sendable {
    package enum Field: String, Hashable, Sendable, CaseIterable {
        /// Drawn as the unavailability 1 − A.
        case availability
        /// Hours.
        case mtbf
        /// Per hour.
        case rate
        /// Hours.
        case mttr
    }

    public var field: Field
    public var distribution: InputDistribution
    public var location: ModelLocation

    public init(field: Field, distribution: InputDistribution, location: ModelLocation) {
        self.field = field
        self.distribution = distribution
        self.location = location
    }
}

/// A distribution of a positive figure. Both are fixed by their median and spread in log space,
/// as reliability data handbooks state uncertain rates (median and error factor).
package enum InputDistribution: Hashable, Sendable {
    /// `low..high`: uniform in the logarithm between the two ends (every order of magnitude in
    /// between as likely), median √(low·high).
    case logUniform(low: Double, high: Double)
    /// ln X normal with mean ln(median) and standard deviation sigma; the error factor
    /// EF = x₉₅/x₅₀ = e^(1.645·sigma).
    case lognormal(median: Double, sigma: Double)

    /// z of the 95th percentile of the standard normal: EF = e^(z₉₅·σ) (tested in InputUncertaintyTests).
    static let z95 = 1.6448536269514722

    /// The sigma of a lognormal stated by its error factor x₉₅/x₅₀.
    static func sigma(errorFactor: Double) -> Double { log(errorFactor) / z95 }

    /// The error factor x₉₅/x₅₀ of a lognormal of this sigma.
    static func errorFactor(sigma: Double) -> Double { exp(sigma * z95) }

    public var median: Double {
        switch self {
        case .logUniform(let low, let high): return (low * high).squareRoot()
        case .lognormal(let median, _): return median
        }
    }

    /// The value below which a share `p` (0 < p < 1) of the distribution lies.
    public func quantile(_ p: Double) -> Double { quantiles(p) }

    /// `quantile(_:)` with what does not depend on p worked out once, bit for bit the same: for
    /// drawing thousands of values (two logarithms per draw were a tenth of the draws' time).
    var quantiles: (Double) -> Double {
        switch self {
        case .logUniform(let low, let high):
            let (from, to) = (log(low), log(high))
            return { p in exp(from + p * (to - from)) }
        case .lognormal(let median, let sigma): return { p in median * exp(sigma * StandardNormal.quantile(p)) }
        }
    }
}
