import Foundation

/// Availability of "all of `targets` up" (each with everything it depends on), computed without
/// any of nines' analysis code. Up and down probabilities are summed separately, as nines does.
struct UpDown {
    var up: Double
    var down: Double
}

/// Dependencies first: a post-order of the components reachable from `targets`.
func dependencyOrder(_ model: GeneratedModel, from targets: [Int]) -> [Int] {
    var visited = Set<Int>(), order: [Int] = []
    func visit(_ index: Int) {
        guard visited.insert(index).inserted else { return }
        model.units[index].dependencyIndices.forEach(visit)
        order.append(index)
    }
    targets.forEach(visit)
    return order
}

/// Brute force over every elementary event: each replica of each component is a variable, plus
/// one common-cause event per component with β > 0 and more than one replica (beta-factor model:
/// in odds form a replica's failure odds r split into (1 − β)·r independent and β·r common).
/// Perfect components (availability 1) have no variable. Feasible up to about 20 variables.
enum BruteForceEvaluator {
    struct Variable {
        var unit: Int
        var down: Double
        var isCommonCause: Bool
    }

    static func variables(_ model: GeneratedModel, reachableFrom targets: [Int]) -> [Variable] {
        var variables: [Variable] = []
        for index in dependencyOrder(model, from: targets) {
            let unit = model.units[index]
            guard !unit.isPerfect else { continue }
            let odds = (1 - unit.availability) / unit.availability
            if unit.replicas > 1 && unit.beta > 0 {
                let independent = (1 - unit.beta) * odds, common = unit.beta * odds
                variables.append(Variable(unit: index, down: common / (1 + common), isCommonCause: true))
                for _ in 0..<unit.replicas {
                    variables.append(Variable(unit: index, down: independent / (1 + independent), isCommonCause: false))
                }
            } else {
                for _ in 0..<unit.replicas { variables.append(Variable(unit: index, down: 1 - unit.availability, isCommonCause: false)) }
            }
        }
        return variables
    }

    static func evaluate(_ model: GeneratedModel, targets: [Int]) -> UpDown {
        let variables = variables(model, reachableFrom: targets)
        precondition(variables.count <= 22, "too many variables for brute force")
        let order = dependencyOrder(model, from: targets)
        var result = UpDown(up: 0, down: 0)
        var replicasUp = [Int](repeating: 0, count: model.units.count)
        var commonDown = [Bool](repeating: false, count: model.units.count)
        var isUp = [Bool](repeating: false, count: model.units.count)
        for state in 0..<(1 << variables.count) {
            var weight = 1.0
            for index in order { replicasUp[index] = 0; commonDown[index] = false }
            for (bit, variable) in variables.enumerated() {
                let down = state & (1 << bit) != 0
                weight *= down ? variable.down : 1 - variable.down
                if variable.isCommonCause { commonDown[variable.unit] = down } else if !down { replicasUp[variable.unit] += 1 }
            }
            for index in order {
                let unit = model.units[index]
                var up = unit.isPerfect || (!commonDown[index] && replicasUp[index] >= unit.needs)
                for dependency in unit.dependencies where up {
                    switch dependency {
                    case .one(let other): up = isUp[other]
                    case .atLeast(let k, let members): up = members.filter { isUp[$0] }.count >= k
                    }
                }
                isUp[index] = up
            }
            if targets.allSatisfy({ isUp[$0] }) { result.up += weight } else { result.down += weight }
        }
        return result
    }
}

/// Factoring on shared components: a component referenced more than once (by dependencies, or
/// as a target and a dependency) is "shared". Conditioned on the up/down state of every shared
/// component's closure, the rest falls apart into disjoint trees of independent components,
/// evaluated bottom-up (k-of-n groups by a Poisson-binomial recursion). The states of shared
/// closures are assigned dependencies first, each with its conditional probability (chain rule).
/// Cost 2^shared · size; independent of brute force and of nines' BDD.
enum FactoringEvaluator {
    static func evaluate(_ model: GeneratedModel, targets: [Int]) -> UpDown {
        let order = dependencyOrder(model, from: targets)
        var references = [Int](repeating: 0, count: model.units.count)
        for index in order { for other in model.units[index].dependencyIndices { references[other] += 1 } }
        for target in targets { references[target] += 1 }
        let shared = order.filter { references[$0] > 1 }   // dependencies first
        let own = model.units.map(ownAvailability)
        var fixed = [Bool?](repeating: nil, count: model.units.count)

        /// P(closure of `index` up), with shared components below it fixed; `index` itself is expanded.
        func tree(_ index: Int) -> UpDown {
            var value = own[index]
            for dependency in model.units[index].dependencies {
                let part: UpDown
                switch dependency {
                case .one(let other): part = node(other)
                case .atLeast(let k, let members): part = atLeast(k, of: members.map(node))
                }
                value = and(value, part)
            }
            return value
        }
        func node(_ index: Int) -> UpDown {
            if let state = fixed[index] { return state ? UpDown(up: 1, down: 0) : UpDown(up: 0, down: 1) }
            return tree(index)
        }

        var total = UpDown(up: 0, down: 0)
        func assign(_ position: Int, weight: Double) {
            guard weight > 0 else { return }
            if position == shared.count {
                let value = targets.reduce(UpDown(up: 1, down: 0)) { and($0, node($1)) }
                total.up += weight * value.up
                total.down += weight * value.down
                return
            }
            let index = shared[position]
            let closure = tree(index)
            fixed[index] = true
            assign(position + 1, weight: weight * closure.up)
            fixed[index] = false
            assign(position + 1, weight: weight * closure.down)
            fixed[index] = nil
        }
        assign(0, weight: 1)
        return total
    }

    static func and(_ a: UpDown, _ b: UpDown) -> UpDown {
        UpDown(up: a.up * b.up, down: a.down + b.down - a.down * b.down)
    }

    /// P(at least k of independent parts up), by the number of parts up (Poisson binomial).
    static func atLeast(_ k: Int, of parts: [UpDown]) -> UpDown {
        var distribution = [1.0]   // distribution[j] = P(exactly j up among the parts so far)
        for part in parts {
            var next = [Double](repeating: 0, count: distribution.count + 1)
            for (j, p) in distribution.enumerated() {
                next[j] += p * part.down
                next[j + 1] += p * part.up
            }
            distribution = next
        }
        return UpDown(up: distribution[k...].reduce(0, +), down: distribution[..<k].reduce(0, +))
    }

    /// A component's own k-of-n replicas with beta-factor common cause, in closed form.
    static func ownAvailability(_ unit: GeneratedModel.Unit) -> UpDown {
        if unit.isPerfect { return UpDown(up: 1, down: 0) }
        let odds = (1 - unit.availability) / unit.availability
        let useBeta = unit.replicas > 1 && unit.beta > 0
        let independentOdds = useBeta ? (1 - unit.beta) * odds : odds
        let replica = UpDown(up: 1 / (1 + independentOdds), down: independentOdds / (1 + independentOdds))
        let group = atLeast(unit.needs, of: Array(repeating: replica, count: unit.replicas))
        guard useBeta else { return unit.replicas == 1 ? UpDown(up: unit.availability, down: 1 - unit.availability) : group }
        let common = unit.beta * odds
        return and(UpDown(up: 1 / (1 + common), down: common / (1 + common)), group)
    }
}
