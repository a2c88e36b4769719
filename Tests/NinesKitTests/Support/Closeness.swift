import NinesKit

/// Comparisons with stated tolerances, so a failing `#expect` says how far off a figure is.
enum Closeness {
    /// |a − b| ≤ tolerance.
    static func absolute(_ a: Double, _ b: Double, within tolerance: Double) -> Bool {
        abs(a - b) <= tolerance
    }

    /// |a − b| ≤ tolerance · |b| (b is the reference); two zeros agree.
    static func relative(_ a: Double, _ b: Double, within tolerance: Double) -> Bool {
        a == b || abs(a - b) <= tolerance * abs(b)
    }

    /// Both halves of a probability within `tolerance` (absolute) of the reference.
    static func probability(_ a: Probability, _ b: Probability, within tolerance: Double) -> Bool {
        absolute(a.up, b.up, within: tolerance) && absolute(a.down, b.down, within: tolerance)
    }
}
