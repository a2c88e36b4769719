/// The components a set of components needs, directly or through other components.
package enum DependencyClosure {
    /// `start` and everything it depends on (plain and group dependencies), in model order.
    /// `index` maps names to positions in `model.components` (pass it when calling repeatedly).
    public static func of(_ start: [String], in model: SystemModel, index: [String: Int]? = nil) -> [String] {
        positions(start, in: model, index: index ?? Self.index(model)).map { model.components[$0].name }
    }

    /// The same closure as positions in `model.components`, ascending: for callers that go on to
    /// the components, so no name is looked up again.
    static func positions(_ start: [String], in model: SystemModel, index: [String: Int]) -> [Int] {
        // Costs the closure's size, not the model's: objectives on a 100,000-component model ask often.
        var seen = Set<Int>()
        var stack = start.compactMap { index[$0] }
        while let position = stack.popLast() {
            guard seen.insert(position).inserted else { continue }
            stack.append(contentsOf: model.components[position].dependencyNames.compactMap { index[$0] })
        }
        return seen.sorted()
    }

    /// The same closure through the dependencies resolved once (`CompiledStructure.dependencies`,
    /// positions as in `model.components`): no dependency's name is hashed, which at 100,000
    /// components was most of the SLA prediction.
    /// Marked by position, not hashed into a set: the closure of the 100,000-component pool's
    /// objective (the whole model) was 100,000 inserts and a sort.
    static func positions(_ start: [String], index: [String: Int], dependencies: ResolvedDependencies) -> [Int] {
        var seen = [Bool](repeating: false, count: dependencies.requirementStart.count - 1)
        var found: [Int] = []
        var stack = start.compactMap { index[$0] }
        while let position = stack.popLast() {
            guard !seen[position] else { continue }
            seen[position] = true
            found.append(position)
            stack.append(contentsOf: dependencies.dependencies(of: position))
        }
        // Ascending: a large closure read off the marks, a small one sorted.
        return found.count > seen.count / 8 ? seen.indices.filter { seen[$0] } : found.sorted()
    }

    /// Position of each component name in `model.components`.
    public static func index(_ model: SystemModel) -> [String: Int] {
        Dictionary(model.components.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
