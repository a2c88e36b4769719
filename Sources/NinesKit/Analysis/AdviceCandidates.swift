/// Where `nines advise` gets its candidate changes: each source proposes changes to one component
/// the model can already express. Changes to the patterns the loader builds (retries, bulkheads,
/// placement, detection) come from `AdviceCandidates.structuralSources(_:)` (AdvicePatternCandidates);
/// the ranking, the sets and the costs take any `DesignChange`.
protocol AdviceCandidateSource: Sendable {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange]
}

enum AdviceCandidates {
    static let sources: [any AdviceCandidateSource] = [RedundancyCandidates(), RecoveryCandidates(), ResponsibilityCandidates()]

    /// The detection and switch times a suggested failover states (docs/advise.md).
    static let failoverDetect = 30.0 / 3600
    static let failoverSwitch = 60.0 / 3600
    /// The window a suggested queue or cache in front of a component hides.
    static let maskingWindow = 15.0 / 60

    /// Every candidate for the components in `closure` (component indices), in model order.
    /// A placed component and its hidden replicas get none: the loader expanded them into a group
    /// over one component per place, so a changed figure or replica count of the component as
    /// written is not one leaf of the compiled structure (docs/advise.md, "What advise proposes").
    /// The same holds for a component split into its failing and hanging shares (`hangs:`).
    static func candidates(in model: SystemModel, closure: [Int]) -> [DesignChange] {
        closure.sorted().flatMap { index in
            let component = model.components[index]
            guard component.placement == nil, !component.isMadeByLoader, component.hangPart == nil else { return [DesignChange]() }
            return sources.flatMap { $0.candidates(for: component, in: model) }
        }
    }
}

/// One more replica, one fewer needed, a standby with failover, less common cause.
struct RedundancyCandidates: AdviceCandidateSource {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard component.responsibility == .ours else { return [] }
        let name = component.name, n = component.replicas, k = component.needs
        var changes: [DesignChange] = []
        if n < 10_000 {
            changes.append(DesignChange(.replica, name, "run \(n + 1) replicas of \(name) (\(k) of \(n + 1) needed)",
                                        set: ["\(name).replicas=\(n + 1)"]) { $0.replicas = n + 1 })
        }
        if k > 1 {
            changes.append(DesignChange(.needs, name, "let \(name) serve with \(k - 1) of its \(n) replicas",
                                        set: ["\(name).needs=\(k - 1)"]) { $0.needs = k - 1 })
        }
        if component.failover == nil, component.figures.failureRate != nil, component.figures.mttr != nil {
            let detect = OverrideText.duration(hours: AdviceCandidates.failoverDetect)
            let switchover = OverrideText.duration(hours: AdviceCandidates.failoverSwitch)
            let location = component.location
            changes.append(DesignChange(.failover, name, "give \(name) a standby with failover (detect \(detect.text), switch \(switchover.text))",
                                        set: ["\(name).failover={mode: active-passive, detect: \(detect.text), switch: \(switchover.text)}"]) {
                $0.failover = Failover(mode: .activePassive, detect: detect.hours, switchover: switchover.hours, location: location)
            })
        }
        if component.commonCause > 0, n > 1 {
            let half = OverrideText.percent(component.commonCause / 2)
            changes.append(DesignChange(.commonCause, name, "halve the common cause of \(name)'s replicas (to \(half.text))",
                                        set: ["\(name).common_cause=\(half.text)"]) { $0.commonCause = half.share })
        }
        return changes
    }
}

/// Faster repair and detection, and a queue or cache in front that hides short outages.
struct RecoveryCandidates: AdviceCandidateSource {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        // The unit before drills, windows or a standby block were folded in (blips keep its repair time).
        let unit = component.latent?.undrilled ?? component.maintenance?.unmaintained ?? component.standby?.stated?.figures
            ?? component.figures
        guard component.responsibility == .ours, let mttr = unit.mttr else { return [] }
        let name = component.name
        var changes: [DesignChange] = []
        // The loader folded any detection time into the MTTR (DetectionTime); the repair is the
        // rest, and the override names the repair alone, which a reload lengthens again.
        let detect = component.detect ?? 0
        let half = OverrideText.duration(hours: (mttr - detect) / 2)
        let outage = half.hours + detect
        let halving = "halve the repair time of \(name) (MTTR \(half.text)"
            + (detect > 0 ? ", after \(OverrideText.duration(hours: detect).text) to notice)" : ")")
        // Blips, drills, windows or a standby block folded in after the repair time: the loaded
        // figure is no longer the repair's alone, so the change is evaluated by loading again.
        let folded = component.transient != nil || component.latent != nil || component.maintenance != nil || component.standby != nil
        switch component.figures {
        case _ where folded:
            // A stated rate keeps its rate with the shorter repair; an availability is left alone.
            if case .availability = unit { break }
            changes.append(DesignChange(.mttr, name, halving, set: ["\(name).mttr=\(half.text)"], edit: nil))
        case .mtbf(let mtbf, _):
            changes.append(DesignChange(.mttr, name, halving, set: ["\(name).mttr=\(half.text)"]) {
                $0.figures = .mtbf(mtbf, mttr: outage)
                $0.repair = nil
            })
        case .rate(let rate, _):
            changes.append(DesignChange(.mttr, name, halving, set: ["\(name).mttr=\(half.text)"]) {
                $0.figures = .rate(rate, mttr: outage)
                $0.repair = nil
            })
        case .availability(let availability, _):
            // A stated availability with its MTTR gives the failure rate; halving the repair keeps it.
            guard availability.down > 0, availability.up > 0 else { break }
            let mtbf = OverrideText.duration(hours: mttr * availability.up / availability.down)
            changes.append(DesignChange(.mttr, name, halving + " at the same failure rate (MTBF \(mtbf.text))",
                                        set: ["\(name).mtbf=\(mtbf.text)", "\(name).mttr=\(half.text)"]) {
                $0.figures = .mtbf(mtbf.hours, mttr: outage)
                $0.repair = nil
                $0.failure = nil
            })
        }
        if let failover = component.failover, failover.detect > 0 {
            let detect = OverrideText.duration(hours: failover.detect / 2)
            changes.append(DesignChange(.detect, name, "halve the failure detection time of \(name) (detect \(detect.text))",
                                        set: ["\(name).failover.detect=\(detect.text)"]) { $0.failover?.detect = detect.hours })
        }
        if component.maskedFor == nil, component.figures.failureRate != nil {
            let window = OverrideText.duration(hours: AdviceCandidates.maskingWindow)
            changes.append(DesignChange(.masking, name, "put a queue or cache in front of \(name) that rides out \(window.text) outages",
                                        set: ["\(name).masked_for=\(window.text)"]) { $0.maskedFor = window.hours })
        }
        return changes
    }
}

/// Taking an external dependency out of the promise: the SLA figure stops counting it.
struct ResponsibilityCandidates: AdviceCandidateSource {
    func candidates(for component: Component, in model: SystemModel) -> [DesignChange] {
        guard component.layer == "external", component.responsibility.countsAgainstSLA else { return [] }
        return [DesignChange(.responsibility, component.name,
                             "make \(component.name) the customer's responsibility (the SLA no longer counts its outages)",
                             set: ["\(component.name).responsibility=customer"]) { $0.responsibility = .customer }]
    }
}
