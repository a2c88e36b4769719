/// The structure function as the simulator needs it: a BDD over two kinds of variables, each
/// component's own state and, for a component with `masked_for`, the state its callers see.
///
/// Reuses the variable order of `CompiledStructure` (own state of component c at level 2·level(c),
/// its masked view at 2·level(c)+1). Availability objectives see masked dependencies through the
/// masked view; reliability objectives (end-to-end flows) and the masks' own inputs see plain or
/// masked closures as documented in docs/simulation.md.
struct SimulationStructure {
    let bdd: BDD
    /// Own-state variable of each component.
    let ownVariable: [Int32]
    /// Masked-view variable of each component (meaningful only for masked ones).
    let maskVariable: [Int32]
    /// For each masked component (in model order): the diagram of "it and what it needs are up", as
    /// it sees its own dependencies (through their masks).
    let maskedComponents: [Int]
    let maskInputs: [BDD.Ref]
    /// One diagram per objective.
    let objectives: [BDD.Ref]
    let variableCount: Int

    init(_ model: SystemModel, compiled: CompiledStructure) {
        let count = model.components.count
        ownVariable = compiled.levelOf.map { 2 * $0 }
        maskVariable = compiled.levelOf.map { 2 * $0 + 1 }
        variableCount = 2 * count
        let bdd = BDD()
        let masked = model.components.map { $0.maskedFor != nil }
        let children: [[Int]] = model.components.map { $0.dependencyNames.compactMap { compiled.indexOf[$0] } }
        let roots = model.roots.compactMap { compiled.indexOf[$0.name] }
        let order = ComponentOrder.postOrder(children: { children[$0][...] }, roots: roots.isEmpty ? Array(0..<count) : roots, count: count)
        var plain = [BDD.Ref](repeating: BDD.down, count: count)
        var seen = [BDD.Ref](repeating: BDD.down, count: count)    // closure as callers see it
        var own = [BDD.Ref](repeating: BDD.down, count: count)     // closure with deps seen through masks
        for index in order {
            var plainParts: [BDD.Ref] = [], seenParts: [BDD.Ref] = []
            for dependency in model.components[index].dependencies {
                switch dependency {
                case .component(let name, _):
                    guard let d = compiled.indexOf[name] else { continue }
                    plainParts.append(plain[d]); seenParts.append(seen[d])
                case .group(let k, let members, _):
                    let ids = members.compactMap { compiled.indexOf[$0] }
                    plainParts.append(bdd.atLeast(k, of: ids.map { plain[$0] }))
                    seenParts.append(bdd.atLeast(k, of: ids.map { seen[$0] }))
                }
            }
            let variable = bdd.variable(ownVariable[index])
            plain[index] = bdd.and(variable, bdd.and(plainParts))
            own[index] = bdd.and(variable, bdd.and(seenParts))
            seen[index] = masked[index] ? bdd.variable(maskVariable[index]) : own[index]
        }
        maskedComponents = (0..<count).filter { masked[$0] }
        maskInputs = maskedComponents.map { own[$0] }
        objectives = model.objectives.map { objective in
            let ids = objective.components.compactMap { compiled.indexOf[$0] }
            return bdd.and(ids.map { objective.measure == .availability ? own[$0] : plain[$0] })
        }
        bdd.clearCaches()
        self.bdd = bdd
    }

    /// The variables a diagram tests (its support), ascending.
    func support(of root: BDD.Ref) -> [Int32] {
        guard root > BDD.up else { return [] }
        var seenNodes = Set<BDD.Ref>([root])
        var stack = [root]
        var levels = Set<Int32>()
        while let node = stack.popLast() {
            levels.insert(bdd.level(node))
            for child in [bdd.low(node), bdd.high(node)] where child > BDD.up && seenNodes.insert(child).inserted {
                stack.append(child)
            }
        }
        return levels.sorted()
    }
}
