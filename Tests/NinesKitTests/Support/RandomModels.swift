@testable import NinesKit

/// Random small models for differential tests: a DAG of 4–10 components where each component may
/// depend on any later one (so dependencies are shared), with plain dependencies, `any` and `k_of`
/// groups over non-identical members, replicas with `needs`, common cause, perfect glue components,
/// objectives at one component or along a path, and sometimes a bridge (not series-parallel).
///
/// Everything drawn here stays inside what the loader accepts (no member twice in one component's
/// dependencies, 1 ≤ needs ≤ replicas, 1 ≤ k ≤ group size), so the models are ones users can write.
enum RandomModels {
    static func make(_ rng: inout SplitMix64, index: Int) -> SystemModel {
        let count = rng.int(in: 4...10)
        let names = (0..<count).map { "c\($0)" }
        var dependencies = [[Dependency]](repeating: [], count: count)
        var figures = (0..<count).map { _ in randomFigures(&rng) }
        var firstFree = 0
        if count >= 8 && rng.chance(0.3) {
            // c0 = top (perfect) needs any of c1, c2; c1 = unit 4 behind (u1 or X), c2 = unit 5 behind (u2 or Y),
            // c3 = X (perfect) needs bridge unit c5 and u2 = c7, c4 = Y (perfect) needs c5 and u1 = c6.
            // Up when a path 6-1, 7-2, 7-5-1 or 6-5-2 works: the five-unit bridge (units c1, c2, c5, c6, c7).
            dependencies[0] = [TestModels.any(["c1", "c2"])]
            dependencies[1] = [TestModels.any(["c6", "c3"])]
            dependencies[2] = [TestModels.any(["c7", "c4"])]
            dependencies[3] = [TestModels.on("c5"), TestModels.on("c7")]
            dependencies[4] = [TestModels.on("c5"), TestModels.on("c6")]
            figures[0] = .availability(.perfect, mttr: nil)
            figures[3] = .availability(.perfect, mttr: nil)
            figures[4] = .availability(.perfect, mttr: nil)
            firstFree = 5
        }
        for index in firstFree..<(count - 1) {
            var used: Set<String> = []
            var list: [Dependency] = []
            for _ in 0..<rng.int(in: 0...3) {
                let candidates = names[(index + 1)...].filter { !used.contains($0) }
                if candidates.isEmpty { break }
                let shuffled = candidates.shuffled(using: &rng)
                switch rng.int(in: 0...2) {
                case 0:
                    list.append(TestModels.on(shuffled[0]))
                    used.insert(shuffled[0])
                default:
                    guard shuffled.count >= 2 else { continue }
                    let members = Array(shuffled.prefix(rng.int(in: 2...min(4, shuffled.count))))
                    let k = rng.chance(0.4) ? 1 : rng.int(in: 1...members.count)
                    list.append(TestModels.kOf(k, members))
                    used.formUnion(members)
                }
            }
            dependencies[index] = list
        }
        var components: [Component] = []
        for (index, name) in names.enumerated() {
            var replicas = 1, needs = 1, beta = 0.0
            if figures[index].probability.down > 0 && rng.chance(0.25) {
                replicas = rng.int(in: 2...3)
                needs = rng.int(in: 1...replicas)
                if rng.chance(0.5) { beta = rng.pick([0.02, 0.1, 0.3]) }
            }
            components.append(Component(name: name, layer: "software", figures: figures[index], replicas: replicas, needs: needs,
                                        commonCause: beta, dependencies: dependencies[index]))
        }
        var objectives: [Objective] = []
        for number in 0..<rng.int(in: 0...3) {
            let onPath = rng.chance(0.5)
            let members = Array(names.shuffled(using: &rng).prefix(onPath ? rng.int(in: 2...3) : 1))
            objectives.append(Objective(name: "o\(number)", measure: onPath ? .reliability : .availability, components: members))
        }
        return SystemModel(name: "random-\(index)", components: components, objectives: objectives)
    }

    /// A unit's figures: stated availabilities from coin-flip to five nines (with or without a repair
    /// time), MTBF + MTTR, failure rates, and now and then a perfect unit.
    static func randomFigures(_ rng: inout SplitMix64) -> UnitFigures {
        switch rng.int(in: 0...9) {
        case 0:
            return .availability(.perfect, mttr: nil)
        case 1...4:
            let q = rng.pick([0.5, 0.3, 0.1, 0.05, 0.01, 1e-3, 1e-5])
            return .availability(Probability(up: 1 - q, down: q), mttr: rng.chance(0.9) ? rng.pick([0.25, 2, 8]) : nil)
        case 5...7:
            return .mtbf(rng.pick([50, 400, 3000]), mttr: rng.pick([0.5, 4, 24]))
        default:
            return .rate(rng.pick([1e-3, 0.02, 0.1]), mttr: rng.pick([1, 6]))
        }
    }
}
