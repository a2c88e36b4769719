import Foundation

/// The events a component's failure is made of, for cut sets: an unreplicated component is one
/// event; a component of n replicas needing k fails when any n − k + 1 replicas fail (each replica
/// `name[i]` its own event) or by its beta-factor common cause (`name (common cause)`, one event).
///
/// An unreplicated component's event carries the figure of the view (failover and masking folded
/// in, as the BDD variable does); replica and common-cause events carry the replicas' own split
/// of the unit unavailability (odds (1 − β)·r and β·r, as `OwnAvailability`).
struct CutSetEvents {
    private let names: [String]
    private let replicas: [Int]
    private let failing: [Int]
    private let replicaDown: [Double]
    private let commonDown: [Double?]

    init(_ analysis: AvailabilityAnalysis) {
        let components = analysis.model.components
        names = components.map(\.name)
        replicas = components.map(\.replicas)
        failing = components.map { $0.replicas - $0.needs + 1 }
        var replicaDown: [Double] = [], commonDown: [Double?] = []
        for (index, component) in components.enumerated() {
            let unit = component.figures.probability
            let perfect = analysis.own[index].probability.down == 0
            let beta = component.replicas > 1 ? component.commonCause : 0
            let odds = unit.up > 0 ? unit.down / unit.up : .infinity
            replicaDown.append(perfect ? 0 : (beta > 0 ? Probability(odds: (1 - beta) * odds).down : unit.down))
            commonDown.append(beta > 0 ? (perfect ? 0 : Probability(odds: beta * odds).down) : nil)
        }
        self.replicaDown = replicaDown
        self.commonDown = commonDown
    }

    /// Events in the cheapest way component `index` fails: 1 with a common cause, else n − k + 1.
    func cheapestOrder(_ index: Int) -> Int {
        replicas[index] > 1 && commonDown[index] != nil ? 1 : (replicas[index] > 1 ? failing[index] : 1)
    }

    /// One way a component fails: a number of ways of the same order and probability.
    private struct Way {
        let order: Int
        let probability: Double
        let count: Double
        /// Every concrete choice of events (called only when listed).
        let events: () -> [[String]]
    }

    private func ways(_ index: Int, variables: [Probability], levelOf: [Int32]) -> [Way] {
        let name = names[index]
        guard replicas[index] > 1 else {
            return [Way(order: 1, probability: variables[Int(levelOf[index])].down, count: 1, events: { [[name]] })]
        }
        var result: [Way] = []
        if let common = commonDown[index] {
            result.append(Way(order: 1, probability: common, count: 1, events: { [["\(name) (common cause)"]] }))
        }
        let (n, m) = (replicas[index], failing[index])
        result.append(Way(order: m, probability: pow(replicaDown[index], Double(m)), count: KOutOfN.binomial(n, m), events: {
            Self.combinations(n, m).map { $0.map { "\(name)[\($0)]" } }
        }))
        return result
    }

    /// Every m-subset of 1...n, in lexicographic order.
    static func combinations(_ n: Int, _ m: Int) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(_ start: Int) {
            if current.count == m { result.append(current); return }
            guard start <= n - (m - current.count) + 1 else { return }
            for i in start...n {
                current.append(i)
                extend(i + 1)
                current.removeLast()
            }
        }
        extend(1)
        return result
    }

    struct Expanded {
        var sets: [ExpandedCutSet] = []
        var omitted = 0
        var omittedProbability = 0.0
        var beyondOrder = false
    }

    struct ExpandedCutSet {
        let events: [String]
        let components: [String]
        let order: Int
        let probability: Double
    }

    /// The event-level cut sets of component-level ones (component indices), within `maxOrder`,
    /// at most `limit` listed (the rest counted, with their probability sum).
    func expand(_ cuts: [[Int]], view: FigureView, maxOrder: Int, limit: Int, variables: [Probability], levelOf: [Int32]) -> Expanded {
        var result = Expanded()
        for cut in cuts {
            let components = cut.sorted()
            let options = components.map { ways($0, variables: variables, levelOf: levelOf) }
            var chosen: [Way] = []
            func choose(_ position: Int, order: Int) {
                guard position < options.count else {
                    let probability = chosen.reduce(1.0) { $0 * $1.probability }
                    let count = chosen.reduce(1.0) { $0 * $1.count }
                    guard Double(result.sets.count) + count <= Double(limit) else {
                        result.omitted += Int(min(count, Double(Int.max / 2)))
                        result.omittedProbability += count * probability
                        return
                    }
                    var combinations: [[String]] = [[]]
                    for way in chosen {
                        let choices = way.events()
                        combinations = combinations.flatMap { prefix in choices.map { prefix + $0 } }
                    }
                    let names = components.map { self.names[$0] }
                    for events in combinations {
                        result.sets.append(ExpandedCutSet(events: events, components: names, order: order, probability: probability))
                    }
                    return
                }
                for way in options[position] {
                    guard order + way.order <= maxOrder else { result.beyondOrder = true; continue }
                    chosen.append(way)
                    choose(position + 1, order: order + way.order)
                    chosen.removeLast()
                }
            }
            choose(0, order: 0)
        }
        return result
    }
}
