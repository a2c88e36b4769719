import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// Plans built by hand (`EvaluationPlan`) and run by `PlanEvaluator`, against enumerating every
/// state of the model (`BruteForce`, an independent reference); the planner's own plans for the
/// same terms; and the fallback chain, one step at a time, under an evaluation budget.
@Suite struct EvaluationPlanTests {
    /// a, b, c on nodes of their own (independent); x and y both on `shared` (dependent).
    static let model = """
        version: 1
        system: plans
        components:
          n1: { availability: 90% }
          n2: { availability: 80% }
          n3: { availability: 70% }
          shared: { availability: 85% }
          a: { availability: 95%, depends_on: [n1] }
          b: { availability: 96%, depends_on: [n2] }
          c: { availability: 97%, depends_on: [n3] }
          x: { availability: 93%, depends_on: [shared, n1] }
          y: { availability: 92%, depends_on: [shared, n2] }

        """

    struct Fixture {
        let engine: AvailabilityAnalysis
        var reference: BruteForce

        init() throws {
            let model = try TestModels.load(EvaluationPlanTests.model)
            engine = AvailabilityAnalysis(model)
            reference = BruteForce(model)
        }

        func root(_ name: String) -> BDD.Ref { engine.structure.closure[engine.structure.indexOf[name]!].diagram! }
        func level(_ name: String) -> Int { engine.structure.componentAtLevel.firstIndex(of: engine.structure.indexOf[name]!)! }
        func terms(_ name: String) -> ConjunctionTerms { ConjunctionTerms(factors: [root(name)], groups: []) }
        func diagram(_ name: String) -> EvaluationPlan {
            EvaluationPlan(terms: terms(name), step: .diagram(root(name)), reason: "built by hand")
        }

        /// The figure of `plan` in the path view (each component's own figure: no failover here).
        func run(_ plan: EvaluationPlan, budget: EvaluationBudget = .standard(components: 9)) throws -> TermsFigure {
            var budget = budget
            return try #require(engine.compiled.evaluate(plan, view: .path, budget: &budget))
        }

        func planned(_ terms: ConjunctionTerms) -> EvaluationPlan {
            var planner = FigurePlanner(engine.structure.bdd, variables: engine.compiled.variables(.path))
            return planner.plan(terms)
        }

        /// Q of "at least k of `names`, each with what it needs, up", over every state.
        mutating func atLeast(_ k: Int, of names: [String]) -> Double {
            let mask = names.reduce(0) { $0 | 1 << reference.index[$1]! }
            return reference.figure(reference.closureTable.map { ($0 & mask).nonzeroBitCount >= k }).probability.down
        }
    }

    /// The steps of a plan, as a line: "product(diagram, diagram)".
    static func shape(_ plan: EvaluationPlan) -> String {
        switch plan.step {
        case .diagram: return "diagram"
        case .product(let parts): return "product(" + parts.map(shape).joined(separator: ", ") + ")"
        case .atLeast(let k, let members): return "atLeast\(k)(" + members.map(shape).joined(separator: ", ") + ")"
        case .sharedDiagrams: return "sharedDiagrams"
        case .conditioned(_, _, let given): return "conditioned(" + shape(given) + ")"
        case .noExactRoute: return "noExactRoute"
        }
    }

