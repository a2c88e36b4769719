/// The variable order `CompiledStructure` compiles a model with: parents before their
/// dependencies (reverse post-order of a depth-first walk from the roots), so adding a component on
/// top of its dependencies costs one node and shared dependencies end up below everything that uses
/// them. Computed without any diagram, so work that needs only the order (the system's Monte Carlo
/// estimate) can start before compilation does.
package struct ComponentOrder: Sendable {
    /// Component names in model order; the index of a name is used everywhere below.
    public let names: [String]
    public let indexOf: [String: Int]
    /// Every component's dependencies by index.
    public let dependencies: ResolvedDependencies
    /// Components nothing depends on (by component index, model order): what the system needs.
    public let roots: [Int]
    /// BDD variable level of each component (by component index).
    public let levelOf: [Int32]
    /// Component index of each variable level.
    public let componentAtLevel: [Int]
    /// Components in depth-first post-order: dependencies before what needs them.
    let postOrder: [Int]

    public init(_ model: SystemModel) {
        let names = model.components.map(\.name)
        var indexOf: [String: Int] = [:]
        indexOf.reserveCapacity(names.count)
        for (index, name) in names.enumerated() { indexOf[name] = index }
        let dependencies = ResolvedDependencies(model, indexOf: indexOf)
        var needed = [Bool](repeating: false, count: names.count)
        for member in dependencies.members { needed[member] = true }
        // As `model.roots`, without hashing every name again: a cache or a soft dependency nothing
        // lists is no root, nor is what a write-ahead door forwards to. (By index: a loop over the
        // components copies each one and retains its every field.)
        for index in model.components.indices {
            guard let downstream = model.components[index].writeAhead?.downstream else { continue }
            for name in downstream { if let target = indexOf[name] { needed[target] = true } }
        }
        let roots = names.indices.filter { !needed[$0] && model.components[$0].cache == nil && !model.components[$0].usedSoftly }
        let postOrder = Self.postOrder(children: dependencies.dependencies(of:), roots: roots.isEmpty ? Array(names.indices) : roots,
                                       count: names.count)

        var levelOf = [Int32](repeating: 0, count: names.count)
        var componentAtLevel = [Int](repeating: 0, count: names.count)
        for (position, component) in postOrder.reversed().enumerated() {
            levelOf[component] = Int32(position)
            componentAtLevel[position] = component
        }
        (self.names, self.indexOf, self.dependencies, self.roots, self.postOrder) = (names, indexOf, dependencies, roots, postOrder)
        (self.levelOf, self.componentAtLevel) = (levelOf, componentAtLevel)
    }

    /// Iterative depth-first post-order over the dependency graph (no recursion: chains may be long).
    static func postOrder(children: (Int) -> ArraySlice<Int>, roots: [Int], count: Int) -> [Int] {
        var visited = [Bool](repeating: false, count: count)
        var order: [Int] = []
        order.reserveCapacity(count)
        let starts = roots + Array(0..<count)   // unreachable components (only in cycles, rejected earlier) still get a level
        for start in starts where !visited[start] {
            visited[start] = true
            var stack: [(node: Int, next: Int)] = [(start, children(start).startIndex)]
            while !stack.isEmpty {
                let (node, next) = stack[stack.count - 1]
                let below = children(node)
                if next < below.endIndex {
                    stack[stack.count - 1].next += 1
                    let child = below[next]
                    if !visited[child] {
                        visited[child] = true
                        stack.append((child, children(child).startIndex))
                    }
                } else {
                    order.append(node)
                    stack.removeLast()
                }
            }
        }
        return order
    }
}
