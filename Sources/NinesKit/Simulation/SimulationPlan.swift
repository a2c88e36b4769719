/// A model compiled into the flat arrays the event loop reads: one "slot" per thing that has a
/// next event (each replica, each common-cause group, each failover timer, each masking timer),
/// samplers per component, and the structure's diagram as three integer arrays.
///
/// Immutable and shared by every chunk and thread. Times in hours.
public struct SimulationPlan: Sendable {
    enum SlotKind: UInt8, Sendable { case instance, commonCause, failover, mask }

    // Components (by model index).
    let componentCount: Int
    let needs: [Int32]
    let firstInstanceSlot: [Int32]
    let replicas: [Int32]
    /// Slot of the common-cause group, or −1.
    let commonSlot: [Int32]
    /// Slot of the failover timer of an active-passive component with a standby, or −1.
    let failoverSlot: [Int32]
    let failoverDelay: [Double]
    let failoverSuccess: [Double]
    let instanceFailure: [Sampler]
    let instanceRepair: [Sampler]
    let commonFailure: [Sampler]
    let commonRepair: [Sampler]
    let ownVariable: [Int32]

    // Slots.
    let slotCount: Int
    let slotKind: [SlotKind]
    /// Component index (instance, common cause, failover) or mask index (mask).
    let slotOwner: [Int32]

    // Masks (by mask index).
    let maskWindow: [Double]
    let maskVariable: [Int32]
    let maskRoot: [Int32]
    let maskSlot: [Int32]

    // Diagram.
    let nodeLevel: [Int32]
    let nodeLow: [Int32]
    let nodeHigh: [Int32]
    let variableCount: Int
    let objectiveRoots: [Int32]
    /// For each variable, the masks and objectives whose diagram tests it (compressed rows).
    let maskDependentStart: [Int32]
    let maskDependents: [Int32]
    let objectiveDependentStart: [Int32]
    let objectiveDependents: [Int32]

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
    /// Components with an active-passive `failover` but no standby (replicas ≤ needs): nothing to switch to.
    public let failoverWithoutStandby: [String]

