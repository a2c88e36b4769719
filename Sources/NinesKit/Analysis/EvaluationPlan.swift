/// How one conjunction's terms are to be evaluated: decided before any figure is computed, from
/// structural facts alone (`FigurePlanner`), and run by `PlanEvaluator`. The route a run actually
/// took, with its outcome, is recorded apart (`FigurePlan`), since a run may fall back.
struct EvaluationPlan: Sendable {
    indirect enum Step: Sendable {
        /// One pass over one decision diagram.
        case diagram(BDD.Ref)
        /// Independent parts that must all hold: their figures multiply.
        case product([EvaluationPlan])
        /// At least `k` of independent members: a Poisson-binomial of their figures.
        case atLeast(k: Int, members: [EvaluationPlan])
        /// Diagrams (and groups of diagrams) that share components, conditioned on those inside one
        /// enumeration (`ConditionedConjunction`).
        case sharedDiagrams
        /// Units sharing a few components: `shared` (levels) fixed in each state of `candidates`
        /// (those of them that can fail, likeliest first), every state evaluated by `given`.
        case conditioned(shared: [Int], candidates: [Int], given: EvaluationPlan)
        /// No exact route (too many shared components): the figure falls back.
        case noExactRoute
    }

    let terms: ConjunctionTerms
    let step: Step
    /// Why this step: the structural fact that decided it.
    let reason: String
    /// Whether the figure tests nothing an enclosing conditioning fixes: evaluated once without
    /// fixed levels and remembered for the whole analysis (`PartFigures`).
    var remembered = false

    /// Why parts multiply and members form a Poisson-binomial (also the recorded `FigurePlan`s' reasons).
    static let independentParts = "the parts share no component"
    static let independentMembers = "the group's members share no component"
}
