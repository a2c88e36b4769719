/// Simulates one chunk of the run: a warm-up, then `hours` of accounted time, every component's
/// replicas alternating up and down, and the objectives' states followed through the dependency
/// graph (`SimulationGraph`), in every view (all counted; the SLA view) the model needs.
///
/// Per event: one tournament-tree update, one draw, and, when a component's own state flips,
/// counter updates on the requirements above it, going up only while something flips. State
/// lives in flat buffers allocated once per chunk. A *track* is one objective in one view:
/// `view · objectives + objective`.
struct ChunkSimulator {
    let plan: SimulationPlan
    private var random: Xoshiro256StarStar
    private let queue: EventQueue
    private let buffers: Buffers
    private(set) var tallies: [ObjectiveTally]
    private(set) var events = 0

    /// Flat state; indices are slots, components, lens · components, lens · requirements, masks or tracks as named.
    private struct Buffers {
        let instanceUp: UnsafeMutablePointer<Bool>        // by slot
        let instanceActive: UnsafeMutablePointer<Bool>    // by slot
        let upCount: UnsafeMutablePointer<Int32>          // by component
        let activeCount: UnsafeMutablePointer<Int32>
        let commonUp: UnsafeMutablePointer<Bool>
        let switching: UnsafeMutablePointer<Bool>
        let outageEnd: UnsafeMutablePointer<Double>       // end of a hidden-standby switchover
        let drilling: UnsafeMutablePointer<Bool>          // out of service for a drill
        let unseen: UnsafeMutablePointer<Bool>            // failed, waiting for a drill to find it
        let missedUp: UnsafeMutablePointer<Bool>          // no failure a drill misses is pending
        let missedUnseen: UnsafeMutablePointer<Bool>      // such a failure waits for a real demand
        let inWindow: UnsafeMutablePointer<Bool>          // out of service for maintenance
        let windowSlot: UnsafeMutablePointer<Double>      // start of the period holding the next window
        let ownUp: UnsafeMutablePointer<Bool>
        let closureUp: UnsafeMutablePointer<Bool>         // by lens · components + component
        let exposedUp: UnsafeMutablePointer<Bool>         // what callers see (the mask's view when masked)
        let flowUp: UnsafeMutablePointer<Bool>            // what flows see through a completion window (sense 0)
        let unmet: UnsafeMutablePointer<Int32>            // requirements not met
        let membersUp: UnsafeMutablePointer<Int32>        // by lens · requirements + requirement
        let work: UnsafeMutablePointer<Int32>             // components to re-evaluate
        let downCount: UnsafeMutablePointer<Int32>        // by track: its components whose closure is down
        let objectiveUp: UnsafeMutablePointer<Bool>       // by track
        let mark: UnsafeMutablePointer<Double>            // start of the not-yet-counted downtime
        let outageStart: UnsafeMutablePointer<Double>
        let periodDown: UnsafeMutablePointer<Double>
        let outagesBefore: UnsafeMutablePointer<Int>      // the track's outage count when its last period closed
        let lastPeriodOutages: UnsafeMutablePointer<Int>  // outages that ended in the last closed period
        let periodIndex: UnsafeMutablePointer<Int>        // periods closed so far
        let periodEnd: UnsafeMutablePointer<Double>
        let yearMet: UnsafeMutablePointer<Bool>
        let yearFill: UnsafeMutablePointer<Int32>
        let breached: UnsafeMutablePointer<Bool>

