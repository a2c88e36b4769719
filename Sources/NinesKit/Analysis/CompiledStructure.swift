/// The model's structure function compiled once into a shared BDD: one variable per component
/// (its own replicas and common cause folded into that variable), and for every component, every
/// objective and the whole system a `StructureForm`: one diagram where it fits its
/// `CompilationBudget`, else a conjunction of diagrams (evaluated by conditioning on what they
/// share), else, for a redundancy group over such conjunctions, a form only sampling evaluates.
/// Nothing is refused: every valid model compiles.
package struct CompiledStructure {
    public let bdd: BDD
    /// Component names in model order; the index of a name is used everywhere below.
    public let names: [String]
    public let indexOf: [String: Int]
    /// BDD variable level of each component (by component index).
    public let levelOf: [Int32]
    /// Component index of each variable level.
    public let componentAtLevel: [Int]
    /// "Component i and its dependency closure are up" (by component index).
    public let closure: [StructureForm]
    /// Each objective (by objective index): all its components up.
    public let objectives: [StructureForm]
    /// The whole system: every root component up.
    public let system: StructureForm
    /// Components nothing depends on (by component index, model order): what the system needs.
    public let roots: [Int]
    /// Each component's layer (by component index), to label figures.
    public let layers: [String]
    /// Every component's dependencies by index.
    let dependencies: ResolvedDependencies
    public let budget: CompilationBudget
    /// Nodes the compilation made that `BDD.compact(keeping:)` then dropped: work estimates that
    /// decide whether a figure is computed at all (`MissionReliability`) count them as before, so
    /// dropping them changes no report (those estimates count one pass per evaluation, and a
    /// conditioned figure costs far more).
    let droppedNodes: Int

    /// Operation cache sizes (entries) while building the closures and while building the
    /// objectives and the system conjunction; see `BDD.operationCacheLimit`. Measured on generated
    /// platforms of 1,000 to 100,000 components: 2^16 and 2^17 were fastest.
    static let closureCacheEntries = 1 << 16
    static let conjunctionCacheEntries = 1 << 17

    /// Compiles `model` in `order` (computed here when not given; see `ComponentOrder`).
    /// With no `budget` given, an objective or the system of a fault tree that outgrows its diagram
    /// in `order` makes the model compile once more in the fault-tree order (`VariableOrder`), kept
    /// when it gives more of them one diagram. `gates` (by component index, see `VariableOrder.gates`)
    /// are left out of the diagram in the first compilation, and `modules` (gates, see
    /// `FaultTreeModules`) are built alone and stood for by one variable each.
    public init(_ model: SystemModel, order: ComponentOrder? = nil, budget given: CompilationBudget? = nil, gates: Set<Int> = [],
                modules: Set<Int> = []) {
        var chosen = order ?? ComponentOrder(model)
        var budget = given ?? .standard(for: model)
        CompilationCount.current?.increment()
        var parts = DeepStack.run { [chosen, budget] in Self.compile(model, order: chosen, budget: budget, gates: gates, modules: modules) }
        if given == nil, Self.diagrams(parts) <= model.objectives.count, let retry = VariableOrder.retry(model, chosen, budget: budget) {
            // Kept only when it gives more of them one diagram: stopped as soon as it no longer can.
            let toBeat = Self.diagrams(parts)
            let retried = DeepStack.run { Self.compile(model, order: retry.order, budget: retry.budget, gates: retry.gates, toBeat: toBeat) }
            if let retried, Self.diagrams(retried) > toBeat { (parts, chosen, budget) = (retried, retry.order, retry.budget) }
            // Still too large: build each module of the tree alone, stood for by one variable
            // (`FaultTreeModules`), kept only when every objective and the system become one diagram,
            // the one form whose evaluation reads module variables (`BDDModules.swift`).
            if Self.diagrams(parts) <= model.objectives.count && model.components.count <= VariableOrder.moduleComponents {
                let modules = FaultTreeModules.find(retry.order.dependencies, count: model.components.count, roots: retry.order.roots,
                                                    candidates: retry.gates)
                if !modules.isEmpty {
                    let modular = DeepStack.run {
                        Self.compile(model, order: retry.order, budget: retry.budget, gates: retry.gates, modules: modules)
                    }
                    if Self.diagrams(modular) > model.objectives.count { (parts, chosen, budget) = (modular, retry.order, retry.budget) }
                }
            }
        }
        let order = chosen
        roots = order.roots
        layers = model.components.map(\.layer)
        let built = parts.bdd.nodeCount
        (closure, objectives, system) = Self.compacted(parts)
        droppedNodes = built - parts.bdd.nodeCount
        bdd = parts.bdd
        names = order.names
        indexOf = order.indexOf
        levelOf = order.levelOf
        componentAtLevel = order.componentAtLevel
        dependencies = order.dependencies
        self.budget = budget
    }

    private typealias Parts = (bdd: BDD, closure: [StructureForm], objectives: [StructureForm], system: StructureForm)

    /// The forms of `parts` once its diagram keeps only what they reach (`BDD.compact(keeping:)`):
    /// a group, an objective or the system that outgrew its budget left nodes nothing reads (on a
    /// generated 100,000-component platform, most of the diagram).
    private static func compacted(_ parts: Parts) -> (closure: [StructureForm], objectives: [StructureForm], system: StructureForm) {
        var roots: [BDD.Ref] = []
        for form in parts.closure + parts.objectives + [parts.system] {
            switch form {
            case .diagram(let root): roots.append(root)
            case .conjunction(let diagrams, _, _): roots.append(contentsOf: diagrams)
            case .sampled: break
            }
        }
        let renumbered = parts.bdd.compact(keeping: roots)
        func moved(_ form: StructureForm) -> StructureForm {
            switch form {
            case .diagram(let root): return .diagram(renumbered[Int(root)])
            case .conjunction(let diagrams, let closures, let groups):
                return .conjunction(diagrams: diagrams.map { renumbered[Int($0)] }, closures: closures, groups: groups)
            case .sampled: return .sampled
            }
        }
        return (parts.closure.map(moved), parts.objectives.map(moved), moved(parts.system))
    }

    /// How many of the objectives and the system are one diagram.
    private static func diagrams(_ parts: Parts) -> Int {
        (parts.objectives + [parts.system]).filter { $0.diagram != nil }.count
    }

    /// Builds every closure, objective and the system (recursive: run on a deep stack). A component
    /// in `gates` (by index; a fault tree's perfect junctions, see `VariableOrder.gates`) is not
    /// tested in its closure: its variable is always up, and testing it would keep one diagram node
    /// per gate on every path through it. A gate in `modules` (a subset of `gates`, see
    /// `FaultTreeModules`) whose closure is one diagram is stood for, in what needs it, by its own
    /// variable reading that diagram (`BDD.standFor(module:level:)`).
    private static func compile(_ model: SystemModel, order: ComponentOrder, budget: CompilationBudget, gates: Set<Int>,
                                modules: Set<Int> = []) -> Parts {
        compile(model, order: order, budget: budget, gates: gates, modules: modules, toBeat: nil)!
    }

    /// As above; with `toBeat`, nil as soon as no more than `toBeat` of the objectives and the
    /// system can still be one diagram (`ReachableTargets`): a closure that is not one diagram
    /// makes every target that reaches it a conjunction, so the rest of the build would be thrown
    /// away. On nus9601 the fault-tree order's closures then stop at the first that outgrows its
    /// budget, instead of building up to the total budget first.
    private static func compile(_ model: SystemModel, order: ComponentOrder, budget: CompilationBudget, gates: Set<Int>,
                                modules: Set<Int> = [], toBeat: Int?) -> Parts? {
        var reachable = toBeat.map { _ in ReachableTargets(model, order: order) }
        let modules = modules.intersection(gates)   // only a gate's variable is free to stand for its module
        let bdd = BDD()
        // Each closure is a few small operations on its dependencies' recent diagrams: a cache that
        // fits the CPU caches is faster. The conjunctions below revisit old states.
        bdd.operationCacheLimit = closureCacheEntries
        // A module's variable is created after its diagram (never tested before: it is a gate).
        let variables = order.levelOf.indices.map { modules.contains($0) ? BDD.down : bdd.variable(order.levelOf[$0]) }
        var closure = [StructureForm](repeating: .sampled, count: model.components.count)
        var standing = [BDD.Ref](repeating: -1, count: model.components.count)   // module variables
        /// The diagram what needs `member` uses for it: its module variable, else its closure's.
        func diagram(_ member: Int) -> BDD.Ref? { standing[member] >= 0 ? standing[member] : closure[member].diagram }
        let dependencies = order.dependencies
        /// `build` under `limit` new nodes (and the total budget) and as many steps per node as the
        /// budget allows; nil when over.
        func limited(_ limit: Int, _ build: () -> BDD.Ref) -> BDD.Ref? {
            let room = min(limit, budget.totalNodes - bdd.nodeCount)
            guard room > 0 else { return nil }
            return bdd.withNodeLimit(room, steps: CompilationBudget.stepsPerNode * max(room, 1000), build)
        }
        // In a fault tree (gates given) an `any` group is an AND gate, as large as any closure: it is a
        // chain of disjunctions, linear in its members, unlike a k_of group of thousands (HostileInputTests).
        let anyGroupNodes = gates.isEmpty || model.components.count > VariableOrder.moduleComponents ? budget.groupNodes
            : max(budget.groupNodes, budget.closureNodes)
        var diagrams: [BDD.Ref] = [], group: [BDD.Ref] = [], conjunctions: [Int] = [], groups: [ClosureGroup] = []
        for index in order.postOrder {   // dependencies before the components that need them
            diagrams.removeAll(keepingCapacity: true)
            conjunctions.removeAll(keepingCapacity: true)
            groups.removeAll(keepingCapacity: true)
            if !gates.contains(index) { diagrams.append(variables[index]) }
            var sampled = false
            for requirement in dependencies.requirementStart[index]..<dependencies.requirementStart[index + 1] where !sampled {
                let members = dependencies.members[dependencies.memberStart[requirement]..<dependencies.memberStart[requirement + 1]]
                let k = dependencies.needed[requirement]
                if dependencies.isGroup[requirement] {
                    group.removeAll(keepingCapacity: true)
                    for member in members {
                        guard let root = diagram(member) else { break }
                        group.append(root)
                    }
                    if group.count < members.count {
                        // A member held as a conjunction: the group is a term conditioning
                        // evaluates (at any depth), unless a member is sampled.
                        if members.contains(where: { closure[$0] == .sampled }) { sampled = true; break }
                        groups.append(ClosureGroup(k: k, members: Array(members)))
                        continue
                    }
                    guard let root = limited(k == 1 ? anyGroupNodes : budget.groupNodes, { bdd.atLeast(k, of: group) }) else { sampled = true; break }
                    diagrams.append(root)
                } else {
                    let member = members[members.startIndex]
                    switch closure[member] {
                    case .diagram: diagrams.append(diagram(member)!)
                    case .conjunction: conjunctions.append(member)
                    case .sampled: sampled = true
                    }
                }
            }
            closure[index] = sampled ? .sampled
                : conjunction(diagrams, conjunctions, groups, limit: budget.closureNodes, bdd: bdd, limited)
            if let toBeat, closure[index].diagram == nil, reachable!.lose(index) <= toBeat { return nil }
            if modules.contains(index), let root = closure[index].diagram, root > BDD.up {
                standing[index] = bdd.standFor(module: root, level: order.levelOf[index])
            }
        }
        bdd.operationCacheLimit = conjunctionCacheEntries
        let objectives = model.objectives.map { objective in
            all(objective.components.compactMap { order.indexOf[$0] }, closure, limit: budget.objectiveNodes, bdd: bdd, limited)
        }
        let system = all(order.roots, closure, limit: budget.systemNodes, bdd: bdd, limited)
        return (bdd, closure, objectives, system)
    }

    /// "All of these components (with what they need) up" from their closures' forms.
    private static func all(_ components: [Int], _ closure: [StructureForm], limit: Int, bdd: BDD,
                            _ limited: (Int, () -> BDD.Ref) -> BDD.Ref?) -> StructureForm {
        var diagrams: [BDD.Ref] = [], conjunctions: [Int] = []
        for component in components {
            switch closure[component] {
            case .diagram(let root): diagrams.append(root)
            case .conjunction: conjunctions.append(component)
            case .sampled: return .sampled
            }
        }
        return conjunction(diagrams, conjunctions, [], limit: limit, bdd: bdd, limited)
    }

    /// One diagram for the conjunction when it fits `limit` and no part is a conjunction or a group
    /// of them already; else the conjunction of the parts.
    private static func conjunction(_ diagrams: [BDD.Ref], _ conjunctions: [Int], _ groups: [ClosureGroup], limit: Int, bdd: BDD,
                                    _ limited: (Int, () -> BDD.Ref) -> BDD.Ref?) -> StructureForm {
        let plain = conjunctions.isEmpty && groups.isEmpty
        if plain && diagrams.count == 1 { return .diagram(diagrams[0]) }   // nothing to build
        if plain, let root = limited(limit, { bdd.and(diagrams) }) { return .diagram(root) }
        return .conjunction(diagrams: diagrams, closures: conjunctions, groups: groups)
    }

    /// What conditioning evaluates for `form`: the diagrams that must all hold (a conjunction's
    /// nested closures expanded, each diagram once) and its groups (each member's own terms, at any
    /// depth). A diagram form is its own one factor; a sampled one has none.
    public func terms(of form: StructureForm) -> ConjunctionTerms {
        switch form {
        case .diagram(let root): return ConjunctionTerms(factors: [root], groups: [])
        case .sampled: return ConjunctionTerms(factors: [], groups: [])
        case .conjunction(let diagrams, let closures, let groups):
            var terms = expanded(diagrams, closures)
            var allGroups = groups
            var seenComponents = Set<Int>()
            var stack = closures
            while let component = stack.popLast() {   // the nested closures' groups hold too
                guard seenComponents.insert(component).inserted, case .conjunction(_, let nested, let inner) = closure[component] else { continue }
                allGroups.append(contentsOf: inner)
                stack.append(contentsOf: nested)
            }
            var seenGroups = Set<ClosureGroup>()
            for group in allGroups where seenGroups.insert(group).inserted {
                let members = group.members.map { member -> ConjunctionTerms in
                    switch closure[member] {
                    case .diagram(let root): return ConjunctionTerms(factors: [root], groups: [])
                    case .conjunction: return self.terms(of: closure[member])
                    case .sampled: return ConjunctionTerms(factors: [], groups: [])   // never: such a group makes its component sampled
                    }
                }
                terms.groups.append(ConjunctionTerms.Group(k: group.k, members: members))
            }
            return terms
        }
    }

    /// `diagrams` and the diagrams of the closures `closures` (conjunctions, nested ones expanded),
    /// each once.
    private func expanded(_ diagrams: [BDD.Ref], _ closures: [Int]) -> ConjunctionTerms {
        var result: [BDD.Ref] = []
        var seenRoots = Set<BDD.Ref>()
        var seenComponents = Set<Int>()
        var stack = closures
        for root in diagrams where seenRoots.insert(root).inserted { result.append(root) }
        while let component = stack.popLast() {
            guard seenComponents.insert(component).inserted,
                  case .conjunction(let inner, let nested, _) = closure[component] else { continue }
            for root in inner where seenRoots.insert(root).inserted { result.append(root) }
            stack.append(contentsOf: nested)
        }
        return ConjunctionTerms(factors: result, groups: [])
    }

    /// Components (by index, ascending) whose failure alone, everything else up, takes one of
    /// `targets` down: the structure function evaluated once per component of the targets' closure.
    func singleFailures(targets: [Int]) -> [Int] {
        var inClosure = [Bool](repeating: false, count: names.count)
        var stack = targets
        while let component = stack.popLast() {
            guard !inClosure[component] else { continue }
            inClosure[component] = true
            stack.append(contentsOf: dependencies.dependencies(of: component))
        }
        // Dependencies before what needs them: deepest level first.
        let order = names.indices.filter { inClosure[$0] }.sorted { levelOf[$0] > levelOf[$1] }
        var up = [Bool](repeating: true, count: names.count)
        return order.filter { failed in
            for component in order {
                up[component] = component != failed && (dependencies.requirementStart[component]..<dependencies.requirementStart[component + 1]).allSatisfy { requirement in
                    let members = dependencies.members[dependencies.memberStart[requirement]..<dependencies.memberStart[requirement + 1]]
                    return members.filter { up[$0] }.count >= dependencies.needed[requirement]
                }
            }
            return !targets.allSatisfy { up[$0] }
        }.sorted()
    }
}
