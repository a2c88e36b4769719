/// Evaluates a few diagrams of a large shared BDD again and again with changed variables (one
/// draw of the uncertain inputs each time): only the nodes below those roots, in the BDD's own
/// topological order, into one buffer reused across draws. A whole-BDD pass per draw
/// (`NodeProbabilities`) would visit every node of every figure of the model.
struct DiagramDraws {
    private let bdd: BDD
    /// Non-terminal nodes below any root, ascending: children before parents.
    private let nodes: [BDD.Ref]
    /// A module variable's diagram root by level (see `BDDModules.swift`); empty without modules.
    private let modules: [BDD.Ref]
    private var down: [Double]

    init(_ bdd: BDD, roots: [BDD.Ref]) {
        self.bdd = bdd
        var below = Set<BDD.Ref>()
        for root in roots { below.formUnion(bdd.nodesWithModules(below: root)) }
        nodes = below.sorted()
        modules = bdd.moduleRootByLevel
        down = [Double](repeating: 0, count: bdd.nodeCount)
        down[Int(BDD.down)] = 1
        down[Int(BDD.up)] = 0
    }

    /// Fills the buffer for variables whose (up, down) probabilities by level are given; then
    /// `unavailability(of:)` reads any root. Unavailability-first: Q(node) = p·Q(high) + q·Q(low).
    mutating func evaluate(up variableUp: [Double], down variableDown: [Double]) {
        let nodes = self.nodes, modules = self.modules
        down.withUnsafeMutableBufferPointer { down in
            bdd.withNodes { all in
                for ref in nodes {
                    let node = all[Int(ref)]
                    let level = Int(node.level)
                    var p = variableUp[level], q = variableDown[level]
                    if level < modules.count, modules[level] >= 0 {   // up when its gate and its diagram are
                        let moduleDown = down[Int(modules[level])]
                        (p, q) = (p * (1 - moduleDown), q + p * moduleDown)
                    }
                    down[Int(ref)] = p * down[Int(node.high)] + q * down[Int(node.low)]
                }
            }
        }
    }

    func unavailability(of root: BDD.Ref) -> Double { down[Int(root)] }
}
