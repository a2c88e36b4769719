/// The exact probability that at least one of some cut sets has failed, from a BDD of their union
/// (not a rare-event sum: cut sets that share components overlap). Component level: each cut set
/// is a sorted list of variable levels, each variable independent with the given figure.
///
/// Used for exact Fussell–Vesely, FV_i = P(∪ cut sets containing i) / Q, and for what the listed
/// cut sets leave unexplained of Q.
final class CutSetUnion {
    private let bdd = BDD()
    private let variables: [Probability]

    init(levels: Int, variables: [Probability]) {
        self.variables = variables
    }

    /// "Every variable of `cut` down": a chain of down branches (a variable node's low branch is its
    /// down state), true at the end.
    private func allDown(_ cut: [Int32]) -> BDD.Ref {
        var node = BDD.up
        for level in cut.reversed() { node = bdd.node(level, low: node, high: BDD.down) }
        return node
    }

    /// The union's diagram, or nil past `nodeLimit` new nodes.
    private func union(_ cuts: [[Int32]], nodeLimit: Int) -> BDD.Ref? {
        bdd.withNodeLimit(nodeLimit) {
            // Pairwise, so each step joins diagrams of similar size.
            var layer = cuts.map(allDown)
            if layer.isEmpty { return BDD.down }
            while layer.count > 1 {
                var next: [BDD.Ref] = []
                for index in stride(from: 0, to: layer.count, by: 2) {
                    next.append(index + 1 < layer.count ? bdd.or(layer[index], layer[index + 1]) : layer[index])
                }
                layer = next
            }
            return layer[0]
        }
    }

    /// P(at least one of `cuts` down), nil when the union's diagram passes `nodeLimit` nodes.
    func probability(of cuts: [[Int32]], nodeLimit: Int = 20_000_000) -> Double? {
        union(cuts, nodeLimit: nodeLimit).map(truth)
    }

    /// Probability that the function rooted at `root` is true: one pass over its nodes.
    private func truth(_ root: BDD.Ref) -> Double {
        var value: [BDD.Ref: Double] = [BDD.down: 0, BDD.up: 1]
        for node in bdd.nodes(below: root).reversed() {   // children first
            let p = variables[Int(bdd.level(node))]
            value[node] = p.up * value[bdd.high(node)]! + p.down * value[bdd.low(node)]!
        }
        return value[root]!
    }

    /// Exact Fussell–Vesely of every variable in `cuts`, largest first (ties by level).
    func fussellVesely(_ cuts: [[Int32]], unavailability q: Double) -> [(level: Int32, value: Double)] {
        guard q > 0 else { return [] }
        var containing: [Int32: [[Int32]]] = [:]
        for cut in cuts { for level in cut { containing[level, default: []].append(cut) } }
        return containing.map { level, sets in (level, min(1, (probability(of: sets) ?? 0) / q)) }
            .sorted { ($0.value, $1.level) > ($1.value, $0.level) }
    }
}
