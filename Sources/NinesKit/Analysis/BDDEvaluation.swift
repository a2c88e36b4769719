/// Probabilities of every node of a BDD, for given variable probabilities.
///
/// Availability and unavailability are computed by two separate sums of non-negative terms
/// (A = p·A_high + q·A_low and Q = p·Q_high + q·Q_low) so neither is ever obtained by a
/// subtraction near 1: six 0.99999 units in parallel give Q = 1e-30, not 0.
public struct NodeProbabilities: Sendable {
    public let up: [Double]
    public let down: [Double]

    public subscript(_ ref: BDD.Ref) -> Probability { Probability(up: up[Int(ref)], down: down[Int(ref)]) }

    /// One flat pass over all nodes (children precede parents): O(nodes).
    public init(_ bdd: BDD, variables: [Probability]) {
        let count = bdd.nodeCount
        var up = [Double](repeating: 0, count: count)
        var down = [Double](repeating: 0, count: count)
        up[0] = 0; down[0] = 1
        up[1] = 1; down[1] = 0
        bdd.level.withUnsafeBufferPointer { level in
            bdd.low.withUnsafeBufferPointer { low in
                bdd.high.withUnsafeBufferPointer { high in
                    for node in 2..<max(2, count) {
                        let variable = variables[Int(level[node])]
                        let h = Int(high[node]), l = Int(low[node])
                        up[node] = variable.up * up[h] + variable.down * up[l]
                        down[node] = variable.up * down[h] + variable.down * down[l]
                    }
                }
            }
        }
        self.up = up
        self.down = down
    }
}

extension BDD {
    /// Birnbaum importance ∂A/∂p_v of every variable for the function rooted at `root`:
    /// I_B(v) = Σ over nodes n testing v of P(reach n) · (Q(low n) − Q(high n)).
    /// One backward pass over the nodes below `root`; returns one value per variable level.
    public func birnbaum(root: Ref, variables: [Probability], nodes: NodeProbabilities) -> [Double] {
        var importance = [Double](repeating: 0, count: variables.count)
        guard root > BDD.up else { return importance }
        var reach = [Double](repeating: 0, count: Int(root) + 1)
        reach[Int(root)] = 1
        for node in stride(from: Int(root), through: 2, by: -1) {
            let r = reach[node]
            if r == 0 { continue }
            let v = Int(level[node])
            let h = Int(high[node]), l = Int(low[node])
            importance[v] += r * (nodes.down[l] - nodes.down[h])
            if h >= 2 { reach[h] += r * variables[v].up }
            if l >= 2 { reach[l] += r * variables[v].down }
        }
        return importance
    }

    /// Number of nodes reachable from `root` (its size as a diagram), terminals excluded.
    public func size(of root: Ref) -> Int {
        guard root > BDD.up else { return 0 }
        var seen = Set<Ref>([root])
        var stack = [root]
        while let node = stack.popLast() {
            for child in [low[Int(node)], high[Int(node)]] where child > BDD.up && seen.insert(child).inserted {
                stack.append(child)
            }
        }
        return seen.count
    }
}

extension BDD {
    /// Variables whose failure alone (every other variable up) makes `root` false: the single
    /// points of failure. Only variables tested on the all-up path can matter, so this walks that
    /// path and, at each node, follows the "down" branch and then all-up to its terminal.
    public func singleFailureLevels(root: Ref) -> [Int32] {
        var result: [Int32] = []
        var node = root
        while node > BDD.up {
            var rest = low[Int(node)]
            while rest > BDD.up { rest = high[Int(rest)] }
            if rest == BDD.down { result.append(level[Int(node)]) }
            node = high[Int(node)]
        }
        return result
    }
}
