/// Probabilities of every node of a BDD, for given variable probabilities.
///
/// Availability and unavailability are computed by two separate sums of non-negative terms
/// (A = p·A_high + q·A_low and Q = p·Q_high + q·Q_low) so neither is ever obtained by a
/// subtraction near 1: six 0.99999 units in parallel give Q = 1e-30, not 0.
package struct NodeProbabilities: Sendable {
    public let up: [Double]
    public let down: [Double]

    public subscript(_ ref: BDD.Ref) -> Probability { Probability(up: up[Int(ref)], down: down[Int(ref)]) }

    /// One flat pass over all nodes (children precede parents): O(nodes).
    public init(_ bdd: BDD, variables: [Probability]) {
        let count = bdd.nodeCount
        let variableUp = variables.map(\.up), variableDown = variables.map(\.down)
        var up = [Double](repeating: 0, count: count)
        var down = [Double](repeating: 0, count: count)
        up.withUnsafeMutableBufferPointer { up in
            down.withUnsafeMutableBufferPointer { down in
                bdd.withNodes { nodes in
                    up[0] = 0; down[0] = 1
                    up[1] = 1; down[1] = 0
                    let modules = bdd.moduleRootByLevel
                    if modules.isEmpty {
                        for index in 2..<max(2, count) {
                            let node = nodes[index]
                            let p = variableUp[Int(node.level)], q = variableDown[Int(node.level)]
                            let h = Int(node.high), l = Int(node.low)
                            up[index] = p * up[h] + q * up[l]
                            down[index] = p * down[h] + q * down[l]
                        }
                    } else {
                        // A module variable is up when its gate is and its diagram (numbered before it) is.
                        for index in 2..<max(2, count) {
                            let node = nodes[index]
                            let level = Int(node.level)
                            var p = variableUp[level], q = variableDown[level]
                            if level < modules.count, modules[level] >= 0 {
                                let root = Int(modules[level])
                                (p, q) = (p * up[root], q + p * down[root])
                            }
                            let h = Int(node.high), l = Int(node.low)
                            up[index] = p * up[h] + q * up[l]
                            down[index] = p * down[h] + q * down[l]
                        }
                    }
                }
            }
        }
        self.up = up
        self.down = down
    }
}

extension BDD {
    /// The nodes of the diagram rooted at `root` (terminals excluded), parents before children
    /// (descending refs). Costs the size of that diagram, not of the whole BDD.
    public func nodes(below root: Ref) -> [Ref] {
        guard root > BDD.up else { return [] }
        // One bit per ref up to `root` (children are made before their parents, so none is above
        // it): clearing root/64 words costs less than a Set's hashing, and reading the bits from
        // the top gives the order without a sort.
        var marked = [UInt64](repeating: 0, count: Int(root) >> 6 + 1)
        marked[Int(root) >> 6] |= 1 << UInt64(Int(root) & 63)
        var stack = [root]
        var count = 1
        while let node = stack.popLast() {
            for child in [low(node), high(node)] where child > BDD.up {
                let word = Int(child) >> 6, bit = UInt64(1) << UInt64(Int(child) & 63)
                if marked[word] & bit == 0 { marked[word] |= bit; stack.append(child); count += 1 }
            }
        }
        var found: [Ref] = []
        found.reserveCapacity(count)
        for word in stride(from: marked.count - 1, through: 0, by: -1) {
            var bits = marked[word]
            while bits != 0 {
                let bit = 63 - bits.leadingZeroBitCount
                found.append(Ref(word << 6 + bit))
                bits &= ~(UInt64(1) << UInt64(bit))
            }
        }
        return found
    }

    /// Birnbaum importance ∂A/∂p_v of every variable for the function rooted at `root`:
    /// I_B(v) = Σ over nodes n testing v of P(reach n) · (Q(low n) − Q(high n)).
    /// One backward pass over `diagram` (the nodes below `root`, from `nodes(below:)`); returns one
    /// value per variable level.
    /// Module variables are expanded into the variables inside them (`expandingModules`) unless
    /// `expandModules` is false.
    public func birnbaum(root: Ref, diagram: [Ref], variables: [Probability], nodes: NodeProbabilities,
                         expandModules: Bool = true) -> [Double] {
        var importance = [Double](repeating: 0, count: variables.count)
        guard root > BDD.up else { return importance }
        let position = DiagramPositions(diagram)
        var reach = [Double](repeating: 0, count: diagram.count)
        reach[position[root]] = 1
        let modules = moduleRootByLevel
        for (index, ref) in diagram.enumerated() {
            let r = reach[index]
            if r == 0 { continue }
            let v = Int(level(ref))
            let h = high(ref), l = low(ref)
            importance[v] += r * (nodes.down[Int(l)] - nodes.down[Int(h)])
            var p = variables[v].up, q = variables[v].down
            if v < modules.count, modules[v] >= 0 {   // a module variable: up when its gate and its module are
                let module = Int(modules[v])
                (p, q) = (p * nodes.up[module], q + p * nodes.down[module])
            }
            if h > BDD.up { reach[position[h]] += r * p }
            if l > BDD.up { reach[position[l]] += r * q }
        }
        return expandModules ? expandingModules(importance, variables: variables, nodes: nodes) : importance
    }

    /// Birnbaum importance of every variable for `root` (see `birnbaum(root:diagram:variables:nodes:)`).
    public func birnbaum(root: Ref, variables: [Probability], nodes: NodeProbabilities) -> [Double] {
        birnbaum(root: root, diagram: self.nodes(below: root), variables: variables, nodes: nodes)
    }

    /// Number of nodes reachable from `root` (its size as a diagram), terminals excluded.
    public func size(of root: Ref) -> Int { nodes(below: root).count }
}

extension BDD {
    /// Variables whose failure alone (every other variable up) makes `root` false: the single
    /// points of failure. Only variables tested on the all-up path can matter, so this walks that
    /// path and, at each node, follows the "down" branch and then all-up to its terminal. A module
    /// variable stands for its module's own single points of failure.
    public func singleFailureLevels(root: Ref) -> [Int32] {
        var result: [Int32] = []
        var node = root
        while node > BDD.up {
            var rest = low(node)
            while rest > BDD.up { rest = high(rest) }
            if rest == BDD.down { result.append(contentsOf: singleFailureLevels(expanding: level(node))) }
            node = high(node)
        }
        return result
    }
}
