/// How the compiled structure holds one function: a component with everything it needs, an
/// objective, or the whole system. Each form has its own exact method (see docs/methods.md).
package enum StructureForm: Hashable, Sendable {
    /// One decision diagram: evaluated exactly in one pass over its nodes.
    case diagram(BDD.Ref)
    /// All of `diagrams` up, the closures of all of `closures` (component indices, each held as a
    /// conjunction itself) up, and each of `groups` holding: a conjunction whose single diagram
    /// would outgrow its budget, typically services whose replicas share a pool of nodes.
    /// Evaluated by conditioning on the components its parts share (`ConditionedConjunction`): a
    /// certified interval.
    case conjunction(diagrams: [BDD.Ref], closures: [Int], groups: [ClosureGroup])
    /// A redundancy group whose diagram outgrew its budget (or over such a group): no exact method
    /// applies; the figure is a certified interval with a Monte Carlo estimate inside it.
    case sampled

    /// The diagram, when the form is one.
    public var diagram: BDD.Ref? {
        if case .diagram(let root) = self { return root }
        return nil
    }
}

/// "At least `k` of these components, each with everything it needs, up", where some member is
/// held as a conjunction (two regions, each on its own pool, or each k of its zones): a term of a
/// conjunction.
package struct ClosureGroup: Hashable, Sendable {
    public let k: Int
    /// Component indices, each a diagram or a conjunction (which may hold groups itself).
    public let members: [Int]
}

/// What conditioning evaluates: factors that must all hold, and groups of members, each member
/// itself terms of the same kind (see `ConditionedConjunction`, `SharedConditioning`): any of two
/// regions, each k of three zones, each zone the services of its pool.
package struct ConjunctionTerms: Hashable, Sendable {
    public var factors: [BDD.Ref]
    public var groups: [Group]

    package struct Group: Hashable, Sendable {
        public let k: Int
        public let members: [ConjunctionTerms]
    }

    /// Whether every group's members are factors alone (no groups inside groups): what
    /// `ConditionedConjunction` evaluates in one enumeration.
    var isFlat: Bool { groups.allSatisfy { $0.members.allSatisfy(\.groups.isEmpty) } }

    /// Every diagram these terms test, at any depth (a diagram two members share, twice).
    var allFactors: [BDD.Ref] {
        factors + groups.flatMap { $0.members.flatMap(\.allFactors) }
    }
}

/// How much diagram the compilation may build before it holds a function in another form
/// (`StructureForm`). Nodes are counted as new nodes of the shared diagram; operation steps are
/// limited to `stepsPerNode` times as many, since the memo is lossy.
package struct CompilationBudget: Hashable, Sendable {
    /// New nodes one redundancy group (`any`, `k_of`) may add; past it the group is sampled.
    public var groupNodes: Int
    /// New nodes the conjunction of one component with what it needs may add.
    public var closureNodes: Int
    /// New nodes one objective's conjunction may add.
    public var objectiveNodes: Int
    /// New nodes the whole-system conjunction may add.
    public var systemNodes: Int
    /// Nodes the diagram may hold in all; past it every further conjunction is held as one.
    public var totalNodes: Int
    /// Conjunctions of large operands revisit old states through the lossy memo: a generated
    /// 1,000-component platform's system diagram (about 130,000 nodes) needs more than 4 steps per
    /// node, and closures held to 4 made a 10,000-component platform compile 8 times slower
    /// (budgets passed late, work thrown away).
    public static let stepsPerNode = 20

    public init(groupNodes: Int, closureNodes: Int, objectiveNodes: Int, systemNodes: Int, totalNodes: Int) {
        self.groupNodes = groupNodes
        self.closureNodes = closureNodes
        self.objectiveNodes = objectiveNodes
        self.systemNodes = systemNodes
        self.totalNodes = totalNodes
    }

    /// Measured on generated platforms (about 30 nodes per component in all; the system diagram of
    /// 1,000 components needs 130 thousand) and on shared pools (whose diagrams grow exponentially
    /// with the services sharing the pool, so a bigger budget only delays the conditioning: a
    /// 1,000-component pool spent 0.15 s reaching 250 thousand nodes before conditioning took
    /// 0.07 s): a closure may add 20 thousand nodes, a group, an objective and the system 250
    /// thousand; in all 10 million, or 100 per component on larger models. What the evaluation of
    /// the figures may spend is apart (`EvaluationBudget`).
    public static func standard(for model: SystemModel) -> CompilationBudget {
        CompilationBudget(groupNodes: 250_000, closureNodes: 20_000, objectiveNodes: 250_000, systemNodes: 250_000,
                          totalNodes: max(10_000_000, 100 * model.components.count))
    }
}