        init(_ plan: SimulationPlan) {
            func make<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
                let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, count))
                pointer.initialize(repeating: value, count: max(1, count))
                return pointer
            }
            let graph = plan.graph
            let slots = plan.slotCount, components = plan.componentCount, tracks = plan.trackCount
            instanceUp = make(slots, true)
            instanceActive = make(slots, false)
            upCount = make(components, 0)
            activeCount = make(components, 0)
            commonUp = make(components, true)
            switching = make(components, false)
            outageEnd = make(components, 0.0)
            drilling = make(components, false)
            unseen = make(components, false)
            missedUp = make(components, true)
            missedUnseen = make(components, false)
            inWindow = make(components, false)
            windowSlot = make(components, 0.0)
            ownUp = make(components, true)
            closureUp = make(graph.lensCount * components, true)
            exposedUp = make(graph.lensCount * components, true)
            flowUp = make(graph.lensCount * components, true)
            unmet = make(graph.lensCount * components, 0)
            membersUp = make(graph.lensCount * graph.requirementCount, 0)
            for lens in 0..<graph.lensCount {
                for requirement in 0..<graph.requirementCount {
                    let members = Int(graph.requirementMemberCount[requirement])
                    membersUp[lens * graph.requirementCount + requirement] = Int32(members)
                }
            }
            work = make(graph.requirementCount + components + 2, 0)
            downCount = make(tracks, 0)
            objectiveUp = make(tracks, true)
            mark = make(tracks, 0.0)
            outageStart = make(tracks, 0.0)
            periodDown = make(tracks, 0.0)
            outagesBefore = make(tracks, 0)
            lastPeriodOutages = make(tracks, 0)
            periodIndex = make(tracks, 0)
            periodEnd = make(tracks, 0.0)
            yearMet = make(tracks, true)
            yearFill = make(tracks, 0)
            breached = make(tracks, false)
        }

        func deallocate() {
            instanceUp.deallocate(); instanceActive.deallocate(); upCount.deallocate(); activeCount.deallocate()
            commonUp.deallocate(); switching.deallocate(); outageEnd.deallocate(); ownUp.deallocate()
            drilling.deallocate(); unseen.deallocate(); inWindow.deallocate(); windowSlot.deallocate()
            missedUp.deallocate(); missedUnseen.deallocate()
            closureUp.deallocate(); exposedUp.deallocate(); flowUp.deallocate(); unmet.deallocate(); membersUp.deallocate(); work.deallocate()
            downCount.deallocate(); objectiveUp.deallocate()
            mark.deallocate(); outageStart.deallocate(); periodDown.deallocate(); periodIndex.deallocate()
            outagesBefore.deallocate(); lastPeriodOutages.deallocate()
            periodEnd.deallocate(); yearMet.deallocate(); yearFill.deallocate(); breached.deallocate()
        }
    }

    /// The graph's index arrays copied into flat buffers once per chunk, so the hot loop reads
    /// them without retaining arrays (reading them through `plan.graph` copied the struct and
    /// retained each array, per call).
    private struct Tables {
        let count: Int, requirements: Int, senseCount: Int, lensCount: Int, maskCount: Int, objectives: Int
        let needed: UnsafeMutablePointer<Int32>, owner: UnsafeMutablePointer<Int32>
        let parentStart: UnsafeMutablePointer<Int32>, parentRequirement: UnsafeMutablePointer<Int32>
        let objectiveRowStart: UnsafeMutablePointer<Int32>, objectiveRows: UnsafeMutablePointer<Int32>
        let maskOf: UnsafeMutablePointer<Int32>, maskSlot: UnsafeMutablePointer<Int32>, maskComponent: UnsafeMutablePointer<Int32>, maskWindow: UnsafeMutablePointer<Double>
        let excluded: UnsafeMutablePointer<Bool>, relevant: UnsafeMutablePointer<Bool>

        init(_ plan: SimulationPlan) {
            func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
                let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
                array.withUnsafeBufferPointer { if let base = $0.baseAddress { pointer.initialize(from: base, count: array.count) } }
                return pointer
            }
            let graph = plan.graph
            (count, requirements, senseCount, lensCount) = (graph.componentCount, graph.requirementCount, graph.senseCount, graph.lensCount)
            (maskCount, objectives) = (graph.maskCount, plan.objectiveCount)
            (needed, owner) = (copy(graph.requirementNeeded), copy(graph.requirementOwner))
            (parentStart, parentRequirement) = (copy(graph.parentStart), copy(graph.parentRequirement))
            (objectiveRowStart, objectiveRows) = (copy(graph.objectiveRowStart), copy(graph.objectiveRows))
            (maskOf, maskSlot, maskComponent, maskWindow) = (copy(graph.maskOf), copy(plan.maskSlot), copy(graph.maskComponent), copy(graph.maskWindow))
            (excluded, relevant) = (copy(graph.excluded), copy(graph.relevant))
        }

        func deallocate() {
            needed.deallocate(); owner.deallocate(); parentStart.deallocate(); parentRequirement.deallocate()
            objectiveRowStart.deallocate(); objectiveRows.deallocate(); maskOf.deallocate(); maskSlot.deallocate(); maskComponent.deallocate()
            maskWindow.deallocate(); excluded.deallocate(); relevant.deallocate()
        }
    }

    private let tables: Tables
    private var workCount = 0
    /// Per crew: repairs in progress, and the instance slots waiting in the order they will be served.
    private var crewBusy: [Int32]
    private var crewWaiting: [[Int32]]
    private var recording = false
    private var nextBoundary: Double
    private let start: Double
    private let end: Double

    /// Runs chunk `index` of a run seeded with `seed` over `hours` accounted hours and returns its
    /// tallies, one per track.
    static func run(_ plan: SimulationPlan, seed: UInt64, chunk index: Int, hours: Double) -> (tallies: [ObjectiveTally], events: Int) {
        var simulator = ChunkSimulator(plan, random: Xoshiro256StarStar(seed: seed, stream: index), hours: hours)
        simulator.simulate()
        simulator.queue.deallocate()
        simulator.buffers.deallocate()
        simulator.tables.deallocate()
        return (simulator.tallies, simulator.events)
    }

    private init(_ plan: SimulationPlan, random: Xoshiro256StarStar, hours: Double) {
        self.plan = plan
        self.random = random
        queue = EventQueue(slots: plan.slotCount)
        buffers = Buffers(plan)
        tables = Tables(plan)
        tallies = [ObjectiveTally](repeating: ObjectiveTally(), count: plan.trackCount)
        start = plan.warmupHours
        end = plan.warmupHours + hours
        nextBoundary = start
        crewBusy = [Int32](repeating: 0, count: plan.crewSize.count)
        crewWaiting = [[Int32]](repeating: [], count: plan.crewSize.count)
    }

    private mutating func simulate() {
        let b = buffers
        for component in 0..<plan.componentCount {
            let first = Int(plan.firstInstanceSlot[component])
            let n = Int(plan.replicas[component])
            b.upCount[component] = Int32(n)
            let listedStandby = plan.failoverSlot[component] >= 0 && !plan.hiddenStandby[component]
            let active = listedStandby ? Int(plan.needs[component]) : n
            b.activeCount[component] = Int32(active)
            for replica in 0..<n {
                b.instanceActive[first + replica] = replica < active
                let waits = plan.isStandby[component] && replica >= active
                queue.schedule(first + replica, at: (waits ? plan.dormantFailure : plan.instanceFailure)[component].draw(&random))
            }
            let common = Int(plan.commonSlot[component])
            if common >= 0 { queue.schedule(common, at: plan.commonFailure[component].draw(&random)) }
            // Drill calendars of different components are not coordinated: each starts at a random phase.
            let drill = Int(plan.drillSlot[component])
            if drill >= 0 { queue.schedule(drill, at: random.nextOpenUnit() * plan.drillEvery[component]) }
            let demand = Int(plan.demandSlot[component])
            if demand >= 0 { queue.schedule(demand, at: random.nextOpenUnit() * plan.demandEvery[component]) }
            let missed = Int(plan.missedSlot[component])
            if missed >= 0 { queue.schedule(missed, at: plan.missedFailure[component].draw(&random)) }
            let window = Int(plan.maintenanceSlot[component])
            if window >= 0 { queue.schedule(window, at: nextWindow(component)) }
        }
        while true {
            let t = queue.nextTime
            if t > end { break }
            if t >= nextBoundary { closeBoundaries(through: t) }
            handle(slot: queue.nextSlot, at: t)
            events += 1
        }
        closeBoundaries(through: end)
        for track in 0..<plan.trackCount where !b.objectiveUp[track] {
            endOutage(track, at: end)
            // Counted in the chunk's last period: its square grows from c² to (c + 1)².
            tallies[track].outageSquares += Double(2 * b.lastPeriodOutages[track] + 1)
        }
        for track in 0..<plan.trackCount where !b.breached[track] {
            tallies[track].periodsToFirstBreach += b.periodIndex[track]
        }
    }

    @inline(__always)
    private mutating func handle(slot: Int, at t: Double) {
        let b = buffers
        let owner = Int(plan.slotOwner[slot])
        switch plan.slotKind[slot] {
        case .instance:
            if plan.hiddenStandby[owner] {
                let outage = switchOver(owner, at: t)
                queue.schedule(slot, at: t + outage + plan.instanceFailure[owner].draw(&random))
            } else if b.instanceUp[slot] {
                b.instanceUp[slot] = false
                b.upCount[owner] -= 1
                if plan.failoverSlot[owner] >= 0 && b.instanceActive[slot] { failOver(from: slot, component: owner, at: t) }
                if plan.drillSlot[owner] >= 0 {
                    b.unseen[owner] = true                    // latent: repaired once a drill finds it
                    queue.schedule(slot, at: .infinity)
                } else {
                    startRepair(slot, component: owner, at: t)
                }
            } else {
                b.instanceUp[slot] = true
                b.upCount[owner] += 1
                if plan.failoverSlot[owner] >= 0 && b.activeCount[owner] < plan.needs[owner] {
                    b.instanceActive[slot] = true
                    b.activeCount[owner] += 1
                }
                let waits = plan.isStandby[owner] && !b.instanceActive[slot]
                queue.schedule(slot, at: t + (waits ? plan.dormantFailure : plan.instanceFailure)[owner].draw(&random))
                if plan.isStandby[owner] { bringInWaiting(owner, at: t) }
                if plan.crewOf[owner] >= 0 { repairEnded(crew: Int(plan.crewOf[owner]), at: t) }
            }
        case .commonCause:
            if plan.hiddenStandby[owner] {
                let outage = switchOver(owner, at: t)
                queue.schedule(slot, at: t + outage + plan.commonFailure[owner].draw(&random))
            } else {
                let up = !b.commonUp[owner]
                b.commonUp[owner] = up
                queue.schedule(slot, at: t + (up ? plan.commonFailure[owner] : plan.commonRepair[owner]).draw(&random))
            }
        case .failover:
            b.switching[owner] = false
            queue.schedule(slot, at: .infinity)
        case .drill:
            drill(owner, slot: slot, at: t)
        case .missed:
            // A failure no drill finds waits for a demand; the end of its repair brings the mode back.
            if b.missedUp[owner] {
                b.missedUp[owner] = false
                b.missedUnseen[owner] = true
                queue.schedule(slot, at: .infinity)
            } else {
                b.missedUp[owner] = true
                queue.schedule(slot, at: t + plan.missedFailure[owner].draw(&random))
            }
        case .demand:
            // A real demand finds a missed failure and its repair starts; the demand itself takes no time.
            if b.missedUnseen[owner] {
                b.missedUnseen[owner] = false
                queue.schedule(Int(plan.missedSlot[owner]), at: t + plan.instanceRepair[owner].draw(&random))
            }
            queue.schedule(slot, at: t + plan.demandEvery[owner])
            return
        case .maintenance:
            // A window opens (out of service for its duration) or closes (the next one in the next period).
            let opening = !b.inWindow[owner]
            b.inWindow[owner] = opening
            if opening {
                queue.schedule(slot, at: t + plan.maintenanceDuration[owner])
            } else {
                b.windowSlot[owner] += plan.maintenanceEvery[owner]
                queue.schedule(slot, at: nextWindow(owner))
            }
        case .mask:
            queue.schedule(slot, at: .infinity)
            let lens = owner / tables.maskCount, mask = owner % tables.maskCount
            let component = Int(tables.maskComponent[mask])
            if lens % tables.senseCount == 0 {   // a completion window: the flows see the outage now
                buffers.flowUp[lens * tables.count + component] = false
                countObjectives(lens * tables.count + component, view: lens / tables.senseCount, up: false, at: t)
                return
            }
            expose(component, lens: lens, up: false)
            drain(lens: lens, at: t)
            return
        }
        updateOwnState(owner, at: t)
    }

    /// A failure of a component whose standby is not listed (replicas = needs): it is down for the
    /// switchover (detect + switch) or, when the switch fails, for a repair; the failed instance is
    /// replaced by the standby and repaired in the background. Returns the outage's length; a
    /// failure during one extends it.
    private mutating func switchOver(_ component: Int, at t: Double) -> Double {
        let b = buffers
        let success = plan.failoverSuccess[component]
        let outage = success >= 1 || random.nextOpenUnit() <= success
            ? plan.failoverDelay[component] : plan.instanceRepair[component].draw(&random)
        if !b.switching[component] || t + outage > b.outageEnd[component] {
            b.outageEnd[component] = t + outage
            queue.schedule(Int(plan.failoverSlot[component]), at: t + outage)
        }
        b.switching[component] = true
        return outage
    }

    /// One window per period of the calendar, at a random time within it: the model says how often
    /// and how long, not when, so windows of different parts are uncoordinated, as the exact
    /// engine's independent series factor (1 − d/T) takes them.
    private mutating func nextWindow(_ component: Int) -> Double {
        buffers.windowSlot[component] + random.nextOpenUnit() * (plan.maintenanceEvery[component] - plan.maintenanceDuration[component])
    }

    /// A drill of a component with latent failures starts or ends. It takes the component out of
    /// service for its duration; at its end a failure (one during the drill too) is found and the
    /// repair starts. A drill due during a repair is skipped. (DrillCycle is the same calendar in closed form.)
    private mutating func drill(_ component: Int, slot: Int, at t: Double) {
        let b = buffers
        let instance = Int(plan.firstInstanceSlot[component])
        let every = plan.drillEvery[component], duration = plan.drillDuration[component]
        if !b.drilling[component] && !b.instanceUp[instance] && !b.unseen[component] {
            queue.schedule(slot, at: t + every)               // in repair: nothing to drill
            return
        }
        if !b.drilling[component] && duration > 0 {
            b.drilling[component] = true
            queue.schedule(slot, at: t + duration)
            return
        }
        b.drilling[component] = false
        if b.unseen[component] {
            b.unseen[component] = false
            queue.schedule(instance, at: t + plan.instanceRepair[component].draw(&random))
        }
        queue.schedule(slot, at: t - duration + every)
    }

    /// A failed instance's repair starts now, or, when its crew is busy, waits in the crew's queue
    /// behind every waiting instance of the same or a smaller rank.
    private mutating func startRepair(_ slot: Int, component: Int, at t: Double) {
        let crew = Int(plan.crewOf[component])
        guard crew >= 0, crewBusy[crew] >= plan.crewSize[crew] else {
            if crew >= 0 { crewBusy[crew] += 1 }
            queue.schedule(slot, at: t + plan.instanceRepair[component].draw(&random))
            return
        }
        let rank = plan.crewRank[component]
        let position = crewWaiting[crew].lastIndex { plan.crewRank[Int(plan.slotOwner[Int($0)])] <= rank }.map { $0 + 1 } ?? 0
        crewWaiting[crew].insert(Int32(slot), at: position)
        queue.schedule(slot, at: .infinity)
    }

    /// A repair by `crew` ended: the repairer takes the first waiting instance, if any.
    private mutating func repairEnded(crew: Int, at t: Double) {
        guard !crewWaiting[crew].isEmpty else {
            crewBusy[crew] -= 1
            return
        }
        let slot = Int(crewWaiting[crew].removeFirst())
        queue.schedule(slot, at: t + plan.instanceRepair[Int(plan.slotOwner[slot])].draw(&random))
    }

    /// A repair ended in a standby block: as StandbyChain has it, the block is brought back by
    /// hand — every waiting instance it needs becomes active at once (after a failed switch too).
    private mutating func bringInWaiting(_ component: Int, at t: Double) {
        let b = buffers
        let first = Int(plan.firstInstanceSlot[component])
        for candidate in first..<(first + Int(plan.replicas[component]))
        where b.activeCount[component] < plan.needs[component] && b.instanceUp[candidate] && !b.instanceActive[candidate] {
            b.instanceActive[candidate] = true
            b.activeCount[component] += 1
            queue.schedule(candidate, at: t + plan.instanceFailure[component].draw(&random))
        }
    }

    /// The active instance `slot` failed: a standby that is up takes over after detection + switch
    /// time (if the switchover succeeds); without one the component waits for a repair. A standby
    /// block already down after a failed switch does not switch again until a repair.
    private mutating func failOver(from slot: Int, component: Int, at t: Double) {
        let b = buffers
        let blocked = plan.isStandby[component] && b.activeCount[component] < plan.needs[component]
        b.instanceActive[slot] = false
        b.activeCount[component] -= 1
        guard !blocked else { return }
        let first = Int(plan.firstInstanceSlot[component])
        for candidate in first..<(first + Int(plan.replicas[component])) where b.instanceUp[candidate] && !b.instanceActive[candidate] {
            let success = plan.failoverSuccess[component]
            guard success >= 1 || random.nextOpenUnit() <= success else { return }
            b.instanceActive[candidate] = true
            b.activeCount[component] += 1
            if plan.isStandby[component] { queue.schedule(candidate, at: t + plan.instanceFailure[component].draw(&random)) }
            let delay = plan.failoverDelay[component]
            if delay > 0 {
                b.switching[component] = true
                queue.schedule(Int(plan.failoverSlot[component]), at: t + delay)
            }
            return
        }
    }

    @inline(__always)
    private mutating func updateOwnState(_ component: Int, at t: Double) {
        let b = buffers
        let up: Bool
        if plan.failoverSlot[component] < 0 {
            up = b.commonUp[component] && b.upCount[component] >= plan.needs[component] && !b.drilling[component] && !b.inWindow[component]
                && b.missedUp[component]
        } else if plan.hiddenStandby[component] {
            up = !b.switching[component]
        } else {
            up = b.commonUp[component] && !b.switching[component] && b.activeCount[component] >= plan.needs[component]
        }
        guard up != b.ownUp[component] else { return }
        b.ownUp[component] = up
        let graph = tables
        for lens in 0..<graph.lensCount where graph.relevant[lens * graph.count + component] {
            if lens >= graph.senseCount && graph.excluded[component] { continue }   // the SLA view: never fails
            b.work[0] = Int32(component)
            workCount = 1
            drain(lens: lens, at: t)
        }
    }

    /// Re-evaluates the components on the work list in `lens`, and what is above them while
    /// something flips. Within one event every change goes the same way (the structure is
    /// monotone), so each component flips at most once.
    private mutating func drain(lens: Int, at t: Double) {
        let b = buffers
        let graph = tables
        let count = graph.count
        let sense = lens % graph.senseCount, view = lens / graph.senseCount
        let slaView = view == 1
        while workCount > 0 {
            workCount -= 1
            let component = Int(b.work[workCount])
            let index = lens * count + component
            let up = (b.ownUp[component] || (slaView && graph.excluded[component])) && b.unmet[index] == 0
            guard up != b.closureUp[index] else { continue }
            b.closureUp[index] = up
            let mask = Int(graph.maskOf[component])
            let unmasked = mask < 0 || graph.maskWindow[sense * graph.maskCount + mask] == 0
            // Flows of stored requests (sense 0) count a component with a completion window only
            // once its closure has been down for the window (the requests wait that long), and
            // callers see it at once; callers' objectives at a masked component count its closure.
            if unmasked || sense == 1 { countObjectives(index, view: view, up: up, at: t) }
            if unmasked {
                expose(component, lens: lens, up: up)
            } else if sense == 0 {
                expose(component, lens: lens, up: up)
                let slot = Int(graph.maskSlot[lens * graph.maskCount + mask])
                if up {
                    queue.schedule(slot, at: .infinity)
                    if !b.flowUp[index] {
                        b.flowUp[index] = true
                        countObjectives(index, view: view, up: true, at: t)
                    }
                } else {
                    queue.schedule(slot, at: t + graph.maskWindow[mask])
                }
            } else {
                // A queue or cache in front: callers see the outage only once it has lasted the
                // window, and stop seeing it the moment it ends.
                let slot = Int(graph.maskSlot[lens * graph.maskCount + mask])
                if up {
                    queue.schedule(slot, at: .infinity)
                    if !b.exposedUp[index] { expose(component, lens: lens, up: true) }
                } else {
                    queue.schedule(slot, at: t + graph.maskWindow[sense * graph.maskCount + mask])
                }
            }
        }
    }

    /// The closure (or, through a completion window, the exposed state) at `index` (lens ·
    /// count + component) went up or down: the objectives that read it there follow.
    @inline(__always)
    private mutating func countObjectives(_ index: Int, view: Int, up: Bool, at t: Double) {
        let b = buffers
        let graph = tables
        var row = Int(graph.objectiveRowStart[index])
        let rowEnd = Int(graph.objectiveRowStart[index + 1])
        while row < rowEnd {
            let track = view * graph.objectives + Int(graph.objectiveRows[row])
            row += 1
            let before = b.downCount[track]
            b.downCount[track] = before + (up ? -1 : 1)
            if before == 0 || b.downCount[track] == 0 { objectiveFlipped(track, up: up, at: t) }
        }
    }

    /// What callers of `component` see in `lens` changed: count it in every requirement it is a
    /// member of, and put the owners of requirements that became met or unmet on the work list.
    @inline(__always)
    private mutating func expose(_ component: Int, lens: Int, up: Bool) {
        let b = buffers
        let graph = tables
        let count = graph.count
        b.exposedUp[lens * count + component] = up
        let requirements = graph.requirements
        var position = Int(graph.parentStart[component])
        let last = Int(graph.parentStart[component + 1])
        while position < last {
            let requirement = Int(graph.parentRequirement[position])
            position += 1
            let index = lens * requirements + requirement
            let needed = graph.needed[requirement]
            let before = b.membersUp[index] >= needed
            b.membersUp[index] += up ? 1 : -1
            let after = b.membersUp[index] >= needed
            guard before != after else { continue }
            let owner = Int(graph.owner[requirement])
            guard graph.relevant[lens * count + owner] else { continue }   // nothing in this lens reads it
            b.unmet[lens * count + owner] += after ? -1 : 1
            b.work[workCount] = Int32(owner)
            workCount += 1
        }
    }

    private mutating func objectiveFlipped(_ track: Int, up: Bool, at t: Double) {
        let b = buffers
        b.objectiveUp[track] = up
        guard recording else { return }
        if up {
            b.periodDown[track] += t - b.mark[track]
            endOutage(track, at: t)
        } else {
            b.mark[track] = t
            b.outageStart[track] = t
        }
    }

    private mutating func endOutage(_ track: Int, at t: Double) {
        let duration = t - buffers.outageStart[track]
        tallies[track].outages += 1
        tallies[track].outageHours += duration
        if duration > tallies[track].longestOutage { tallies[track].longestOutage = duration }
    }

    /// Starts accounting at the end of the warm-up and closes every objective period ending by `t`.
    private mutating func closeBoundaries(through t: Double) {
        let b = buffers
        let objectives = plan.objectiveCount
        if !recording {
            guard start <= t else { return }
            recording = true
            for track in 0..<plan.trackCount {
                b.periodEnd[track] = start + plan.objectivePeriodHours[track % objectives]
                if !b.objectiveUp[track] {
                    b.mark[track] = start
                    b.outageStart[track] = start
                }
            }
        }
        var next = Double.infinity
        for track in 0..<plan.trackCount {
            while b.periodEnd[track] <= t && b.periodEnd[track] <= end {
                closePeriod(track, at: b.periodEnd[track])
            }
            next = min(next, b.periodEnd[track])
        }
        nextBoundary = next
    }

    private mutating func closePeriod(_ track: Int, at boundary: Double) {
        let b = buffers
        let objective = track % plan.objectiveCount
        if !b.objectiveUp[track] {
            b.periodDown[track] += boundary - b.mark[track]
            b.mark[track] = boundary
        }
        let downtime = b.periodDown[track]
        b.periodDown[track] = 0
        b.periodIndex[track] += 1
        b.periodEnd[track] = start + Double(b.periodIndex[track] + 1) * plan.objectivePeriodHours[objective]
        tallies[track].periods += 1
        tallies[track].downtimeSum += downtime
        tallies[track].downtimeSquares += downtime * downtime
        let outages = tallies[track].outages - b.outagesBefore[track]
        b.outagesBefore[track] = tallies[track].outages
        b.lastPeriodOutages[track] = outages
        tallies[track].outageSquares += Double(outages * outages)
        if downtime > tallies[track].downtimeMax { tallies[track].downtimeMax = downtime }
        tallies[track].histogram.add(downtime)
        tallies[track].buckets.add(downtime)
        let budget = plan.objectiveBudgetHours[objective]
        guard budget >= 0 else { return }
        let met = downtime <= budget
        if met {
            tallies[track].met += 1
        } else if !b.breached[track] {
            b.breached[track] = true
            tallies[track].firstBreaches += 1
            tallies[track].periodsToFirstBreach += b.periodIndex[track]
        }
        if !met { b.yearMet[track] = false }
        b.yearFill[track] += 1
        if b.yearFill[track] == plan.objectivePeriodsPerYear[objective] {
            tallies[track].years += 1
            if b.yearMet[track] { tallies[track].yearsMet += 1 }
            b.yearFill[track] = 0
            b.yearMet[track] = true
        }
    }
}
