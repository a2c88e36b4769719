/// Puts soft dependencies, fallbacks, hangs and bulkheads into the structure both engines read
/// (docs/patterns.md, "Soft dependencies and fallbacks", "Bulkheads"):
/// - a soft target (and a static fallback's) leaves the caller's `depends_on`: its outage only
///   degrades the caller; a fallback to a component stays as the `any` group the reader made;
/// - a component with `hangs: h` that a caller depends on softly without a bulkhead is split into
///   itself (the share 1 − h of its odds of being down) and a hidden `NAME#hang` (the share h) it
///   depends on, and each such caller depends on `NAME#hang` hard: a hang exhausts the caller;
/// - each objective learns what its strict (nothing degraded) view needs besides what it states,
///   and an objective with `degraded: counts-as-down` requires it.
struct SoftDependencyResolution {
    let diagnostics: DiagnosticCollector

    /// The suffix of the hidden component that stands for the hanging share of a component's outages.
    static let hangSuffix = "#hang"

    func apply(_ model: SystemModel) -> SystemModel? {
        guard model.components.contains(where: { !$0.softDependencies.isEmpty }) else { return model }
        var result = model
        var index: [String: Int] = [:]
        for (position, component) in model.components.enumerated() { index[component.name] = position }
        var exhausting: [String: [Int]] = [:]   // hanging target → callers without a bulkhead, in model order
        for position in result.components.indices {
            let caller = result.components[position]
            let leaving = Set(caller.softDependencies.filter { $0.fallbackComponent == nil }.map(\.targetLocation))
            result.components[position].dependencies.removeAll { dependency in
                if case .component(_, let location) = dependency { return leaving.contains(location) }
                return false
            }
            for soft in caller.softDependencies {
                if let target = index[soft.target] { result.components[target].usedSoftly = true }
            }
            for soft in caller.softDependencies where !(soft.bulkhead || caller.bulkhead) {
                guard let target = index[soft.target], model.components[target].hangs != nil,
                      !(exhausting[soft.target]?.contains(position) ?? false) else { continue }
                exhausting[soft.target, default: []].append(position)
            }
        }
        for (name, callers) in exhausting.sorted(by: { index[$0.key]! < index[$1.key]! }) {
            let position = index[name]!
            let target = result.components[position]
            let hang = target.hangs!
            let hangName = name + Self.hangSuffix
            var hidden = Component(name: hangName, layer: target.layer, figures: Self.share(hang, of: target.figures),
                                   responsibility: target.responsibility, maskedFor: target.maskedFor,
                                   description: "the share of \(name)'s outages that hang", location: target.hangsLocation ?? target.location)
            hidden.hangOf = name
            hidden.kind = target.kind
            result.components[position].figures = Self.share(1 - hang, of: target.figures)
            result.components[position].hangPart = hangName
            result.components[position].dependencies.append(.component(hangName, target.hangsLocation ?? target.location))
            for caller in callers {
                result.components[caller].dependencies.append(.component(hangName, target.hangsLocation ?? target.location))
            }
            result.components.append(hidden)
        }
        index = [:]
        for (position, component) in result.components.enumerated() { index[component.name] = position }
        let softAbove = Self.softInClosure(result, index: index)
        for position in result.objectives.indices {
            let objective = result.objectives[position]
            let (requires, exact) = Self.strictRequirements(of: objective.components, in: result, index: index, softAbove: softAbove)
            result.objectives[position].degradedRequires = requires
            result.objectives[position].degradedExact = exact
            guard objective.degraded == .countsAsDown else { continue }
            if !exact {
                diagnostics.error(objective.degradedLocation ?? objective.location, "objective '\(objective.name)' counts degraded time "
                                  + "as down, but a soft dependency or fallback lies under a redundancy group it needs; the strict view "
                                  + "is then no single set of components (leave 'degraded' at counts-as-up, or make the dependency hard)",
                                  length: 8)
                continue
            }
            result.objectives[position].statedCount = objective.components.count
            result.objectives[position].components += requires.filter { !objective.components.contains($0) }
        }
        return diagnostics.hasErrors ? nil : result
    }

    /// The unit with the share `part` of its odds of being down, at the same repair time: the
    /// hanging and the failing outages compete, each keeping its part of the failure rate.
    static func share(_ part: Double, of figures: UnitFigures) -> UnitFigures {
        let p = figures.probability
        return figures.withOdds(part * p.down / p.up)
    }

    /// Whether each component's closure (through groups too) holds a caller with a soft dependency.
    static func softInClosure(_ model: SystemModel, index: [String: Int]) -> [Bool] {
        var known = [Bool?](repeating: nil, count: model.components.count)
        func visit(_ position: Int) -> Bool {
            if let value = known[position] { return value }
            known[position] = false   // the loader refused cycles; this only stops a repeat
            let component = model.components[position]
            let value = !component.softDependencies.isEmpty
                || component.dependencyNames.contains { name in index[name].map(visit) ?? false }
            known[position] = value
            return value
        }
        return model.components.indices.map(visit)
    }

    /// The soft and breakers' targets the strict view of `stated` needs, found through plain
    /// dependencies and the soft ones themselves; not exact when a redundancy group (other than a
    /// fallback's) on the way holds a soft dependency.
    static func strictRequirements(of stated: [String], in model: SystemModel, index: [String: Int],
                                   softAbove: [Bool]) -> (requires: [String], exact: Bool) {
        var seen = Set<Int>()
        var requires: [String] = []
        var exact = true
        var stack = stated.compactMap { index[$0] }.reversed() as [Int]
        while let position = stack.popLast() {
            guard seen.insert(position).inserted else { continue }
            let component = model.components[position]
            let fallbackGroups = Set(component.softDependencies.filter { $0.fallbackComponent != nil }.map(\.location))
            for dependency in component.dependencies {
                switch dependency {
                case .component(let name, _):
                    if let next = index[name] { stack.append(next) }
                case .group(_, let members, let location):
                    if !fallbackGroups.contains(location), members.contains(where: { index[$0].map { softAbove[$0] } ?? false }) {
                        exact = false
                    }
                }
            }
            for soft in component.softDependencies {
                guard let next = index[soft.target] else { continue }
                if !requires.contains(soft.target) { requires.append(soft.target) }
                stack.append(next)
            }
        }
        return (requires, exact)
    }
}
