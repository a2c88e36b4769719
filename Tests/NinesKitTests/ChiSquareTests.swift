import Foundation
import Testing
@testable import NinesKit

/// The incomplete gamma function and chi-square quantiles behind the incident intervals.
@Suite struct ChiSquareTests {
    /// Closed forms: P(1, x) = 1 − e^(−x) and P(1/2, x) = erf(√x) (Abramowitz & Stegun 6.5.12 and 6.5.17);
    /// both branches (series below a + 1, continued fraction above) are reached.
    @Test(arguments: [0.01, 0.5, 1.0, 2.5, 7.0, 30.0])
    func incompleteGammaMatchesClosedForms(x: Double) {
        #expect(abs(IncompleteGamma.regularizedLower(1, x) - (1 - exp(-x))) < 1e-14)
        #expect(abs(IncompleteGamma.regularizedLower(0.5, x) - erf(x.squareRoot())) < 1e-14)
    }

    /// With two degrees of freedom the chi-square is exponential: χ²(p; 2) = −2 ln(1 − p) exactly.
    @Test(arguments: [0.001, 0.05, 0.5, 0.95, 0.999])
    func twoDegreesIsExponential(p: Double) {
        let exact = -2 * log(1 - p)
        #expect(abs(ChiSquare.quantile(p, degrees: 2) - exact) <= 1e-12 * exact)
    }

    /// NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.4 "Critical values of the
    /// chi-square distribution" (three decimals): (degrees, p, value) with p the lower tail.
    @Test(arguments: [(1.0, 0.95, 3.841), (4, 0.05, 0.711), (4, 0.95, 9.488), (6, 0.95, 12.592), (10, 0.05, 3.940),
                      (10, 0.95, 18.307), (12, 0.05, 5.226), (12, 0.95, 21.026), (14, 0.95, 23.685), (22, 0.05, 12.338),
                      (22, 0.95, 33.924), (24, 0.95, 36.415), (100, 0.05, 77.929), (100, 0.95, 124.342)])
    func quantilesMatchThePublishedTable(degrees: Double, p: Double, value: Double) {
        #expect(abs(ChiSquare.quantile(p, degrees: degrees) - value) <= 0.0006)
    }

    /// The inverse reads back: P(a, P⁻¹(a, p)) = p, for shapes from tiny to large.
    @Test(arguments: [0.05, 1.0, 3.5, 40.0, 2000.0])
    func inverseReadsBack(a: Double) {
        for p in [1e-6, 0.05, 0.5, 0.95, 1 - 1e-9] {
            #expect(abs(IncompleteGamma.regularizedLower(a, IncompleteGamma.inverseLower(a, p)) - p) < 1e-12)
        }
    }

    /// Garwood's interval for no events: lower 0, upper χ²(0.95; 2) / 2T = −ln(0.05) / T.
    @Test func noEventsGiveTheRuleOfThree() {
        let interval = PoissonRateInterval(count: 0, exposure: 1000)
        #expect(interval.lower == 0)
        #expect(abs(interval.upper - (-log(0.05) / 1000)) < 1e-15)
    }
}
