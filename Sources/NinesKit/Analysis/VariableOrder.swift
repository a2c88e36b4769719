/// A variable order that fits the structure of a fault tree, the order SCRAM and XFTA start
/// from: a depth-first walk from the roots that visits a component's inputs before the
/// component (post-order), inputs that have inputs of their own before plain ones, and among
/// each, the most shared first (Rauzy's and Dutuit's depth-first heuristic, with the weight being
/// the number of parents). A sub-tree that shares nothing with the rest (a module) then owns a
/// contiguous run of levels, so its part of the diagram is as small as it is alone, and shared
/// events sit near the top, where the diagram branches on them once.
///
/// The default order (`ComponentOrder`: parents before their dependencies) suits stacks of
/// services over shared pools; this one is what `CompiledStructure` tries when a diagram outgrows
/// its budget in the default order (see `OrderedCompilation`).
enum VariableOrder {
    /// Largest model compiled a second time: beyond it a second compilation could cost seconds,
    /// and large models are stacks over pools, which the default order suits.
    static let retryComponents = 20_000
    /// Nodes one closure, objective or the system may add in the fault-tree order: a fault tree's
    /// top event is one closure holding the whole diagram, where a stack's closures are small. A
    /// group keeps the standard budget: a k_of group over thousands of members (HostileInputTests)
    /// would otherwise build a million nodes, minutes in a debug build.
    static let faultTreeNodes = 2_000_000
    /// Largest fault tree whose AND gates (`any` groups) may take as many nodes as a closure and that
    /// is compiled a third time with module variables when the fault-tree order is not enough: the
    /// largest Aralia tree this makes exact has 600 components; on nus9601 (3,082) both together
    /// cost 150 s of CPU instead of 24 s and still made no diagram (measured).
    static let moduleComponents = 2_000

    /// The fault-tree order and its budget for a model whose objectives or system did not all fit
    /// one diagram in `base` under `budget`, when it is a fault tree (every component with
    /// dependencies a perfect junction: stacks over pools keep their order and conditioning) small
    /// enough to compile again.
    static func retry(_ model: SystemModel, _ base: ComponentOrder, budget: CompilationBudget)
        -> (order: ComponentOrder, budget: CompilationBudget, gates: Set<Int>)? {
        guard base.names.count <= retryComponents, isFaultTree(model) else { return nil }
        let levels = faultTree(base)
        let gates = gates(model)
        guard levels.levelOf != base.levelOf || !gates.isEmpty else { return nil }
        var larger = budget
        larger.closureNodes = max(budget.closureNodes, faultTreeNodes)
        larger.objectiveNodes = max(budget.objectiveNodes, faultTreeNodes)
        larger.systemNodes = max(budget.systemNodes, faultTreeNodes)
        return (ComponentOrder(base, levelOf: levels.levelOf, componentAtLevel: levels.componentAtLevel), larger, gates)
    }

    /// The gates of a fault tree (by component index): components with inputs that are perfect in
    /// every view (no failure of their own, no failover or masking that could add one), so each is
    /// exactly the junction of its inputs and needs no variable of its own in the diagram.
    static func gates(_ model: SystemModel) -> Set<Int> {
        Set(model.components.indices.filter { index in
            let component = model.components[index]
            return !component.dependencies.isEmpty && component.figures.probability.down == 0 && component.failover == nil
                && component.maskedFor == nil && component.completionWindow == nil
        })
    }

    /// Every component with dependencies is a perfect junction (the gates of a fault tree).
    static func isFaultTree(_ model: SystemModel) -> Bool {
        model.components.allSatisfy { $0.dependencies.isEmpty || $0.figures.probability.down == 0 }
    }

