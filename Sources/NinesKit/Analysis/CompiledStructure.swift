/// The model's structure function compiled once into a shared BDD: one variable per component
/// (its own replicas and common cause folded into that variable), one diagram per component for
/// "this component and everything it needs are up".
public struct CompiledStructure {
    public let bdd: BDD
    /// Component names in model order; the index of a name is used everywhere below.
    public let names: [String]
    public let indexOf: [String: Int]
    /// BDD variable level of each component (by component index).
    public let levelOf: [Int32]
    /// Component index of each variable level.
    public let componentAtLevel: [Int]
    /// Diagram of "component i and its dependency closure are up" (by component index).
    public let closure: [BDD.Ref]
    /// Diagram of the whole system: every root component up. Nil when it would exceed
    /// `systemNodeBudget`: on some large models with many top-level components sharing
    /// regional dependencies the exact conjunction grows much faster than the model.
    public let system: BDD.Ref?
    /// Extra diagram nodes the whole-system conjunction may build: 250 thousand, about 0.05 s of work
    /// in a release build. Models of a few thousand components fit (a generated 1,000-component
    /// platform needs 130 thousand); where it does not fit it does not fit by orders of magnitude
    /// (a generated 10,000-component one did not finish in 10 minutes), so a larger budget only
    /// makes the analysis slower before it gives up.
    public static let systemNodeBudget = 250_000
    /// Operation cache sizes (entries) while building the closures and while building the
    /// objectives and the system conjunction; see `BDD.operationCacheLimit`. Measured on generated
    /// platforms of 1,000 to 100,000 components: 2^16 and 2^17 were fastest (the system attempt
    /// gave up about 1.5–3× sooner than with 2^20), and no model's system figure changed between
    /// exact and bounded.
    static let closureCacheEntries = 1 << 16
    static let conjunctionCacheEntries = 1 << 17
    /// Components nothing depends on (by component index, model order): what the system needs.
    public let roots: [Int]
    /// Diagram of each objective (by objective index): all its components up.
    public let objectives: [BDD.Ref]

    /// Most nodes the closures and objectives of `model` may build in `checked(_:order:systemNodeLimit:closureNodeLimit:)`:
    /// 10 million, or 100 per component on larger models (generated platforms need about 30 per
    /// component: 3 million at 100,000 components), with 4 operation steps per node (they need
    /// under 2). A hostile model stops there within about ten seconds and a few hundred megabytes.
    public static func closureNodeBudget(for model: SystemModel) -> Int { max(10_000_000, 100 * model.components.count) }
    static let closureStepsPerNode = 4

    /// Compiles `model` in `order` (computed here when not given; see `ComponentOrder`), however
    /// large its diagrams grow: for models known to be reasonable. Input from users goes through
    /// `checked(_:order:systemNodeLimit:closureNodeLimit:)`.
    /// - Parameter systemNodeLimit: extra nodes the whole-system diagram may build (default:
    ///   `systemNodeBudget`); over it `system` is nil and the analysis reports bounds.
    public init(_ model: SystemModel, order: ComponentOrder? = nil, systemNodeLimit: Int? = nil) {
        let order = order ?? ComponentOrder(model)
        guard case .success(let parts) = DeepStack.run({ Self.compile(model, order: order, systemNodeLimit: systemNodeLimit, closureNodeLimit: nil) })
        else { preconditionFailure("a compilation without a node limit cannot be over it") }
        self.init(order: order, parts)
    }

    /// Compiles `model` like `init(_:order:systemNodeLimit:)`, but gives up with the component or
    /// objective whose diagram passes `closureNodeLimit` nodes (default `closureNodeBudget(for:)`)
    /// or four times as many operation steps.
    public static func checked(_ model: SystemModel, order: ComponentOrder? = nil, systemNodeLimit: Int? = nil,
                               closureNodeLimit: Int? = nil) throws(StructureTooLarge) -> CompiledStructure {
        let closureNodeLimit = closureNodeLimit ?? closureNodeBudget(for: model)
        let order = order ?? ComponentOrder(model)
        let compiled = DeepStack.run { Self.compile(model, order: order, systemNodeLimit: systemNodeLimit, closureNodeLimit: closureNodeLimit) }
        switch compiled {
        case .success(let parts): return CompiledStructure(order: order, parts)
        case .failure(let error): throw error
        }
    }

