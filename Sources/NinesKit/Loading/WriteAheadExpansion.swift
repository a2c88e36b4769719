import Foundation

/// Puts each `accepts_when_down:` into the model both engines read (docs/patterns.md,
/// "Write-ahead"). The door writes a request to its store before processing it, so:
///
/// - It no longer needs what it forwards to (`downstream`) to accept: those dependencies leave
///   its `depends_on`. What still refuses requests is a downstream outage longer than the
///   retention (the stored requests expire): a hidden leaf `door#retention` the door depends on,
///   down for the share of each downstream component's downtime past the retention,
///   Q·e^(−R/r) with exponential outages of mean r — what a `masked_for: R` window leaves.
///   Summed over the components behind the door (first order: overlapping outages are counted
///   twice, and redundancy behind the door is not credited), so it errs on the safe side.
/// - With a `deadline`, flows of stored requests (a `path` that starts at the door or at what it
///   forwards to) count an outage of what they need shorter than the deadline as a late
///   completion, not a failed one: those components get a completion window, which only flows
///   read. A flow that shares a component with another flow gets none.
struct WriteAheadExpansion {
    let diagnostics: DiagnosticCollector

    /// The suffix of the hidden component that stands for a door's stored requests expiring.
    static let retentionSuffix = "#retention"

    static func retentionName(of door: String) -> String { door + retentionSuffix }

    /// The model with every write-ahead applied, or nil after reporting what is wrong.
    func apply(_ model: SystemModel) -> SystemModel? {
        guard model.components.contains(where: { $0.writeAhead != nil }) else { return model }
        var index: [String: Int] = [:]
        for (position, component) in model.components.enumerated() { index[component.name] = position }
        var result = model
        var doors: [(door: Int, downstream: [String])] = []
        for (position, door) in model.components.enumerated() {
            guard let writeAhead = door.writeAhead, let downstream = validated(writeAhead, of: door, in: model, index: index) else { continue }
            doors.append((position, downstream))
        }
        guard !diagnostics.hasErrors else { return nil }
        for (position, downstream) in doors {
            result.components[position].writeAhead?.downstream = downstream   // resolved: the diagram and the idempotency check read it
            result.components[position].dependencies.removeAll { dependency in
                if case .component(let name, _) = dependency { return downstream.contains(name) }
                return false
            }
        }
        var added: [Component] = []
        for (position, downstream) in doors {
            let door = result.components[position]
            guard let writeAhead = door.writeAhead else { continue }
            let kept = Self.closure(of: [door.name], in: result, index: index)
            let behind = Self.closure(of: downstream, in: model, index: index).filter { !kept.contains($0) }
            var retention = Component(name: Self.retentionName(of: door.name), layer: door.layer,
                                      figures: Self.expiry(of: behind.sorted().compactMap { index[$0].map { model.components[$0] } },
                                                           retention: writeAhead.retention),
                                      description: "requests '\(door.name)' stored in '\(writeAhead.store)' expiring: "
                                      + "outages behind it longer than the retention", location: writeAhead.location)
            retention.responsibility = door.responsibility
            result.components[position].dependencies.append(.component(retention.name, writeAhead.location))
            added.append(retention)
        }
        result.components.append(contentsOf: added)
        Self.setCompletionWindows(&result, doors: doors.map { (result.components[$0.door], $0.downstream) }, index: index)
        return result
    }

