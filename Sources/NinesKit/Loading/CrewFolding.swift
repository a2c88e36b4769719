/// Solves each repair crew's queue once at load (CrewChain; past its limit CrewQueueSimulation)
/// and folds it into the figures the exact engine reads, as StandbyFolding does for standby
/// blocks: each member becomes one unit with its own mean unavailability and outage frequency
/// under the crew, its stated instances kept in `crew.stated` for the simulator. The crew's joint
/// distribution goes to `model.crewQueues`, for the figures that read two members or more
/// (CrewConditioning): their outages are not independent.
enum CrewFolding {
    static func apply(_ model: SystemModel) -> SystemModel {
        guard !model.crews.isEmpty, model.crewQueues.isEmpty else { return model }
        var result = model
        for crew in model.crews {
            let indices = model.components.indices.filter { model.components[$0].crew?.crew == crew.name }
            guard !indices.isEmpty else { continue }   // declared, repairs nothing
            let members = indices.map { index in
                let component = model.components[index]
                return CrewChain.Member(rate: component.figures.failureRate ?? 0, repairMean: component.figures.mttr ?? 1,
                                        replicas: component.replicas, needs: component.needs, rank: component.crew?.rank ?? .max)
            }
            let names = indices.map { model.components[$0].name }
            let chain = CrewChain(members: members, size: crew.size)
            let simulation = CrewQueueSimulation(chain: chain)
            let queue = chain.solve(crew: crew.name, names: names)
                ?? simulation.figures(crew: crew.name, names: names, hours: simulation.hours())
            for (position, index) in indices.enumerated() {
                let component = model.components[index]
                let q = queue.unavailability[position], f = queue.frequency[position]
                // Mean outage length q / f, so that the frequency the engine derives (q / r) is the crew's.
                let meanOutage = f > 0 && q > 0 ? q / f : component.figures.mttr ?? 1
                result.components[index].crew?.stated = Standby.Units(figures: component.figures, replicas: component.replicas,
                                                                      needs: component.needs)
                result.components[index].figures = .availability(Probability(unavailability: q), mttr: meanOutage)
                result.components[index].replicas = 1
                result.components[index].needs = 1
            }
            result.crewQueues.append(queue)
        }
        return result
    }
}
