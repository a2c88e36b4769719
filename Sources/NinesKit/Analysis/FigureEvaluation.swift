/// A figure of a `StructureForm` by its plan, with the one fallback chain every figure follows:
/// the plan's exact route (one diagram, or `FigurePlanner`'s plan of a conjunction run by
/// `PlanEvaluator`) → bounded by the enumeration's interval, when the evaluation budget ends
/// before it is narrow → sampled inside that certified interval, when it is wider than the figure
/// itself → bounds only, when no more figures may be sampled. A form that did not compile
/// (`StructureForm.sampled`) and a plan with no exact route start at sampling. What ran is
/// recorded on the figure (`FigurePlan`, shown by `report --explain`).
extension CompiledFigures {
    /// The figures of `form`, whose targets (the components that must be up) are `targets`, with
    /// one figure's budget (`EvaluationBudget.forOneFigure`).
    /// - Parameter background: a Monte Carlo estimate already being drawn for these targets.
    func figure(named name: String, form: StructureForm, targets: [Int], view: FigureView,
                background: BackgroundSystemEstimate? = nil) -> FlowFigures {
        var budget = self.budget.forOneFigure
        return figure(named: name, form: form, targets: targets, view: view, background: background, budget: &budget)
    }

    /// As `figure(named:form:targets:view:background:)`, within what is left of `budget` (shared by
    /// every figure of one analysis); what it spends is taken off.
    /// - Parameter parts: figures and plans of parts evaluated before in the same analysis.
    func figure(named name: String, form: StructureForm, targets: [Int], view: FigureView, background: BackgroundSystemEstimate? = nil,
                budget: inout EvaluationBudget, parts: PartFigures = PartFigures()) -> FlowFigures {
        switch form {
        case .diagram(let root):
            let nodes = view == .callers ? callerNodes : pathNodes
            let diagram = structure.bdd.nodes(below: root)
            let birnbaum = structure.bdd.birnbaum(root: root, diagram: diagram, variables: variables(view), nodes: nodes)
            guard !structure.bdd.moduleRoots.isEmpty else {
                var flow = figures(name, probability: nodes[root], birnbaum: birnbaum, view: view, diagramSize: diagram.count)
                flow.plan = .diagram(nodes: diagram.count, whole: true)
                return flow
            }
            let all = structure.bdd.nodesWithModules(below: root)
            let modules = Set(all.map { structure.bdd.level($0) }).filter { structure.bdd.moduleRoots[$0] != nil }.count
            var flow = figures(name, probability: nodes[root], birnbaum: birnbaum, view: view, diagramSize: all.count)
            flow.plan = modules == 0 ? .diagram(nodes: all.count, whole: true) : .diagram(nodes: all.count, modules: modules)
            return flow
        case .conjunction:
            let terms = structure.terms(of: form)
            if terms.factors.count == 1 && terms.groups.isEmpty {
                return figure(named: name, form: .diagram(terms.factors[0]), targets: targets, view: view, budget: &budget)
            }
            return figure(named: name, plan: plan(terms, view: view, parts: parts), targets: targets, view: view, background: background,
                          budget: &budget, parts: parts)
        case .sampled:
            return sampled(name, targets: targets, view: view, background: background, within: nil, budget: &budget,
                           because: "the structure did not compile within the node budget", shared: parts.closureDraw)
        }
    }

    /// The figures of a conjunction's `plan` (built by `FigurePlanner` for `view`), down the
    /// fallback chain as far as it must go.
    func figure(named name: String, plan: EvaluationPlan, targets: [Int], view: FigureView, background: BackgroundSystemEstimate? = nil,
                budget: inout EvaluationBudget, parts: PartFigures = PartFigures()) -> FlowFigures {
        let bounds = factorBounds(plan.terms, view: view)
        // An interval wider than the figure shows a Monte Carlo estimate: its remainder need not be sampled.
        let sampling = canSample(targets: targets, view: view, background: background, budget: budget)
        let keepsEstimate = { (enumerated: UnavailabilityInterval) in
            let interval = enumerated.intersected(with: bounds)
            return !(sampling && interval.width > interval.lower.down)
        }
        guard let result = evaluate(plan, view: view, budget: &budget, parts: parts, keepsEstimate: keepsEstimate) else {
            parts.dropScratch()
            return sampled(name, targets: targets, view: view, background: background, within: bounds, budget: &budget,
                           because: plan.missingExactRoute.map { "no exact route: " + $0 }
                               ?? "its conditioning could not start (the evaluation budget spent, or one diagram testing more shared components than an enumeration holds)",
                           shared: parts.closureDraw)
        }
        // The certified interval on Q: the enumeration's, narrowed by the factor bounds.
        let interval = result.interval.intersected(with: bounds)
        // Wider than the figure itself: say what sampling finds, inside the interval (while the
        // analysis can still afford sampling; else the interval stands).
        let wide = !result.isExact && interval.width > interval.lower.down
        if wide { parts.dropScratch() }   // the draws' memory in its place
        let sampled = wide ? estimate(targets: targets, view: view, background: background, within: interval, budget: &budget) : nil
        // Its best value, when not exact: the evaluation's unbiased estimate (`RemainderSampling`).
        let value = sampled.map { interval.figure(availability: $0.availability) }
            ?? (result.isExact ? interval.midpoint : result.value(within: interval))
        var flow = figures(name, probability: value, birnbaum: result.birnbaum, view: view, diagramSize: result.diagramSize)
        flow.plan = result.plan
        if result.interval.lower.down >= bounds.lower.down || result.interval.upper.down <= bounds.upper.down {   // the enumeration told something
            flow.conditioning = result.conditioning
        }
        flow.interval = interval
        guard !result.isExact else { return flow }
        flow.method = .bounded
        if let sampled {
            flow.method = .estimated
            flow.estimate = sampled
            flow.plan = FigurePlan(.sampled, "sampled (\(Format.count(sampled.samples)) samples\(sampled.samplingNote)) inside the certified interval "
                                   + interval.described, reason: "the enumeration's interval is wider than the figure itself",
                                   parts: [result.plan])
        }
        return flow
    }
}

extension EvaluationPlan {
    /// Why some step of the plan has no exact route, when one has none.
    var missingExactRoute: String? {
        switch step {
        case .noExactRoute: return reason
        case .diagram, .sharedDiagrams: return nil
        case .product(let parts): return parts.lazy.compactMap(\.missingExactRoute).first
        case .atLeast(_, let members): return members.lazy.compactMap(\.missingExactRoute).first
        case .conditioned(_, _, let given): return given.missingExactRoute
        }
    }
}
