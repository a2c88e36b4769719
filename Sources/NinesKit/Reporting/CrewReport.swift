/// A repair crew in `nines report`: how long a failure waits for a repairer, and what the queue
/// costs each member against repairs of its own. Times in hours.
package struct CrewReport: Hashable, Sendable, Codable {
    public var crew: String
    public var size: Int
    /// Mean hours a failed instance waits before its repair starts.
    public var meanWaitHours: Double
    public var failuresPerYear: Double
    /// `exact` (the chain) or `simulated` (past its limit).
    public var method: String
    /// Queue states of the chain (exact), or hours and seed of the simulation.
    public var states: Int?
    public var simulatedHours: Double?
    public var seed: UInt64?
    /// The located warning when the crew is past the chain's limit.
    public var warning: String?
    public var members: [CrewMemberReport]

    /// One per crew that repairs something, in declaration order; nil without crews.
    static func reports(_ model: SystemModel) -> [CrewReport]? {
        guard !model.crewQueues.isEmpty else { return nil }
        let year = model.calendar.yearHours
        return model.crewQueues.map { queue in
            let crew = model.crews.first { $0.name == queue.crew }
            var report = CrewReport(crew: queue.crew, size: queue.size, meanWaitHours: queue.meanWaitHours,
                                    failuresPerYear: queue.failuresPerHour * year, method: "exact", members: [])
            switch queue.method {
            case .exact(let states): report.states = states
            case .simulated(let hours, let seed):
                (report.method, report.simulatedHours, report.seed) = ("simulated", hours, seed)
                let units = queue.members.reduce(0) { $0 + (model.component(named: $1)?.crew?.stated?.replicas ?? 1) }
                report.warning = "\(crew.map { "\($0.location)" } ?? queue.crew): warning: crew '\(queue.crew)' "
                    + "(\(units) instances) is past the exact chain's limit of \(CrewChain.maximumUnits) instances or "
                    + "\(Format.count(CrewChain.maximumStates)) queue states, or too heavily loaded for its sparse solve to settle: "
                    + "its members' figures come from a simulation of "
                    + "\(Format.duration(hours: hours)) (seed \(seed))"
            }
            report.members = queue.members.enumerated().map { position, name in
                let stated = model.component(named: name)?.crew?.stated
                let alone = stated.map { KOutOfN.probability(k: $0.needs, n: $0.replicas, unit: $0.figures.probability).down }
                return CrewMemberReport(component: name, unavailability: queue.unavailability[position],
                                        ownRepairerUnavailability: alone ?? queue.unavailability[position],
                                        outagesPerYear: queue.frequency[position] * year)
            }
            return report
        }
    }
}

/// One member of a crew: its own unavailability with the crew, and with a repairer per instance.
package struct CrewMemberReport: Hashable, Sendable, Codable {
    public var component: String
    public var unavailability: Double
    public var ownRepairerUnavailability: Double
    public var outagesPerYear: Double
}