    /// - Parameter assumedRepairHours: repair time used for a component that states only an
    ///   availability (its failure rate then follows from A = MTBF / (MTBF + MTTR)).
    public init(_ model: SystemModel, assumedRepairHours: Double = 1) {
        let compiled = CompiledStructure(model)
        let structure = SimulationStructure(model, compiled: compiled)
        let components = model.components
        componentCount = components.count

        var needs: [Int32] = [], first: [Int32] = [], replicas: [Int32] = [], common: [Int32] = [], failover: [Int32] = []
        var delay: [Double] = [], success: [Double] = []
        var iFail: [Sampler] = [], iRepair: [Sampler] = [], cFail: [Sampler] = [], cRepair: [Sampler] = []
        var kinds: [SlotKind] = [], owners: [Int32] = []
        var assumed: [String] = [], withoutStandby: [String] = []
        var eventsPerHour = 0.0
        for (index, component) in components.enumerated() {
            let (failure, repair, usedAssumption) = Self.lifetimes(component, assumedRepairHours: assumedRepairHours)
            if usedAssumption { assumed.append(component.name) }
            let n = component.replicas
            let beta = n > 1 ? component.commonCause : 0
            needs.append(Int32(component.needs))
            replicas.append(Int32(n))
            first.append(Int32(kinds.count))
            for _ in 0..<n { kinds.append(.instance); owners.append(Int32(index)) }
            let cycle = failure.mean + repair.mean
            eventsPerHour += Double(n) * 2 / cycle
            // Beta factor: the independent part fails (1 − β) as often, the common part β as often.
            iFail.append(Sampler(beta > 0 ? failure.scaled(by: 1 / (1 - beta)) : failure))
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
            if let plan = component.failover, plan.mode == .activePassive, n > component.needs,
               plan.detect + plan.switchover > 0 || plan.success < 1 {
                failover.append(Int32(kinds.count))
                kinds.append(.failover); owners.append(Int32(index))
                delay.append(plan.detect + plan.switchover)
                success.append(plan.success)
                eventsPerHour += 2 * Double(component.needs) / cycle
            } else {
                if component.failover?.mode == .activePassive && n <= component.needs { withoutStandby.append(component.name) }
                failover.append(-1)
                delay.append(0)
                success.append(1)
            }
        }

        var maskWindow: [Double] = [], maskVariable: [Int32] = [], maskSlot: [Int32] = []
        for (maskIndex, component) in structure.maskedComponents.enumerated() {
            maskWindow.append(components[component].maskedFor ?? 0)
            maskVariable.append(structure.maskVariable[component])
            maskSlot.append(Int32(kinds.count))
            kinds.append(.mask); owners.append(Int32(maskIndex))
        }

        self.needs = needs
        self.firstInstanceSlot = first
        self.replicas = replicas
        self.commonSlot = common
        self.failoverSlot = failover
        self.failoverDelay = delay
        self.failoverSuccess = success
        self.instanceFailure = iFail
        self.instanceRepair = iRepair
        self.commonFailure = cFail
        self.commonRepair = cRepair
        self.ownVariable = structure.ownVariable
        self.slotCount = kinds.count
        self.slotKind = kinds
        self.slotOwner = owners
        self.maskWindow = maskWindow
        self.maskVariable = maskVariable
        self.maskRoot = structure.maskInputs
        self.maskSlot = maskSlot
        (nodeLevel, nodeLow, nodeHigh) = structure.bdd.withNodes { ($0.map(\.level), $0.map(\.low), $0.map(\.high)) }
        self.variableCount = structure.variableCount
        self.objectiveRoots = structure.objectives
        (maskDependentStart, maskDependents) = Self.dependents(of: structure.maskInputs, structure)
        (objectiveDependentStart, objectiveDependents) = Self.dependents(of: structure.objectives, structure)

        let calendar = model.calendar
        objectivePeriodHours = model.objectives.map { calendar.hours(in: $0.period ?? model.period) }
        objectiveBudgetHours = model.objectives.map { objective in
            objective.target.map { $0.down * calendar.hours(in: objective.period ?? model.period) } ?? -1
        }
        objectivePeriodsPerYear = objectivePeriodHours.map { Int32(max(1, (calendar.yearHours / $0).rounded(.down))) }
        modelPeriodHours = calendar.hours(in: model.period)
        warmupHours = modelPeriodHours
        let longest = objectivePeriodHours.max() ?? modelPeriodHours
        chunkPeriods = max(SimulationSettings.chunkPeriods, Int((10 * longest / modelPeriodHours).rounded(.up)))
        self.eventsPerHour = eventsPerHour
        assumedRepair = assumed
        failoverWithoutStandby = withoutStandby
    }

    /// Time-to-failure and time-to-repair distributions of one instance: as the model gives them,
    /// else exponential with the stated means.
    static func lifetimes(_ component: Component, assumedRepairHours: Double)
        -> (failure: TimeDistribution, repair: TimeDistribution, assumed: Bool) {
        let figures = component.figures
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

    /// Compressed rows: for each variable, the indices of the diagrams in `roots` that test it.
    static func dependents(of roots: [BDD.Ref], _ structure: SimulationStructure) -> ([Int32], [Int32]) {
        var lists = [[Int32]](repeating: [], count: structure.variableCount)
        for (index, root) in roots.enumerated() {
            for variable in structure.support(of: root) { lists[Int(variable)].append(Int32(index)) }
        }
        var start: [Int32] = [0]
        var flat: [Int32] = []
        for list in lists {
            flat.append(contentsOf: list)
            start.append(Int32(flat.count))
        }
        return (start, flat)
    }

    var objectiveCount: Int { objectiveRoots.count }
}