    /// The levels of `base`'s components in the fault-tree order: `levelOf` by component index and
    /// `componentAtLevel` by level. With `mergingAndGates`, an AND gate's inputs are read as SCRAM
    /// reads them after coalescing (`Preprocessor::CoalesceGates`): an input that is an AND gate
    /// (an `any` group alone) read by nothing else is merged into it, so their inputs are ordered
    /// together, every gate among them before every event, and a merged gate's events sit with its
    /// parent's, below what the sub-gates test. On the Aralia set this shrank edfpa14b's diagram from
    /// 1.43 to 0.91 million nodes; merging OR gates too (SCRAM merges both) lost edf9202's diagram.
    static func faultTree(_ base: ComponentOrder, mergingAndGates: Bool = true) -> (levelOf: [Int32], componentAtLevel: [Int]) {
        let count = base.names.count
        let dependencies = base.dependencies
        var parents = [Int](repeating: 0, count: count)
        for member in dependencies.members { parents[member] += 1 }
        let hasInputs = (0..<count).map { !dependencies.dependencies(of: $0).isEmpty }
        /// Whether `component` needs any one of its inputs (an AND gate of failures).
        func isAndGate(_ component: Int) -> Bool {
            let requirements = dependencies.requirementStart[component]..<dependencies.requirementStart[component + 1]
            return requirements.count == 1 && dependencies.isGroup[requirements.lowerBound] && dependencies.needed[requirements.lowerBound] == 1
        }
        var visited = [Bool](repeating: false, count: count)
        // Each component's distinct inputs (merged ones' read through): those with inputs first, then
        // the most shared, then model order; and the gates merged into it.
        func inputs(_ component: Int) -> (inputs: [Int], merged: [Int]) {
            var found: [Int] = [], merged: [Int] = [], stack = [component]
            let merging = mergingAndGates && isAndGate(component)
            while let gate = stack.popLast() {
                for input in dependencies.dependencies(of: gate) {
                    if merging && parents[input] == 1 && !visited[input] && isAndGate(input) {
                        visited[input] = true
                        merged.append(input)
                        stack.append(input)
                    } else {
                        found.append(input)
                    }
                }
            }
            var seen = Set<Int>()
            let ordered = found.filter { seen.insert($0).inserted }.sorted { lhs, rhs in
                if hasInputs[lhs] != hasInputs[rhs] { return hasInputs[lhs] }
                if parents[lhs] != parents[rhs] { return parents[lhs] > parents[rhs] }
                return lhs < rhs
            }
            return (ordered, merged)
        }
        var componentAtLevel: [Int] = []
        componentAtLevel.reserveCapacity(count)
        let starts = (base.roots.isEmpty ? [] : base.roots) + Array(0..<count)
        for start in starts where !visited[start] {
            visited[start] = true
            let first = inputs(start)
            var stack: [(node: Int, inputs: [Int], merged: [Int], next: Int)] = [(start, first.inputs, first.merged, 0)]
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next < stack[top].inputs.count {
                    let child = stack[top].inputs[stack[top].next]
                    stack[top].next += 1
                    if !visited[child] {
                        visited[child] = true
                        let below = inputs(child)
                        stack.append((child, below.inputs, below.merged, 0))
                    }
                } else {
                    componentAtLevel.append(contentsOf: stack[top].merged)   // gates: never tested in this order
                    componentAtLevel.append(stack[top].node)
                    stack.removeLast()
                }
            }
        }
        var levelOf = [Int32](repeating: 0, count: count)
        for (level, component) in componentAtLevel.enumerated() { levelOf[component] = Int32(level) }
        return (levelOf, componentAtLevel)
    }
}

extension ComponentOrder {
    /// `base` with other levels (a permutation): the same components, dependencies and compilation
    /// order (dependencies before what needs them), another variable order.
    init(_ base: ComponentOrder, levelOf: [Int32], componentAtLevel: [Int]) {
        names = base.names
        indexOf = base.indexOf
        dependencies = base.dependencies
        roots = base.roots
        postOrder = base.postOrder
        self.levelOf = levelOf
        self.componentAtLevel = componentAtLevel
    }
}
