import Foundation

extension CompiledStructure {
    /// Certified bounds on "all of `targets` up" from the structure alone, for a figure no exact
    /// method reached, so that a sampled estimate can never fall below what the structure proves.
    /// Components are independent and the structure coherent, so:
    /// - every component every path needs (the targets, and what they need through plain
    ///   dependencies or groups that need all their members) takes the figure down alone:
    ///   Q ≥ 1 − Π p over them, at least the largest such unavailability;
    /// - the figure is up when every component it reaches is up: Q ≤ 1 − Π p over them, at most
    ///   the sum of their unavailabilities (the union bound).
    /// Both products are kept as Σ ln1p(−q), so neither end loses digits near 1.
    /// - Parameter figures: each component's variable figure (by component index).
    func structuralBounds(targets: [Int], figures: [Probability]) -> UnavailabilityInterval {
        var needed = [Bool](repeating: false, count: names.count)
        var reached = [Bool](repeating: false, count: names.count)
        var stack = targets
        for target in targets { needed[target] = true }
        while let component = stack.popLast() {
            guard !reached[component] else { continue }
            reached[component] = true
            for requirement in dependencies.requirementStart[component]..<dependencies.requirementStart[component + 1] {
                stack.append(contentsOf: dependencies.members[dependencies.memberStart[requirement]..<dependencies.memberStart[requirement + 1]])
            }
        }
        // What every path needs, walked from the targets down: every component's level is above
        // (smaller than) its dependencies', so a component is settled before its dependencies.
        // Levels are a permutation of the components: `componentAtLevel` is that order, unsorted.
        for index in componentAtLevel where needed[index] {
            for requirement in dependencies.requirementStart[index]..<dependencies.requirementStart[index + 1] {
                let members = dependencies.members[dependencies.memberStart[requirement]..<dependencies.memberStart[requirement + 1]]
                if dependencies.needed[requirement] >= members.count { for member in members { needed[member] = true } }
            }
        }
        var neededLog = 0.0, reachedLog = 0.0
        for index in names.indices where reached[index] {
            let term = figures[index].up <= 0 ? -Double.infinity : log1p(-figures[index].down)
            reachedLog += term
            if needed[index] { neededLog += term }
        }
        return UnavailabilityInterval(lower: Probability(up: exp(neededLog), down: -expm1(neededLog)),
                                      upper: Probability(up: exp(reachedLog), down: -expm1(reachedLog)))
    }
}
