/// A model compiled into the flat arrays the event loop reads: one "slot" per thing that has a
/// next event (each replica, each common-cause group, each failover timer, each masking timer),
/// samplers per component, and the dependency graph as index arrays (`SimulationGraph`).
///
/// Needs no exact engine: the structure is sampled directly from the model's dependencies.
/// Immutable and shared by every chunk and thread. Times in hours.
package struct SimulationPlan: Sendable {
    enum SlotKind: UInt8, Sendable { case instance, commonCause, failover, mask, drill, maintenance, missed, demand }

    // Components (by model index).
    let componentCount: Int
    let needs: [Int32]
    let firstInstanceSlot: [Int32]
    let replicas: [Int32]
    /// Slot of the common-cause group, or −1.
    let commonSlot: [Int32]
    /// Slot of the failover timer of a component whose active-passive failover is simulated, or −1.
    let failoverSlot: [Int32]
    /// Whether that failover switches to a standby not listed as a replica (replicas = needs): every
    /// failure costs a switchover (or, when it fails, a repair) and the failed instance is replaced.
    let hiddenStandby: [Bool]
    let failoverDelay: [Double]
    let failoverSuccess: [Double]
    let instanceFailure: [Sampler]
    let instanceRepair: [Sampler]
    let commonFailure: [Sampler]
    let commonRepair: [Sampler]
    /// Slot of the drill calendar of a component with latent failures, or −1: its failures wait
    /// for the end of the next drill to be repaired, and each drill takes it out of service.
    let drillSlot: [Int32]
    let drillEvery: [Double]
    let drillDuration: [Double]
    /// Slot of the failures a drill misses (`coverage` below 100%: rate (1 − c)·λ, the instance
    /// failing at c·λ), or −1; they wait for the demand calendar (`demandSlot`, every
    /// `demandEvery`, no downtime of its own) to be found and repaired.
    let missedSlot: [Int32]
    let missedFailure: [Sampler]
    let demandSlot: [Int32]
    let demandEvery: [Double]
    /// Slot of the maintenance calendar of a component with windows, or −1; windows come on the
    /// calendar whatever the part's state (failures and repairs go on inside them).
    let maintenanceSlot: [Int32]
    let maintenanceEvery: [Double]
    let maintenanceDuration: [Double]
    /// Whether a component is a standby block (`standby:`), played instance by instance: its waiting
    /// instances fail with `dormantFailure`, a repair brings in every waiting instance it needs.
    let isStandby: [Bool]
    let dormantFailure: [Sampler]
    /// The repair crew of a component (index into `crewSize`), or −1: its repairs queue for the crew.
    let crewOf: [Int32]
    /// Queue order of a component's repairs in its crew: smaller first, equal first come first served.
    let crewRank: [Int32]
    let crewSize: [Int32]

    // Slots.
    let slotCount: Int
    let slotKind: [SlotKind]
    /// Component index (instance, common cause, failover) or mask slot index (mask: lens · masks + mask).
    let slotOwner: [Int32]

    let graph: SimulationGraph
    /// Slot of the timer of mask m in lens l, at l · maskCount + m; −1 where the mask has no
    /// window in that lens' sense, cannot fail in its view (excluded in the SLA view) or no
    /// objective reads it. (Every slot deepens
    /// the event tree once the count passes a power of two.)
    let maskSlot: [Int32]

    // Objectives.
    let objectivePeriodHours: [Double]
    /// Downtime a period may have and still meet the target; −1 without a target.
    let objectiveBudgetHours: [Double]
    /// Periods in a year (the block judged by "every period of a year").
    let objectivePeriodsPerYear: [Int32]

    /// Hours in one period of the model (what `--periods` counts).
    public let modelPeriodHours: Double
    /// Hours simulated before accounting starts in each chunk, so it starts near steady state.
    public let warmupHours: Double
    /// Model periods per chunk: at least `SimulationSettings.chunkPeriods`, and enough for ten of the
    /// longest objective period, so every chunk accounts whole periods of every objective.
    public let chunkPeriods: Int
    /// Expected events per simulated hour (failures, repairs, timers), for the work estimate.
    public let eventsPerHour: Double
    /// Components given as an availability with no repair time, simulated with the assumed repair time.
    public let assumedRepair: [String]
    /// Components whose active-passive failover is not modelled (no failure rate or repair time to
    /// cost it with); the exact engine leaves it out too, with a note.
    public let failoverNotModelled: [String]
    /// Components excluded from the SLA view (`responsibility: customer` or `out-of-scope`).
    public let excluded: [String]

    /// - Parameter assumedRepairHours: repair time used for a component that states only an
    ///   availability (its failure rate then follows from A = MTBF / (MTBF + MTTR)).
    public init(_ model: SystemModel, assumedRepairHours: Double = 1) {
        let components = model.components
        componentCount = components.count

        var needs: [Int32] = [], first: [Int32] = [], replicas: [Int32] = [], common: [Int32] = [], failover: [Int32] = []
        var hidden: [Bool] = [], delay: [Double] = [], success: [Double] = []
        var iFail: [Sampler] = [], iRepair: [Sampler] = [], cFail: [Sampler] = [], cRepair: [Sampler] = []
        var kinds: [SlotKind] = [], owners: [Int32] = []
        var drill: [Int32] = [], drillEvery: [Double] = [], drillDuration: [Double] = []
        var missed: [Int32] = [], mFail: [Sampler] = [], demand: [Int32] = [], demandEvery: [Double] = [], demandDuration: [Double] = []
        var windows: [Int32] = [], windowEvery: [Double] = [], windowDuration: [Double] = []
        var isStandby: [Bool] = [], dormant: [Sampler] = [], crewOf: [Int32] = [], crewRank: [Int32] = []
        let crewNames = model.crews.map(\.name)
        var assumed: [String] = [], notModelled: [String] = []
        var eventsPerHour = 0.0
        for (index, component) in components.enumerated() {
            let (failure, repair, usedAssumption) = Self.lifetimes(component, assumedRepairHours: assumedRepairHours)
            if usedAssumption { assumed.append(component.name) }
            // Standby blocks and crew members are played as stated, not as the figure folded at load.
            let stated = component.standby?.stated ?? component.crew?.stated
            let n = stated?.replicas ?? component.replicas
            let componentNeeds = stated?.needs ?? component.needs
            let beta = n > 1 ? component.commonCause : 0
            needs.append(Int32(componentNeeds))
            replicas.append(Int32(n))
            first.append(Int32(kinds.count))
            for _ in 0..<n { kinds.append(.instance); owners.append(Int32(index)) }
            let cycle = failure.mean + repair.mean
            eventsPerHour += Double(n) * 2 / cycle
            // Beta factor: the independent part fails (1 − β) as often, the common part β as often;
            // with a drill coverage c the instance fails c as often, the missed mode 1 − c.
            let coverage = component.latent?.demandEvery == nil ? 1 : component.latent?.coverage ?? 1
            iFail.append(Sampler(beta > 0 ? failure.scaled(by: 1 / (1 - beta)) : failure.scaled(by: 1 / coverage)))
            iRepair.append(Sampler(repair))
            if beta > 0 {
                common.append(Int32(kinds.count))
                kinds.append(.commonCause); owners.append(Int32(index))
                cFail.append(Sampler(failure.scaled(by: 1 / beta)))
                eventsPerHour += 2 * beta / cycle
            } else {
                common.append(-1)
                cFail.append(.never)
            }
            cRepair.append(Sampler(repair))
            /// A calendar (drills, windows): a slot of `kind` when the component has one, else −1.
            func calendar(_ kind: SlotKind, every: Double?, duration: Double,
                          _ slots: inout [Int32], _ everies: inout [Double], _ durations: inout [Double]) {
                guard let every else { slots.append(-1); everies.append(0); durations.append(0); return }
                slots.append(Int32(kinds.count))
                kinds.append(kind); owners.append(Int32(index))
                everies.append(every)
                durations.append(duration)
                eventsPerHour += 2 / every
            }
            calendar(.drill, every: component.latent?.testEvery, duration: component.latent?.testDuration ?? 0,
                     &drill, &drillEvery, &drillDuration)
            calendar(.demand, every: coverage < 1 ? component.latent?.demandEvery : nil, duration: 0,
                     &demand, &demandEvery, &demandDuration)
            if coverage < 1 {
                missed.append(Int32(kinds.count))
                kinds.append(.missed); owners.append(Int32(index))
                mFail.append(Sampler(failure.scaled(by: 1 / (1 - coverage))))
            } else {
                missed.append(-1)
                mFail.append(.never)
            }
            calendar(.maintenance, every: component.maintenance?.every, duration: component.maintenance?.duration ?? 0,
                     &windows, &windowEvery, &windowDuration)
            crewOf.append(Int32(component.crew.flatMap { crewNames.firstIndex(of: $0.crew) } ?? -1))
            crewRank.append(Int32(clamping: component.crew?.rank ?? .max))
            isStandby.append(component.standby?.stated != nil)
            if let standby = component.standby, standby.stated != nil {
                // A block's waiting instances are its failover: switch time and success as stated, always followed.
                let dormantRate = standby.dormantRate ?? 0
                dormant.append(Sampler(.exponential(mean: dormantRate > 0 ? 1 / dormantRate : .infinity)))
                failover.append(Int32(kinds.count))
                kinds.append(.failover); owners.append(Int32(index))
                hidden.append(false)
                delay.append(standby.switchTime)
                success.append(standby.switchSuccess)
                eventsPerHour += 2 * Double(componentNeeds) / cycle
                continue
            }
            dormant.append(.never)
            let standbyListed = n > component.needs
            // As `EffectiveAvailability`: a delivered figure (no standby listed, `figures: service`) has nothing to add.
            if let plan = component.failover, plan.mode == .activePassive, standbyListed || plan.figures == .instance {
                // The same condition as `EffectiveAvailability`: without a failure rate and a repair
                // time the failover cannot be costed, and neither engine models it.
                let costed = component.figures.failureRate != nil && component.figures.mttr != nil
                if !costed { notModelled.append(component.name) }
                if costed && (!standbyListed || plan.detect + plan.switchover > 0 || plan.success < 1) {
                    failover.append(Int32(kinds.count))
                    kinds.append(.failover); owners.append(Int32(index))
                    hidden.append(!standbyListed)
                    delay.append(plan.detect + plan.switchover)
                    success.append(plan.success)
                    eventsPerHour += 2 * Double(component.needs) / cycle
                    continue
                }
            }
            failover.append(-1)
            hidden.append(false)
            delay.append(0)
            success.append(1)
        }

        let graph = SimulationGraph(model)
        var maskSlot: [Int32] = []
        for lens in 0..<graph.lensCount {
            let view = lens / graph.senseCount, sense = lens % graph.senseCount
            for mask in 0..<graph.maskCount {
                let component = Int(graph.maskComponent[mask])
                if graph.maskWindow[sense * graph.maskCount + mask] > 0 && graph.relevant[lens * componentCount + component]
                    && graph.maskCanFail[view * graph.maskCount + mask] {
                    maskSlot.append(Int32(kinds.count))
                    kinds.append(.mask); owners.append(Int32(lens * graph.maskCount + mask))
                } else {
                    maskSlot.append(-1)
                }
            }
        }
        self.maskSlot = maskSlot

        self.needs = needs
        self.firstInstanceSlot = first
        self.replicas = replicas
        self.commonSlot = common
        self.failoverSlot = failover
        self.hiddenStandby = hidden
        self.failoverDelay = delay
        self.failoverSuccess = success
        self.instanceFailure = iFail
        self.instanceRepair = iRepair
        self.commonFailure = cFail
        self.commonRepair = cRepair
        self.drillSlot = drill
        self.drillEvery = drillEvery
        self.drillDuration = drillDuration
        self.missedSlot = missed
        self.missedFailure = mFail
        self.demandSlot = demand
        self.demandEvery = demandEvery
        self.maintenanceSlot = windows
        self.maintenanceEvery = windowEvery
        self.maintenanceDuration = windowDuration
        self.isStandby = isStandby
        self.dormantFailure = dormant
        self.crewOf = crewOf
        self.crewRank = crewRank
        self.crewSize = model.crews.map { Int32($0.size) }
        self.slotCount = kinds.count
        self.slotKind = kinds
        self.slotOwner = owners
        self.graph = graph

        let calendar = model.calendar
        objectivePeriodHours = model.objectives.map { calendar.hours(in: $0.period ?? model.period) }
        objectiveBudgetHours = model.objectives.map { objective in
            objective.target.map { $0.down * calendar.hours(in: objective.period ?? model.period) } ?? -1
        }
        objectivePeriodsPerYear = objectivePeriodHours.map { Int32(max(1, (calendar.yearHours / $0).rounded(.down))) }
        modelPeriodHours = calendar.hours(in: model.period)
        // Long enough for the drill calendars to mix as well (the first interval starts good).
        warmupHours = max(modelPeriodHours, 4 * (drillEvery.max() ?? 0), 4 * (demandEvery.max() ?? 0))
        let longest = objectivePeriodHours.max() ?? modelPeriodHours
        chunkPeriods = max(SimulationSettings.chunkPeriods, Int((10 * longest / modelPeriodHours).rounded(.up)))
        self.eventsPerHour = eventsPerHour
        assumedRepair = assumed
        failoverNotModelled = notModelled
        excluded = components.filter { !$0.responsibility.countsAgainstSLA }.map(\.name)
    }

    /// Time-to-failure and time-to-repair distributions of one instance: as the model gives them,
    /// else exponential with the stated means.
    static func lifetimes(_ component: Component, assumedRepairHours: Double)
        -> (failure: TimeDistribution, repair: TimeDistribution, assumed: Bool) {
        let figures = component.statedFigures   // drills and windows are played on their calendars, not folded
        let repairMean = figures.mttr ?? assumedRepairHours
        let repair = component.repair ?? .exponential(mean: repairMean)
        if let failure = component.failure { return (failure, repair, false) }
        let rate: Double
        if let known = figures.failureRate {
            rate = known
        } else {
            let p = figures.probability
            rate = p.up > 0 ? p.down / (p.up * repairMean) : .infinity
        }
        let failure: TimeDistribution = rate > 0 ? .exponential(mean: 1 / rate) : .exponential(mean: .infinity)
        return (failure, repair, figures.mttr == nil && figures.probability.down > 0)
    }

    var objectiveCount: Int { objectivePeriodHours.count }
    /// Objectives times views: one set of tallies each.
    var trackCount: Int { objectiveCount * graph.viewCount }
}
