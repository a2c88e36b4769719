@testable import NinesKit

/// An evaluator independent of the BDD engine: enumerates all 2^n up/down states of the n
/// components (component i up with the probability `OwnAvailability` gives its own replicas) and
/// evaluates the structure function by plain recursion over the dependency graph.
///
/// Exponential by design; for models of up to ~12 components.
struct BruteForce {
    /// Figures of one "all these up" structure (a component's closure, an objective, the system).
    struct Figure {
        var probability: Probability
        /// Unavailability with component i held down, and held up (by component index).
        var downWhenDown: [Double]
        var downWhenUp: [Double]
        /// Birnbaum importance per component index: Q(i down) − Q(i up).
        var birnbaum: [Double] { zip(downWhenDown, downWhenUp).map { $0 - $1 } }
        /// Outages per hour: Σ over up states of P(state) · Σ λ_i over the up components i whose
        /// single failure brings the figure down, with λ_i = w_i / p_i the component's own failure rate.
        /// nil when such a component (with q_i > 0) has no known rate.
        var frequency: Double?
    }

    let model: SystemModel
    let own: [Probability]
    let ownFrequency: [Double?]
    let index: [String: Int]

    init(_ model: SystemModel, treatingAsPerfect perfect: Set<String> = []) {
        self.model = model
        var own: [Probability] = []
        var ownFrequency: [Double?] = []
        for component in model.components {
            if perfect.contains(component.name) {
                own.append(.perfect)
                ownFrequency.append(0)
            } else {
                let figures = OwnAvailability(component)
                own.append(figures.probability)
                ownFrequency.append(figures.frequency)
            }
        }
        self.own = own
        self.ownFrequency = ownFrequency
        index = Dictionary(uniqueKeysWithValues: model.components.enumerated().map { ($1.name, $0) })
    }

    /// Is component `i` up together with everything it depends on, in `state` (bit i = own state)?
    func closureUp(_ i: Int, state: Int, memo: inout [Bool?]) -> Bool {
        if let known = memo[i] { return known }
        var up = state & (1 << i) != 0
        if up {
            for dependency in model.components[i].dependencies {
                switch dependency {
                case .component(let name, _):
                    up = closureUp(index[name]!, state: state, memo: &memo)
                case .group(let k, let members, _):
                    var working = 0
                    for member in members where closureUp(index[member]!, state: state, memo: &memo) { working += 1 }
                    up = working >= k
                }
                if !up { break }
            }
        }
        memo[i] = up
        return up
    }

    /// For every state, the set of components whose closure is up (bit i), computed once.
    private(set) lazy var closureTable: [Int] = {
        let n = model.components.count
        return (0..<(1 << n)).map { state in
            var memo = [Bool?](repeating: nil, count: n)
            var bits = 0
            for i in 0..<n where closureUp(i, state: state, memo: &memo) { bits |= 1 << i }
            return bits
        }
    }()

    /// The structure function of "all of `names` up" over every state, indexed by state.
    mutating func table(requiring names: [String]) -> [Bool] {
        let mask = names.reduce(0) { $0 | 1 << index[$1]! }
        return closureTable.map { $0 & mask == mask }
    }

    mutating func closure(of name: String) -> Figure { figure(table(requiring: [name])) }

    /// Every root (component nothing depends on) up.
    mutating func system() -> Figure { figure(table(requiring: model.roots.map(\.name))) }

    mutating func figure(requiring names: [String]) -> Figure { figure(table(requiring: names)) }

    /// Sums over the states of a structure table. Up and down are separate sums of non-negative
    /// terms, like the engine's, so both keep their precision.
    func figure(_ phi: [Bool]) -> Figure {
        let n = model.components.count
        var up = 0.0, down = 0.0
        var downGivenDown = [Double](repeating: 0, count: n)
        var downGivenUp = [Double](repeating: 0, count: n)
        var frequency = 0.0
        var missingRate = false
        var prefix = [Double](repeating: 1, count: n + 1)
        var others = [Double](repeating: 0, count: n)
        for state in 0..<phi.count {
            // others[i] = P(state of every component except i): prefix · suffix products.
            for i in 0..<n { prefix[i + 1] = prefix[i] * weight(i, state) }
            var suffix = 1.0
            for i in stride(from: n - 1, through: 0, by: -1) {
                others[i] = prefix[i] * suffix
                suffix *= weight(i, state)
            }
            let probability = prefix[n]
            if phi[state] { up += probability } else { down += probability }
            for i in 0..<n where !phi[state] {
                if state & (1 << i) != 0 { downGivenUp[i] += others[i] } else { downGivenDown[i] += others[i] }
            }
            guard phi[state], probability > 0 else { continue }
            for i in 0..<n where state & (1 << i) != 0 && !phi[state ^ (1 << i)] {
                guard let w = ownFrequency[i] else {
                    if own[i].down > 0 { missingRate = true }
                    continue
                }
                frequency += probability * w / own[i].up
            }
        }
        return Figure(probability: Probability(up: up, down: down), downWhenDown: downGivenDown, downWhenUp: downGivenUp,
                      frequency: missingRate ? nil : frequency)
    }

    private func weight(_ i: Int, _ state: Int) -> Double {
        state & (1 << i) != 0 ? own[i].up : own[i].down
    }
}
