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
    /// Factor updates one conditioned figure may spend (see `ConditionedConjunction`).
    public var conditioningWork: Int
    /// Factor updates all the conditioning of one analysis may spend together; past it, figures
    /// still unevaluated are sampled, so a model with many conjunctions cannot stall a pipeline.
    public var analysisWork: Int
    /// Figures one analysis may sample (a seeded Monte Carlo draw each); past it, a figure no
    /// exact method reached keeps its certified interval alone, so a model with thousands of
    /// them cannot stall a pipeline either.
    public var sampledFigures: Int
    /// Conjunctions of large operands revisit old states through the lossy memo: a generated
    /// 1,000-component platform's system diagram (about 130,000 nodes) needs more than 4 steps per
    /// node, and closures held to 4 made a 10,000-component platform compile 8 times slower
    /// (budgets passed late, work thrown away).
    public static let stepsPerNode = 20

    public init(groupNodes: Int, closureNodes: Int, objectiveNodes: Int, systemNodes: Int, totalNodes: Int,
                conditioningWork: Int = 50_000_000, analysisWork: Int? = nil, sampledFigures: Int = 64) {
        self.groupNodes = groupNodes
        self.closureNodes = closureNodes
        self.objectiveNodes = objectiveNodes
        self.systemNodes = systemNodes
        self.totalNodes = totalNodes
        self.conditioningWork = conditioningWork
        self.analysisWork = analysisWork ?? 4 * conditioningWork
        self.sampledFigures = sampledFigures
    }

    /// Measured on generated platforms (about 30 nodes per component in all; the system diagram of
    /// 1,000 components needs 130 thousand) and on shared pools (whose diagrams grow exponentially
    /// with the services sharing the pool, so a bigger budget only delays the conditioning: a
    /// 1,000-component pool spent 0.15 s reaching 250 thousand nodes before conditioning took
    /// 0.07 s): a closure may add 20 thousand nodes, a group, an objective and the system 250
    /// thousand; in all 10 million, or 100 per component on larger models. Conditioning may spend 5e7 factor
    /// updates (measured about 50 ns each in a release build: 2.5 s at most); a whole analysis
    /// 20,000 per component, at least one figure's budget and at most four (2.5 to 10 s): the
    /// 10,000-component pools need up to four, and a 200 KB model built to be hostile (2,250
    /// components, 50 objectives each conditioned on 30 shared components) ends in about 2 s.
    public static func standard(for model: SystemModel) -> CompilationBudget {
        let conditioningWork = 50_000_000
        let analysisWork = min(4 * conditioningWork, max(conditioningWork, 20_000 * model.components.count))
        return CompilationBudget(groupNodes: 250_000, closureNodes: 20_000, objectiveNodes: 250_000, systemNodes: 250_000,
                                 totalNodes: max(10_000_000, 100 * model.components.count),
                                 conditioningWork: conditioningWork, analysisWork: analysisWork)
    }
}

/// What is left of one analysis' allowances (see `CompilationBudget`): conditioning work, and
/// figures it may still sample.
struct AnalysisAllowance {
    var conditioning: Int
    var sampledFigures: Int
    /// Figures of conjunctions' parts already evaluated in this analysis (a zone's pool is a part
    /// of its own closure, its region's and the front door's figures).
    let parts = PartFigures()

    /// A whole analysis' allowance.
    init(analysis budget: CompilationBudget) {
        (conditioning, sampledFigures) = (budget.analysisWork, budget.sampledFigures)
    }

    /// One figure's, evaluated on its own.
    init(figure budget: CompilationBudget) {
        (conditioning, sampledFigures) = (budget.conditioningWork, 1)
    }
}
