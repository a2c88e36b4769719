/// The chi-square distribution's quantiles, for the exact Poisson and exponential-mean intervals.
package enum ChiSquare {
    /// The value a chi-square variable with `degrees` degrees of freedom stays below with
    /// probability `p` (0 < p < 1): χ²(p; k) = 2 · P⁻¹(k/2, p).
    public static func quantile(_ p: Double, degrees: Double) -> Double {
        2 * IncompleteGamma.inverseLower(degrees / 2, p)
    }
}
