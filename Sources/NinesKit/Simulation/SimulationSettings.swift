import Foundation

/// How much to simulate and how. Validated by `SimulationSettings.check` before a run.
public struct SimulationSettings: Hashable, Sendable {
    /// Number of the model's periods to simulate (e.g. months).
    public var periods: Int
    public var seed: UInt64
    /// Worker threads; the numbers do not depend on it.
    public var threads: Int
    /// Stop once the 95% confidence half-width of every objective's P(meet target) is at most this.
    public var precision: Double?
    /// Repair time (hours) assumed for components that state only an availability.
    public var assumedRepairHours: Double

    public init(periods: Int = 100_000, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                precision: Double? = nil, assumedRepairHours: Double = 1) {
        self.periods = periods
        self.seed = seed
        self.threads = threads
        self.precision = precision
        self.assumedRepairHours = assumedRepairHours
    }

    public static let periodRange = 1...1_000_000_000
    public static let threadRange = 1...1024
    /// The run is refused above this many expected events (about 10 minutes on one core).
    public static let eventLimit = 1e10
    /// Events a run without `--periods` may take (about a minute on one core); see
    /// `MonteCarloSimulation.defaultPeriods`.
    public static let defaultEventBudget = 1e9
    /// Periods per chunk: the unit of work, of seeding and of the early-stop decision.
    /// (The least: a model whose objectives have longer periods gets longer chunks.)
    public static let chunkPeriods = 1200
}

/// Why a simulation was not run.
public enum SimulationRefusal: DiagnosticConvertible, Equatable, CustomStringConvertible {
    case tooMuchWork(estimatedEvents: Double, periods: Int, affordablePeriods: Int)
    case precisionWithoutTarget
    case noObjectives
    case shorterThanAPeriod(objective: String, period: String, periods: Int, modelPeriod: String)

    public var description: String {
        switch self {
        case .tooMuchWork(let events, let periods, let affordable):
            return String(format: "simulating %d periods means about %.2g events, over the limit of %.0e; ", periods, events,
                          SimulationSettings.eventLimit)
                + "ask for at most \(affordable) periods (--periods), or use --precision to stop when the answer is good enough"
        case .precisionWithoutTarget:
            return "--precision applies to the probability of meeting a target, but no objective has a 'target'"
        case .shorterThanAPeriod(let objective, let period, let periods, let modelPeriod):
            return "\(periods) \(modelPeriod)(s) do not cover one '\(period)' period of objective '\(objective)'; ask for more --periods"
        case .noObjectives:
            return "the model has no objectives to simulate; add one under 'objectives' (e.g. at: <front door>, target: 99.9%)"
        }
    }

    /// The refusal as one diagnostic without a location: it is about the request, not a file.
    public var diagnostics: [Diagnostic] { [Diagnostic(description)] }
}
