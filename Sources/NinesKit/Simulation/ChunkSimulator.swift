/// Simulates one chunk of the run: a warm-up, then `hours` of accounted time, every component's
/// replicas alternating up and down, and the objectives' states followed through the diagram.
///
/// Per event: one tournament-tree update, one draw, and a diagram walk only for the objectives
/// and masks whose diagram tests a variable that actually flipped. State lives in flat buffers
/// allocated once per chunk.
struct ChunkSimulator {
    let plan: SimulationPlan
    private var random: Xoshiro256StarStar
    private let queue: EventQueue
    private let buffers: Buffers
    private(set) var tallies: [ObjectiveTally]
    private(set) var events = 0

    /// Flat state; indices are slots, components, variables, masks or objectives as named.
    private struct Buffers {
        let instanceUp: UnsafeMutablePointer<Bool>        // by slot
        let instanceActive: UnsafeMutablePointer<Bool>    // by slot
        let upCount: UnsafeMutablePointer<Int32>          // by component
        let activeCount: UnsafeMutablePointer<Int32>
        let commonUp: UnsafeMutablePointer<Bool>
        let switching: UnsafeMutablePointer<Bool>
        let ownUp: UnsafeMutablePointer<Bool>
        let variableUp: UnsafeMutablePointer<Bool>        // by variable
        let maskInputUp: UnsafeMutablePointer<Bool>       // by mask
        let objectiveUp: UnsafeMutablePointer<Bool>       // by objective
        let dirty: UnsafeMutablePointer<Bool>
        let dirtyList: UnsafeMutablePointer<Int32>
        let mark: UnsafeMutablePointer<Double>            // start of the not-yet-counted downtime
        let outageStart: UnsafeMutablePointer<Double>
        let periodDown: UnsafeMutablePointer<Double>
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
            let slots = plan.slotCount, components = plan.componentCount, objectives = plan.objectiveCount
            instanceUp = make(slots, true)
            instanceActive = make(slots, false)
            upCount = make(components, 0)
            activeCount = make(components, 0)
            commonUp = make(components, true)
            switching = make(components, false)
            ownUp = make(components, true)
            variableUp = make(plan.variableCount, true)
            maskInputUp = make(plan.maskWindow.count, true)
            objectiveUp = make(objectives, true)
            dirty = make(objectives, false)
            dirtyList = make(objectives, 0)
            mark = make(objectives, 0.0)
            outageStart = make(objectives, 0.0)
            periodDown = make(objectives, 0.0)
            periodIndex = make(objectives, 0)
            periodEnd = make(objectives, 0.0)
            yearMet = make(objectives, true)
            yearFill = make(objectives, 0)
            breached = make(objectives, false)
        }