    private typealias Parts = (bdd: BDD, closure: [BDD.Ref], objectives: [BDD.Ref], system: BDD.Ref?)

    private init(order: ComponentOrder, _ parts: Parts) {
        self.roots = order.roots
        self.objectives = parts.objectives
        self.system = parts.system
        parts.bdd.clearCaches()
        self.bdd = parts.bdd
        self.names = order.names
        self.indexOf = order.indexOf
        self.levelOf = order.levelOf
        self.componentAtLevel = order.componentAtLevel
        self.closure = parts.closure
    }

    /// Builds every closure, objective and the system diagram (recursive: run on a deep stack).
    private static func compile(_ model: SystemModel, order: ComponentOrder, systemNodeLimit: Int?,
                                closureNodeLimit: Int?) -> Result<Parts, StructureTooLarge> {
        let bdd = BDD()
        // Each closure is a few small operations on its dependencies' recent diagrams: a cache that
        // fits the CPU caches is faster (2^16 entries instead of 2^20: 0.04 s instead of 0.06 s for
        // the closures of a generated 10,000-component platform, 0.4 s instead of 0.7 s at 100,000).
        // The conjunctions below revisit old states.
        bdd.operationCacheLimit = Self.closureCacheEntries
        var closure = [BDD.Ref](repeating: BDD.down, count: model.components.count)
        var objectives: [BDD.Ref] = []
        var overBudget: StructureTooLarge.Part?
        let dependencies = order.dependencies
        let build = {
            var parts: [BDD.Ref] = [], group: [BDD.Ref] = []
            for index in order.postOrder {   // dependencies before the components that need them
                parts.removeAll(keepingCapacity: true)
                for requirement in dependencies.requirementStart[index]..<dependencies.requirementStart[index + 1] {
                    let members = dependencies.members[dependencies.memberStart[requirement]..<dependencies.memberStart[requirement + 1]]
                    if dependencies.isGroup[requirement] {
                        group.removeAll(keepingCapacity: true)
                        for member in members { group.append(closure[member]) }
                        parts.append(bdd.atLeast(dependencies.needed[requirement], of: group))
                    } else {
                        parts.append(closure[members[members.startIndex]])
                    }
                }
                closure[index] = bdd.and(bdd.variable(order.levelOf[index]), bdd.and(parts))
                if bdd.limitExceeded { overBudget = .component(index); return }
            }
            bdd.operationCacheLimit = Self.conjunctionCacheEntries
            for (index, objective) in model.objectives.enumerated() {
                objectives.append(bdd.and(objective.components.compactMap { order.indexOf[$0].map { closure[$0] } }))
                if bdd.limitExceeded { overBudget = .objective(index); return }
            }
        }
        if let closureNodeLimit {
            _ = bdd.withNodeLimit(closureNodeLimit, steps: Self.closureStepsPerNode * closureNodeLimit) { build(); return BDD.up }
            if let overBudget { return .failure(StructureTooLarge(part: overBudget, budget: closureNodeLimit)) }
        } else {
            build()
        }
        // Steps are limited too: the memo is lossy, so work could in principle outgrow the nodes it makes.
        let budget = systemNodeLimit ?? Self.systemNodeBudget
        let system = bdd.withNodeLimit(budget, steps: 20 * max(budget, 1000)) { bdd.and(order.roots.map { closure[$0] }) }
        return .success((bdd, closure, objectives, system))
    }

    /// Diagram of "all of these components (and what they need) are up".
    public func allUp(_ components: [String]) -> BDD.Ref {
        bdd.and(components.compactMap { indexOf[$0].map { closure[$0] } })
    }
}
