import Foundation

/// Runs the discrete-event simulation of a model in fixed chunks of periods, each with its own
/// random stream derived from (seed, chunk index), on as many threads as asked, and merges the
/// chunks in chunk order: the same seed gives the same bits whatever the thread count.
public struct MonteCarloSimulation: Sendable {
    public let model: SystemModel
    package let plan: SimulationPlan

    public init(_ model: SystemModel, assumedRepairHours: Double = 1) {
        self.model = model
        plan = SimulationPlan(model, assumedRepairHours: assumedRepairHours)
    }

    /// Expected number of events for `periods` periods, warm-ups included.
    public func estimatedEvents(periods: Int) -> Double {
        let chunks = (periods + plan.chunkPeriods - 1) / plan.chunkPeriods
        return plan.eventsPerHour * (Double(periods) * plan.modelPeriodHours + Double(chunks) * plan.warmupHours)
    }

    /// The periods to simulate when the user names none: `SimulationSettings().periods`, or fewer
    /// when that many would take more than `SimulationSettings.defaultEventBudget` events (about a
    /// minute), in whole chunks and never under one chunk. A large platform should not silently
    /// run for ten minutes because no `--periods` was given.
    public func defaultPeriods() -> Int {
        let periods = SimulationSettings().periods
        let perPeriod = estimatedEvents(periods: periods) / Double(periods)
        guard perPeriod * Double(periods) > SimulationSettings.defaultEventBudget else { return periods }
        let affordable = Int(SimulationSettings.defaultEventBudget / perPeriod) / plan.chunkPeriods * plan.chunkPeriods
        return max(plan.chunkPeriods, affordable)
    }

    /// Checks the work fits before anything runs.
    public func check(_ settings: SimulationSettings) throws(SimulationRefusal) {
        if model.objectives.isEmpty { throw .noObjectives }
        if settings.precision != nil && !model.objectives.contains(where: { $0.target != nil }) { throw .precisionWithoutTarget }
        let hours = Double(settings.periods) * plan.modelPeriodHours
        for (index, objective) in model.objectives.enumerated() where plan.objectivePeriodHours[index] > hours * (1 + 1e-12) {
            throw .shorterThanAPeriod(objective: objective.name, period: (objective.period ?? model.period).name,
                                      periods: settings.periods, modelPeriod: model.period.name)
        }
        let events = estimatedEvents(periods: settings.periods)
        if events > SimulationSettings.eventLimit {
            let perPeriod = events / Double(settings.periods)
            throw .tooMuchWork(estimatedEvents: events, periods: settings.periods,
                               affordablePeriods: max(1, Int(SimulationSettings.eventLimit / perPeriod)))
        }
    }

    /// Simulates. `progress` is called between rounds with the share done (0…1). The report,
    /// with the exact figures beside the simulated ones, is Reporting's to build
    /// (`ReportBuilder.simulationReport`) from the analysis the caller compiled.
    public func run(_ settings: SimulationSettings, progress: ((Double) -> Void)? = nil) throws(SimulationRefusal) -> SimulationOutcome {
        try check(settings)
        let chunkPeriods = plan.chunkPeriods
        let chunkCount = (settings.periods + chunkPeriods - 1) / chunkPeriods
        let threads = max(1, min(settings.threads, chunkCount))
        let round = threads * 4
        var total = [ObjectiveTally](repeating: ObjectiveTally(), count: plan.trackCount)
        var events = 0
        var chunksDone = 0
        var stoppedEarly = false
        let plan = self.plan
        let seed = settings.seed

        rounds: while chunksDone < chunkCount {
            let first = chunksDone
            let count = min(round, chunkCount - first)
            let results = ResultSlots(count: count)
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { worker in
                for offset in stride(from: worker, to: count, by: threads) {
                    let chunk = first + offset
                    let periods = min(chunkPeriods, settings.periods - chunk * chunkPeriods)
                    results.store(offset, ChunkSimulator.run(plan, seed: seed, chunk: chunk,
                                                             hours: Double(periods) * plan.modelPeriodHours))
                }
            }
            for offset in 0..<count {
                let (tallies, chunkEvents) = results.take(offset)
                for index in total.indices { total[index].merge(tallies[index]) }
                events += chunkEvents
                chunksDone += 1
                if let precision = settings.precision, chunksDone < chunkCount, precisionReached(total, precision) {
                    stoppedEarly = true
                    break rounds
                }
            }
            progress?(Double(chunksDone) / Double(chunkCount))
        }
        let periodsDone = min(settings.periods, chunksDone * chunkPeriods)
        return SimulationOutcome(model: model, plan: plan, settings: settings, tallies: total,
                                 periods: periodsDone, events: events, stoppedEarly: stoppedEarly)
    }

    /// Every objective with a target has P(meet) known to ±precision (95%, Agresti–Coull), in every view.
    func precisionReached(_ tallies: [ObjectiveTally], _ precision: Double) -> Bool {
        let count = model.objectives.count
        for track in tallies.indices where model.objectives[track % count].target != nil {
            // The SLA view follows only objectives with something excluded (the others' figures are the full ones).
            if track >= count && plan.graph.excludedInClosure[track % count].isEmpty { continue }
            let interval = ProportionInterval(successes: tallies[track].met, trials: tallies[track].periods)
            if interval.halfWidth > precision { return false }
        }
        return true
    }
}

/// Chunk results written by worker threads, each into its own slot, read after they all finish.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [([ObjectiveTally], Int)?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: ([ObjectiveTally], Int)) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = result
    }

    func take(_ index: Int) -> ([ObjectiveTally], Int) {
        lock.lock(); defer { lock.unlock() }
        guard let result = slots[index] else { preconditionFailure("chunk \(index) was not simulated") }
        slots[index] = nil
        return result
    }
}