        func deallocate() {
            instanceUp.deallocate(); instanceActive.deallocate(); upCount.deallocate(); activeCount.deallocate()
            commonUp.deallocate(); switching.deallocate(); ownUp.deallocate(); variableUp.deallocate()
            maskInputUp.deallocate(); objectiveUp.deallocate(); dirty.deallocate(); dirtyList.deallocate()
            mark.deallocate(); outageStart.deallocate(); periodDown.deallocate(); periodIndex.deallocate()
            periodEnd.deallocate(); yearMet.deallocate(); yearFill.deallocate(); breached.deallocate()
        }
    }

    private var dirtyCount = 0
    private var recording = false
    private var nextBoundary: Double
    private let start: Double
    private let end: Double

    /// Runs chunk `index` of a run seeded with `seed` over `hours` accounted hours and returns its tallies.
    static func run(_ plan: SimulationPlan, seed: UInt64, chunk index: Int, hours: Double) -> (tallies: [ObjectiveTally], events: Int) {
        var simulator = ChunkSimulator(plan, random: Xoshiro256StarStar(seed: seed, stream: index), hours: hours)
        simulator.simulate()
        simulator.queue.deallocate()
        simulator.buffers.deallocate()
        return (simulator.tallies, simulator.events)
    }

    private init(_ plan: SimulationPlan, random: Xoshiro256StarStar, hours: Double) {
        self.plan = plan
        self.random = random
        queue = EventQueue(slots: plan.slotCount)
        buffers = Buffers(plan)
        tallies = [ObjectiveTally](repeating: ObjectiveTally(), count: plan.objectiveCount)
        start = plan.warmupHours
        end = plan.warmupHours + hours
        nextBoundary = start
    }

    private mutating func simulate() {
        let b = buffers
        for component in 0..<plan.componentCount {
            let first = Int(plan.firstInstanceSlot[component])
            let n = Int(plan.replicas[component])
            b.upCount[component] = Int32(n)
            let active = plan.failoverSlot[component] >= 0 ? Int(plan.needs[component]) : n
            b.activeCount[component] = Int32(active)
            for replica in 0..<n {
                b.instanceActive[first + replica] = replica < active
                queue.schedule(first + replica, at: plan.instanceFailure[component].draw(&random))
            }
            let common = Int(plan.commonSlot[component])
            if common >= 0 { queue.schedule(common, at: plan.commonFailure[component].draw(&random)) }
        }
        while true {
            let t = queue.nextTime
            if t > end { break }
            if t >= nextBoundary { closeBoundaries(through: t) }
            handle(slot: queue.nextSlot, at: t)
            events += 1
            if dirtyCount > 0 { settleObjectives(at: t) }
        }
        closeBoundaries(through: end)
        for objective in 0..<plan.objectiveCount where !b.objectiveUp[objective] {
            endOutage(objective, at: end)
        }
        for objective in 0..<plan.objectiveCount where !b.breached[objective] {
            tallies[objective].periodsToFirstBreach += b.periodIndex[objective]
        }
    }

    @inline(__always)
    private mutating func handle(slot: Int, at t: Double) {
        let b = buffers
        let owner = Int(plan.slotOwner[slot])
        switch plan.slotKind[slot] {
        case .instance:
            if b.instanceUp[slot] {
                b.instanceUp[slot] = false
                b.upCount[owner] -= 1
                if plan.failoverSlot[owner] >= 0 && b.instanceActive[slot] { failOver(from: slot, component: owner, at: t) }
                queue.schedule(slot, at: t + plan.instanceRepair[owner].draw(&random))
            } else {
                b.instanceUp[slot] = true
                b.upCount[owner] += 1
                if plan.failoverSlot[owner] >= 0 && b.activeCount[owner] < plan.needs[owner] {
                    b.instanceActive[slot] = true
                    b.activeCount[owner] += 1
                }
                queue.schedule(slot, at: t + plan.instanceFailure[owner].draw(&random))
            }
        case .commonCause:
            let up = !b.commonUp[owner]
            b.commonUp[owner] = up
            queue.schedule(slot, at: t + (up ? plan.commonFailure[owner] : plan.commonRepair[owner]).draw(&random))
        case .failover:
            b.switching[owner] = false
            queue.schedule(slot, at: .infinity)
        case .mask:
            queue.schedule(slot, at: .infinity)
            setVariable(Int(plan.maskVariable[owner]), up: false, at: t)
            return
        }
        updateOwnState(owner, at: t)
    }

    /// The active instance `slot` failed: a standby that is up takes over after detection + switch
    /// time (if the switchover succeeds); without one the component waits for a repair.
    private mutating func failOver(from slot: Int, component: Int, at t: Double) {
        let b = buffers
        b.instanceActive[slot] = false
        b.activeCount[component] -= 1
        let first = Int(plan.firstInstanceSlot[component])
        for candidate in first..<(first + Int(plan.replicas[component])) where b.instanceUp[candidate] && !b.instanceActive[candidate] {
            let success = plan.failoverSuccess[component]
            guard success >= 1 || random.nextOpenUnit() <= success else { return }
            b.instanceActive[candidate] = true
            b.activeCount[component] += 1
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
        if plan.failoverSlot[component] >= 0 {
            up = b.commonUp[component] && !b.switching[component] && b.activeCount[component] >= plan.needs[component]
        } else {
            up = b.commonUp[component] && b.upCount[component] >= plan.needs[component]
        }
        if up != b.ownUp[component] {
            b.ownUp[component] = up
            setVariable(Int(plan.ownVariable[component]), up: up, at: t)
        }
    }

    /// A variable flipped: masks whose input it feeds re-evaluate now (a mask hides an outage for its
    /// window, then shows it; it clears as soon as the input is back), objectives are marked to be
    /// re-evaluated once the event is complete.
    private mutating func setVariable(_ variable: Int, up: Bool, at t: Double) {
        let b = buffers
        b.variableUp[variable] = up
        var index = Int(plan.maskDependentStart[variable])
        let maskEnd = Int(plan.maskDependentStart[variable + 1])
        while index < maskEnd {
            let mask = Int(plan.maskDependents[index])
            index += 1
            let input = evaluate(plan.maskRoot[mask])
            guard input != b.maskInputUp[mask] else { continue }
            b.maskInputUp[mask] = input
            if input {
                queue.schedule(Int(plan.maskSlot[mask]), at: .infinity)
                let view = Int(plan.maskVariable[mask])
                if !b.variableUp[view] { setVariable(view, up: true, at: t) }
            } else {
                queue.schedule(Int(plan.maskSlot[mask]), at: t + plan.maskWindow[mask])
            }
        }
        index = Int(plan.objectiveDependentStart[variable])
        let objectiveEnd = Int(plan.objectiveDependentStart[variable + 1])
        while index < objectiveEnd {
            let objective = Int(plan.objectiveDependents[index])
            index += 1
            if !b.dirty[objective] {
                b.dirty[objective] = true
                b.dirtyList[dirtyCount] = Int32(objective)
                dirtyCount += 1
            }
        }
    }

    /// Walks the diagram from `root` following the current variable states.
    @inline(__always)
    private func evaluate(_ root: Int32) -> Bool {
        var node = Int(root)
        let variableUp = buffers.variableUp
        while node > 1 {
            node = Int(variableUp[Int(plan.nodeLevel[node])] ? plan.nodeHigh[node] : plan.nodeLow[node])
        }
        return node == 1
    }

    private mutating func settleObjectives(at t: Double) {
        let b = buffers
        for position in 0..<dirtyCount {
            let objective = Int(b.dirtyList[position])
            b.dirty[objective] = false
            let up = evaluate(plan.objectiveRoots[objective])
            guard up != b.objectiveUp[objective] else { continue }
            b.objectiveUp[objective] = up
            guard recording else { continue }
            if up {
                b.periodDown[objective] += t - b.mark[objective]
                endOutage(objective, at: t)
            } else {
                b.mark[objective] = t
                b.outageStart[objective] = t
            }
        }
        dirtyCount = 0
    }

    private mutating func endOutage(_ objective: Int, at t: Double) {
        let duration = t - buffers.outageStart[objective]
        tallies[objective].outages += 1
        tallies[objective].outageHours += duration
        if duration > tallies[objective].longestOutage { tallies[objective].longestOutage = duration }
    }

    /// Starts accounting at the end of the warm-up and closes every objective period ending by `t`.
    private mutating func closeBoundaries(through t: Double) {
        let b = buffers
        if !recording {
            guard start <= t else { return }
            recording = true
            for objective in 0..<plan.objectiveCount {
                b.periodEnd[objective] = start + plan.objectivePeriodHours[objective]
                if !b.objectiveUp[objective] {
                    b.mark[objective] = start
                    b.outageStart[objective] = start
                }
            }
        }
        var next = Double.infinity
        for objective in 0..<plan.objectiveCount {
            while b.periodEnd[objective] <= t && b.periodEnd[objective] <= end {
                closePeriod(objective, at: b.periodEnd[objective])
            }
            next = min(next, b.periodEnd[objective])
        }
        nextBoundary = next
    }

    private mutating func closePeriod(_ objective: Int, at boundary: Double) {
        let b = buffers
        if !b.objectiveUp[objective] {
            b.periodDown[objective] += boundary - b.mark[objective]
            b.mark[objective] = boundary
        }
        let downtime = b.periodDown[objective]
        b.periodDown[objective] = 0
        b.periodIndex[objective] += 1
        b.periodEnd[objective] = start + Double(b.periodIndex[objective] + 1) * plan.objectivePeriodHours[objective]
        tallies[objective].periods += 1
        tallies[objective].downtimeSum += downtime
        tallies[objective].downtimeSquares += downtime * downtime
        if downtime > tallies[objective].downtimeMax { tallies[objective].downtimeMax = downtime }
        tallies[objective].histogram.add(downtime)
        tallies[objective].buckets.add(downtime)
        let budget = plan.objectiveBudgetHours[objective]
        guard budget >= 0 else { return }
        let met = downtime <= budget
        if met {
            tallies[objective].met += 1
        } else if !b.breached[objective] {
            b.breached[objective] = true
            tallies[objective].firstBreaches += 1
            tallies[objective].periodsToFirstBreach += b.periodIndex[objective]
        }
        if !met { b.yearMet[objective] = false }
        b.yearFill[objective] += 1
        if b.yearFill[objective] == plan.objectivePeriodsPerYear[objective] {
            tallies[objective].years += 1
            if b.yearMet[objective] { tallies[objective].yearsMet += 1 }
            b.yearFill[objective] = 0
            b.yearMet[objective] = true
        }
    }
}