    /// The downstream names of one door, or nil after reporting what is wrong with it.
    private func validated(_ writeAhead: WriteAhead, of door: Component, in model: SystemModel, index: [String: Int]) -> [String]? {
        let names = model.components.filter { $0.placedReplica == nil }.map(\.name)
        let context = "'store' of 'accepts_when_down' of '\(door.name)'"
        guard NameRules.isValid(writeAhead.store), index[writeAhead.store] != nil else {
            diagnostics.error(writeAhead.storeLocation, "\(context) names unknown component '\(writeAhead.store)'"
                              + Suggestion.hint(for: writeAhead.store, in: names), length: writeAhead.store.count)
            return nil
        }
        guard writeAhead.store != door.name else {
            diagnostics.error(writeAhead.storeLocation, "'\(door.name)' cannot store its requests in itself: name the database "
                              + "or queue it writes them to", length: writeAhead.store.count)
            return nil
        }
        guard door.dependencyNames.contains(writeAhead.store) else {
            diagnostics.error(writeAhead.storeLocation, "\(context) is '\(writeAhead.store)', which '\(door.name)' does not depend on: "
                              + "the door writes each request there before answering, so add it to 'depends_on'",
                              length: writeAhead.store.count)
            return nil
        }
        if let deadline = writeAhead.deadline, deadline > writeAhead.retention {
            diagnostics.error(writeAhead.location, "'deadline' of 'accepts_when_down' of '\(door.name)' is longer than its 'retention': "
                              + "a request kept \(Format.duration(hours: writeAhead.retention)) never completes after "
                              + "\(Format.duration(hours: deadline)); shorten the deadline or keep requests longer", length: 17)
            return nil
        }
        let plain = door.dependencies.compactMap { dependency -> String? in
            if case .component(let name, _) = dependency { return name }
            return nil
        }
        let downstream: [String]
        if let listed = writeAhead.downstream {
            var valid = true
            for (offset, name) in listed.enumerated() where name == writeAhead.store || !plain.contains(name) {
                let location = offset < writeAhead.downstreamLocations.count ? writeAhead.downstreamLocations[offset] : writeAhead.location
                diagnostics.error(location, name == writeAhead.store
                                  ? "'downstream' of 'accepts_when_down' of '\(door.name)' names its store '\(name)': the door needs the store to accept"
                                  : "'downstream' of 'accepts_when_down' of '\(door.name)' names '\(name)', which is not an entry of its 'depends_on' "
                                  + "(a group member does not count)" + Suggestion.hint(for: name, in: plain), length: name.count)
                valid = false
            }
            guard valid else { return nil }
            downstream = listed
        } else {
            let storeNeeds = Self.closure(of: [writeAhead.store], in: model, index: index)
            downstream = plain.filter { !storeNeeds.contains($0) }
        }
        guard !downstream.isEmpty else {
            diagnostics.error(writeAhead.location, "'accepts_when_down' of '\(door.name)' has nothing downstream: every dependency "
                              + "is its store or what the store needs; list what the door forwards requests to in 'depends_on'", length: 17)
            return nil
        }
        return downstream
    }

    /// The figures of the retention leaf: the downtime of `behind` in outages longer than the
    /// retention R, Q·e^(−R/r) each, and their outages w·e^(−R/r) (exponential outages of mean
    /// r = Q/w); a component without a known outage length counts in full. Summed: an upper
    /// bound, close when outages behind the door rarely overlap.
    static func expiry(of behind: [Component], retention: Double) -> UnitFigures {
        var down = CompensatedSum(), frequency = CompensatedSum()
        var durationsKnown = true
        for component in behind {
            let figures = EffectiveAvailability(component).effective
            let q = figures.probability.down
            guard q > 0 else { continue }
            if let w = figures.frequency, w > 0 {
                let seen = exp(-retention * w / q)
                down.add(q * seen)
                frequency.add(w * seen)
            } else {
                down.add(q)
                durationsKnown = false
            }
        }
        let q = min(down.value, 1)
        let probability = Probability(up: 1 - q, down: q)
        guard q > 0, durationsKnown, frequency.value > 0 else { return .availability(probability, mttr: nil) }
        return .availability(probability, mttr: q / frequency.value)
    }

    /// Completion windows: every component a flow of stored requests needs (a `path` that starts
    /// at a door with a deadline or at what it forwards to) delays those requests rather than
    /// failing them while it is down for less than the deadline, so it hides such outages from
    /// flows. A flow that shares a component with a flow of other requests gets no window at all:
    /// the shared component's window would hide outages from the other flow too.
    private static func setCompletionWindows(_ model: inout SystemModel, doors: [(door: Component, downstream: [String])],
                                             index: [String: Int]) {
        var storedFlows: [(closure: Set<String>, window: Double?)] = []
        var otherFlows = Set<String>()
        for objective in model.objectives where objective.measure == .reliability {
            let closure = closure(of: objective.components, in: model, index: index)
            guard let first = objective.components.first,
                  let door = doors.first(where: { $0.door.name == first || $0.downstream.contains(first) })?.door,
                  let writeAhead = door.writeAhead else {
                otherFlows.formUnion(closure)
                continue
            }
            storedFlows.append((closure, writeAhead.completionWindow))
        }
        var window: [String: Double] = [:]
        var noWindow: Set<String> = []
        for flow in storedFlows {
            guard let hours = flow.window, flow.closure.isDisjoint(with: otherFlows) else {
                noWindow.formUnion(flow.closure)
                continue
            }
            for name in flow.closure { window[name] = min(window[name] ?? .infinity, hours) }
        }
        for position in model.components.indices {
            let name = model.components[position].name
            guard let hours = window[name], !noWindow.contains(name) else { continue }
            model.components[position].completionWindow = hours
        }
    }

    /// `starts` and everything they need, by name.
    static func closure(of starts: [String], in model: SystemModel, index: [String: Int]) -> Set<String> {
        var seen = Set(starts)
        var stack = starts
        while let name = stack.popLast() {
            guard let position = index[name] else { continue }
            for dependency in model.components[position].dependencyNames where seen.insert(dependency).inserted {
                stack.append(dependency)
            }
        }
        return seen
    }
}
