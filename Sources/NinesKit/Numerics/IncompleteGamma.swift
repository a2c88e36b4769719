import Foundation

/// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a) and its inverse in x.
/// Chi-square quantiles are 2 · P⁻¹(k/2, p) (`ChiSquare`), which the incident intervals need.
package enum IncompleteGamma {
    /// P(a, x) for a > 0, x ≥ 0: the power series below a + 1, where it converges fast, and the
    /// continued fraction for Q = 1 − P above, where the series would need many terms (Abramowitz
    /// & Stegun 6.5.29 and 6.5.31).
    public static func regularizedLower(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0)
        if x == 0 { return 0 }
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, n = 1.0
            while abs(term) > abs(sum) * 1e-16 && n < 10_000 {
                term *= x / (a + n)
                sum += term
                n += 1
            }
            return min(1, sum * exp(logPrefix))
        }
        // Modified Lentz evaluation of Q's continued fraction.
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return max(0, 1 - exp(logPrefix) * h)
    }

    /// The x with P(a, x) = p, for 0 < p < 1: bisection on a bracket found by doubling. P is
    /// increasing in x, so bisection cannot miss. It stops when the midpoint is one of the ends
    /// (the double's resolution); a small shape puts x near 1e-120 (a = 0.05, p = 1e-6), which
    /// takes a few hundred halvings from 1, so the cap of 2,200 only guards against a NaN.
    public static func inverseLower(_ a: Double, _ p: Double) -> Double {
        precondition(a > 0 && p > 0 && p < 1)
        var low = 0.0, high = max(1, a)
        while regularizedLower(a, high) < p && high < 1e300 { low = high; high *= 2 }
        for _ in 0..<2200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if regularizedLower(a, middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