    static func expectExact(_ figure: TermsFigure, _ truth: Double, _ label: String) {
        #expect(figure.isExact, "\(label)")
        #expect(Closeness.relative(figure.interval.lower.down, truth, within: 1e-12)
                && Closeness.relative(figure.interval.upper.down, truth, within: 1e-12), "\(label): \(figure.interval) vs \(truth)")
    }

    /// a, b and c share nothing: a product of three diagrams, Q = 1 − Π A_i, as brute force has it;
    /// the planner plans the same.
    @Test func productOfDiagrams() throws {
        var fixture = try Fixture()
        let terms = ConjunctionTerms(factors: ["a", "b", "c"].map(fixture.root), groups: [])
        let plan = EvaluationPlan(terms: terms, step: .product(["a", "b", "c"].map(fixture.diagram)), reason: "built by hand")
        let figure = try fixture.run(plan)
        Self.expectExact(figure, fixture.atLeast(3, of: ["a", "b", "c"]), "product")
        #expect(figure.plan.kind == .product && figure.plan.parts?.count == 3)
        #expect(Self.shape(fixture.planned(terms)) == "product(diagram, diagram, diagram)")
    }

    /// Two of a, b, c: a Poisson-binomial of the three diagrams' figures.
    @Test func atLeastKOfIndependentParts() throws {
        var fixture = try Fixture()
        let terms = ConjunctionTerms(factors: [], groups: [.init(k: 2, members: ["a", "b", "c"].map(fixture.terms))])
        let plan = EvaluationPlan(terms: terms, step: .atLeast(k: 2, members: ["a", "b", "c"].map(fixture.diagram)), reason: "built by hand")
        let figure = try fixture.run(plan)
        Self.expectExact(figure, fixture.atLeast(2, of: ["a", "b", "c"]), "two of three")
        #expect(figure.plan.kind == .atLeast)
        #expect(Self.shape(fixture.planned(terms)) == "atLeast2(diagram, diagram, diagram)")
    }

    /// x and y share `shared`: conditioned on it by name, each state a product (both needed) or
    /// an at-least-1 (either), which given `shared` are independent. The planner conditions
    /// inside one enumeration instead; both agree with brute force.
    @Test func conditioningOnNamedComponents() throws {
        var fixture = try Fixture()
        let shared = fixture.level("shared")
        let both = ConjunctionTerms(factors: [fixture.root("x"), fixture.root("y")], groups: [])
        let either = ConjunctionTerms(factors: [], groups: [.init(k: 1, members: [fixture.terms("x"), fixture.terms("y")])])
        let cases: [(ConjunctionTerms, EvaluationPlan.Step, Int)] = [
            (both, .product([fixture.diagram("x"), fixture.diagram("y")]), 2),
            (either, .atLeast(k: 1, members: [fixture.diagram("x"), fixture.diagram("y")]), 1),
        ]
        for (terms, given, k) in cases {
            let plan = EvaluationPlan(terms: terms, step: .conditioned(shared: [shared], candidates: [shared],
                                                                       given: EvaluationPlan(terms: terms, step: given, reason: "built by hand")),
                                      reason: "built by hand")
            let figure = try fixture.run(plan)
            let truth = fixture.atLeast(k, of: ["x", "y"])
            Self.expectExact(figure, truth, "conditioned, \(k) of 2")
            #expect(figure.plan.kind == .conditioned && figure.plan.components == ["shared"])
            #expect(figure.conditioning?.states == 2)
            let planned = fixture.planned(terms)
            #expect(Self.shape(planned) == "sharedDiagrams")
            Self.expectExact(try fixture.run(planned), truth, "one enumeration, \(k) of 2")
        }
    }

    /// Regions that each need k of their zones and a DNS they all share: the planner conditions
    /// on the DNS across levels and plans the now independent regions below it.
    @Test func sharedDNSIsConditionedOnAcrossLevels() throws {
        var rng = SplitMix64(seed: 48)
        let model = RandomZonedRegions.make(&rng, sharedDNS: true)
        let engine = AvailabilityAnalysis(model, budget: NestedGroupTests.forced)
        let terms = engine.structure.terms(of: engine.structure.objectives[0])
        var planner = FigurePlanner(engine.structure.bdd, variables: engine.compiled.variables(.callers))
        let plan = planner.plan(terms)
        let dns = engine.structure.componentAtLevel.firstIndex(of: engine.structure.indexOf["dns"]!)!
        func conditioned(_ plan: EvaluationPlan) -> [Int] {
            switch plan.step {
            case .conditioned(let shared, _, let given): return shared + conditioned(given)
            case .product(let parts): return parts.flatMap(conditioned)
            case .atLeast(_, let members): return members.flatMap(conditioned)
            case .diagram, .sharedDiagrams, .noExactRoute: return []
            }
        }
        #expect(conditioned(plan).contains(dns), "\(Self.shape(plan))")
        var budget = EvaluationBudget.standard(components: model.components.count)
        let figure = try #require(engine.compiled.evaluate(plan, view: .callers, budget: &budget))
        var reference = BruteForce(model)
        let truth = reference.figure(requiring: model.objectives[0].components).probability.down
        Self.expectExact(figure, truth, Self.shape(plan))
    }

    /// The 60-service reference pool's shop, planned once and run under three budgets: the chain
    /// exact → bounded → sampled → bounds only is walked one step per budget taken away, and every
    /// figure's certified interval holds the exact value.
    @Test func aBudgetThatRunsOutFallsBackOneStep() throws {
        let file = FigureMethodTests.pools[0].file
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        let truth = FigureMethodTests.pools[0].unavailability
        let engine = AvailabilityAnalysis(model, scope: .objectivesOnly)
        let targets = model.objectives[0].components.compactMap { engine.structure.indexOf[$0] }
        var planner = FigurePlanner(engine.structure.bdd, variables: engine.compiled.variables(.callers))
        let plan = planner.plan(engine.structure.terms(of: engine.structure.objectives[0]))
        func figure(_ budget: EvaluationBudget) -> (FlowFigures, EvaluationBudget) {
            var left = budget
            return (engine.compiled.figure(named: "shop", plan: plan, targets: targets, view: .callers, budget: &left), left)
        }
        let roomy = EvaluationBudget.standard(components: model.components.count)
        // The fallback's recorded route, nil for the plan's own (exact or cut short).
        let steps: [(EvaluationBudget, FigureMethod, FigurePlan.Kind?, Int)] = [
            (roomy, .exact, nil, 64),
            (EvaluationBudget(work: roomy.work, enumerationWork: 1), .bounded, nil, 64),   // enumeration cut short
            (EvaluationBudget(work: 0), .estimated, .sampled, 63),                          // no enumeration at all
            (EvaluationBudget(work: 0, sampledFigures: 0), .bounded, .boundsOnly, 0),       // nor sampling
        ]
        for (budget, method, fallback, samplesLeft) in steps {
            let (flow, left) = figure(budget)
            let kind = try #require(flow.plan?.kind)
            #expect(flow.method == method, "\(budget)")
            if let fallback { #expect(kind == fallback, "\(budget)") } else { #expect(kind == .product || kind == .conditioned, "\(budget): \(kind)") }
            #expect(left.sampledFigures == samplesLeft, "\(budget)")
            if method == .exact {
                #expect(Closeness.relative(flow.probability.down, truth, within: 1e-12))
            } else {
                let interval = try #require(flow.interval)
                #expect(interval.lower.down <= truth * (1 + 1e-12) && truth <= interval.upper.down * (1 + 1e-12), "\(budget): \(interval)")
            }
        }
    }
}
