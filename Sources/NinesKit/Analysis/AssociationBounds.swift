import Foundation

extension CompiledFigures {
    /// Certified bounds on "some of `targets` down" (Q), bottom-up over the structure, for a figure
    /// no exact method reached (a fault tree whose top event would not compile). Each component's
    /// outage is an event increasing in the independent components' failures, so any two are
    /// positively correlated (Harris–FKG inequality, as in the Esary–Proschan bounds:
    /// J. D. Esary, F. Proschan, "Coherent structures of non-identical components",
    /// Technometrics 5, 1963). Hence, for events E_i with bounds L_i ≤ P(E_i) ≤ U_i:
    /// - any of them: at most 1 − Π(1 − U_i); at least the largest L_i;
    /// - all of them: at least Π L_i; at most the smallest U_i;
    /// - at least j of n: at least the product of the j largest L_i, at most 1 − Π(1 − U_i) over the
    ///   n − j + 1 smallest U_i (any n − j + 1 of them hold a failed one);
    /// and events over disjoint sets of components are independent, so there both ends follow the
    /// exact independent formulas. A component with a diagram has its exact figure.
    /// Nil when the targets reach more than `associationComponents` components (the sets kept to tell
    /// disjoint events apart grow as the square of that).
    func associationBounds(targets: [Int], view: FigureView) -> UnavailabilityInterval? {
        let dependencies = structure.dependencies
        let nodes = view == .callers ? callerNodes : pathNodes
        guard let reached = structure.reached(from: targets, atMost: Self.associationComponents) else { return nil }
        var position = [Int](repeating: -1, count: structure.names.count)
        for (index, component) in reached.enumerated() { position[component] = index }
        var support = ComponentSets(count: reached.count)
        var lower = [Double](repeating: 0, count: reached.count), upper = lower
        for (index, component) in reached.enumerated() {
            support.insert(index, into: index)
            for member in dependencies.dependencies(of: component) { support.formUnion(index, with: position[member]) }
            if let root = structure.closure[component].diagram {
                (lower[index], upper[index]) = (nodes[root].down, nodes[root].down)
                continue
            }
            var events: [(lower: Double, upper: Double)] = []
            var eventSets: [[Int]] = []
            for requirement in dependencies.requirementStart[component]..<dependencies.requirementStart[component + 1] {
                let members = dependencies.members[dependencies.memberStart[requirement]..<dependencies.memberStart[requirement + 1]].map { position[$0] }
                events.append(Self.atLeast(members.count - dependencies.needed[requirement] + 1, down: members.map { (lower[$0], upper[$0]) },
                                           independent: support.disjoint(members)))
                eventSets.append(members)
            }
            // The component's own failure shares nothing with what it needs.
            let own = ownFigures(component, view).probability.down
            let needs = Self.any(events, independent: support.disjoint(groups: eventSets))
            (lower[index], upper[index]) = Self.any([(own, own), needs], independent: true)
        }
        let top = targets.map { position[$0] }
        let figure = Self.any(top.map { (lower[$0], upper[$0]) }, independent: support.disjoint(top))
        return UnavailabilityInterval(lower: Probability(unavailability: figure.lower), upper: Probability(unavailability: figure.upper))
    }

    /// Past this many components reached, no association bounds (the sets take 1/8 of its square
    /// in bytes: 8 MB at 8,192).
    static let associationComponents = 8192

    /// Bounds on "any of `events`"; see `associationBounds`.
    static func any(_ events: [(lower: Double, upper: Double)], independent: Bool) -> (lower: Double, upper: Double) {
        let upper = -expm1(events.reduce(0.0) { $0 + log1p(-$1.upper) })
        let lower = independent ? -expm1(events.reduce(0.0) { $0 + log1p(-$1.lower) }) : events.map(\.lower).max() ?? 0
        return (min(lower, upper), upper)
    }

    /// Bounds on "at least `j` of `down` events"; see `associationBounds`.
    static func atLeast(_ j: Int, down: [(lower: Double, upper: Double)], independent: Bool) -> (lower: Double, upper: Double) {
        guard j > 0 else { return (1, 1) }
        guard j <= down.count else { return (0, 0) }
        if independent {   // at least n − j + 1 up, Poisson-binomial at each end
            let needed = down.count - j + 1
            let lower = AtLeastKOfIndependent(needed, of: down.map { Probability(unavailability: $0.lower) }).figure.down
            let upper = AtLeastKOfIndependent(needed, of: down.map { Probability(unavailability: $0.upper) }).figure.down
            return (min(lower, upper), upper)
        }
        let lower = down.map(\.lower).sorted(by: >).prefix(j).reduce(1, *)
        let upper = -expm1(down.map(\.upper).sorted().prefix(down.count - j + 1).reduce(0.0) { $0 + log1p(-$1) })
        return (min(lower, upper), upper)
    }
}

extension CompiledStructure {
    /// The components `targets` reach (themselves included), each after everything it needs (a
    /// component's level is above, smaller than, its dependencies').
    /// Nil once more than `limit` are reached (the walk stops there, and nothing is sorted: the
    /// whole system of a 100,000-component model asks, to be told it is too large).
    func reached(from targets: [Int], atMost limit: Int) -> [Int]? {
        var seen = [Bool](repeating: false, count: names.count)
        var reached: [Int] = []
        var stack = targets
        while let component = stack.popLast() {
            guard !seen[component] else { continue }
            seen[component] = true
            reached.append(component)
            if reached.count > limit { return nil }
            stack.append(contentsOf: dependencies.dependencies(of: component))
        }
        return reached.sorted { levelOf[$0] > levelOf[$1] }
    }
}

/// For each of `count` positions, the set of positions below it (bit sets), to tell whether
/// events share a component.
struct ComponentSets {
    let words: Int
    var bits: [UInt64]

    init(count: Int) {
        words = (count + 63) / 64
        bits = [UInt64](repeating: 0, count: words * count)
    }

    mutating func insert(_ element: Int, into set: Int) { bits[set * words + element / 64] |= 1 << UInt64(element % 64) }

    mutating func formUnion(_ set: Int, with other: Int) {
        for word in 0..<words { bits[set * words + word] |= bits[other * words + word] }
    }

    /// Whether no two of `sets` share an element.
    func disjoint(_ sets: [Int]) -> Bool { disjoint(groups: sets.map { [$0] }) }

    /// Whether no two groups share an element (a group: the union of its sets).
    func disjoint(groups: [[Int]]) -> Bool {
        guard groups.count > 1 else { return true }
        var seen = [UInt64](repeating: 0, count: words)
        for group in groups {
            var union = [UInt64](repeating: 0, count: words)
            for set in group { for word in 0..<words { union[word] |= bits[set * words + word] } }
            for word in 0..<words {
                if seen[word] & union[word] != 0 { return false }
                seen[word] |= union[word]
            }
        }
        return true
    }
}
