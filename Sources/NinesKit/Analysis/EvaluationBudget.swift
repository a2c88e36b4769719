/// How much work evaluating figures may spend, apart from how much diagram the compilation may
/// build (`CompilationBudget`, in nodes). A work unit is one factor update or one node evaluation
/// of a conditioning enumeration (`ConditionedConjunction`), measured at about 50 ns each in a
/// release build. The value is also what is left while an analysis spends it: each figure takes
/// off what its plan's run spent (`CompiledFigures.evaluate`), so a model with many conjunctions
/// cannot stall a pipeline.
///
/// When a plan's exact route cannot be afforded the figure falls back, one step at a time:
/// exact → bounded by the enumeration's interval → sampled inside the certified interval (one of
/// `sampledFigures`) → bounds only.
package struct EvaluationBudget: Hashable, Sendable {
    /// Work units left for every figure still to come.
    public var work: Int
    /// Work units one enumeration may spend at most, so one figure cannot take all of `work`.
    public var enumerationWork: Int
    /// Figures that may still be sampled (a seeded Monte Carlo draw each); past them a figure no
    /// exact route reached keeps its certified interval alone.
    public var sampledFigures: Int

    public init(work: Int, enumerationWork: Int = 50_000_000, sampledFigures: Int = 64) {
        self.work = work
        self.enumerationWork = enumerationWork
        self.sampledFigures = sampledFigures
    }

    /// One enumeration may spend 5e7 units (2.5 s at most); a whole analysis 20,000 per
    /// component, at least one enumeration's and at most four (2.5 to 10 s): the 10,000-component
    /// pools need up to four, and a 200 KB model built to be hostile (2,250 components, 50
    /// objectives each conditioned on 30 shared components) ends in about 2 s. At most 64
    /// figures are sampled.
    public static func standard(components: Int) -> EvaluationBudget {
        let enumerationWork = 50_000_000
        return EvaluationBudget(work: min(4 * enumerationWork, max(enumerationWork, 20_000 * components)), enumerationWork: enumerationWork)
    }

    /// What one figure evaluated on its own may spend: one enumeration's work and one sample.
    var forOneFigure: EvaluationBudget {
        EvaluationBudget(work: enumerationWork, enumerationWork: enumerationWork, sampledFigures: 1)
    }
}
