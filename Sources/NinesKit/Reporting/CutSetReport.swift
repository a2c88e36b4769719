/// What `nines cuts` shows: the minimal cut sets of each objective asked for and of the system.
/// The JSON renderer encodes it directly (see docs/cut-sets.md for the fields).
package struct CutSetReport: Hashable, Sendable, Codable {
    public var system: String
    /// Highest order listed (events per cut set).
    public var maxOrder: Int
    /// Objectives in model order, then the whole system (unless one objective was asked for).
    public var figures: [CutSetList]

    public init(system: String, maxOrder: Int, figures: [CutSetList]) {
        self.system = system
        self.maxOrder = maxOrder
        self.figures = figures
    }

    /// The report of `cutSets`: the objective named `objective` alone when given, else every
    /// objective and the system; each list cut to its first `top` cut sets when given.
    /// Nil when no objective has that name.
    public static func build(_ cutSets: MinimalCutSets, model: SystemModel, objective: String?, top: Int?) -> CutSetReport? {
        var lists = cutSets.objectives + [cutSets.system]
        if let objective {
            guard let index = model.objectives.firstIndex(where: { $0.name == objective }) else { return nil }
            lists = [cutSets.objectives[index]]
        }
        return CutSetReport(system: model.name, maxOrder: cutSets.system.maxOrder, figures: lists.map { $0.top(top) })
    }
}
