/// Module variables: a variable that stands for a module of a fault tree (`FaultTreeModules`),
/// whose own diagram is built apart and whose probability is its gate's own (always up for a
/// perfect junction) times its diagram's. Every pass that reads a variable's probability by level
/// reads a module variable's from its diagram, which was built, and so numbered, before any node
/// testing the module variable (`standFor(module:level:)`): a flat pass in node order sees the
/// module's diagram first.
extension BDD {
    /// The variable at `level` standing for the module whose diagram is `root`. The variable's node
    /// is created here, after the module's diagram; the caller must not have created it before.
    func standFor(module root: Ref, level: Int32) -> Ref {
        let variable = self.variable(level)
        assert(variable > root, "a module variable must be numbered after its module's diagram")
        moduleRoots[level] = root
        return variable
    }

    /// The module roots by level (-1 where a level is a plain variable), for flat passes; empty
    /// when the diagram has no modules.
    var moduleRootByLevel: [Ref] {
        guard let deepest = moduleRoots.keys.max() else { return [] }
        var roots = [Ref](repeating: -1, count: Int(deepest) + 1)
        for (level, root) in moduleRoots { roots[Int(level)] = root }
        return roots
    }

    /// The nodes of `root`'s diagram and of every module diagram it reaches (terminals excluded),
    /// ascending: children and modules before the nodes that test them.
    func nodesWithModules(below root: Ref) -> [Ref] {
        var found = Set<Ref>()
        var roots = [root]
        while let next = roots.popLast() {
            for node in nodes(below: next) where found.insert(node).inserted {
                if let module = moduleRoots[level(node)], !found.contains(module) { roots.append(module) }
            }
        }
        return found.sorted()
    }

    /// Birnbaum importance through modules, by the chain rule: a variable inside module M has
    /// I_B = I_B(M's variable) · p(M's gate up) · I_B inside M's diagram. `importance` holds the
    /// diagram's own values by level; outer modules (built later, higher roots) are expanded first,
    /// so a module inside a module is expanded in its turn. A module variable keeps none itself:
    /// it is a gate, whose importance is its inputs'.
    func expandingModules(_ importance: [Double], variables: [Probability], nodes: NodeProbabilities) -> [Double] {
        guard !moduleRoots.isEmpty else { return importance }
        var importance = importance
        for (level, root) in moduleRoots.sorted(by: { $0.value > $1.value }) {
            let outer = importance[Int(level)]
            importance[Int(level)] = 0
            guard outer != 0, root > BDD.up else { continue }
            let weight = outer * variables[Int(level)].up
            let inner = innerBirnbaum(root: root, variables: variables, nodes: nodes)
            for (index, value) in inner.enumerated() where value != 0 { importance[index] += weight * value }
        }
        return importance
    }

    /// A module diagram's own Birnbaum importance, its nested module variables not yet expanded.
    private func innerBirnbaum(root: Ref, variables: [Probability], nodes: NodeProbabilities) -> [Double] {
        birnbaum(root: root, diagram: self.nodes(below: root), variables: variables, nodes: nodes, expandModules: false)
    }

    /// Levels whose failure alone makes the module at `level` fail (its diagram's single points of
    /// failure, through nested modules), or `level` itself when it is a plain variable.
    func singleFailureLevels(expanding level: Int32) -> [Int32] {
        guard let root = moduleRoots[level] else { return [level] }
        return singleFailureLevels(root: root)
    }
}
