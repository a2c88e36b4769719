/// A report value's target kept whole: the two numbers a report carries for JSON readers
/// (`target`, the availability, and `targetUnavailability`, exact on its own) read back as one
/// `Probability`, so no renderer rebuilds it from two numbers with a fallback of its own.
protocol CarriesTarget {
    var target: Double? { get }
    var targetUnavailability: Double? { get }
}

extension CarriesTarget {
    /// The target, nil when there is none.
    var targetProbability: Probability? {
        target.map { Probability(up: $0, down: targetUnavailability ?? 1 - $0) }
    }
}

extension FigureReport: CarriesTarget {}
extension SLAReport: CarriesTarget {}
extension SimulatedObjective: CarriesTarget {}
