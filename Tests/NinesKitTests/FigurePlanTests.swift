import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// Each figure carries the route its evaluation took (`FigurePlan`): models built to take each
/// route, the plan checked against the route and against the figure's own method.
@Suite struct FigurePlanTests {
    /// Every step of a plan, depth first.
    static func steps(_ plan: FigurePlan) -> [FigurePlan] {
        [plan] + (plan.parts ?? []).flatMap(steps)
    }

    /// Budgets that hold every closure with a dependency as a conjunction (the shape of large models).
    static let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 0, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)

    static let twoStacksObjective = FigureMethodTests.twoStacks + """
          objectives:
            front: { at: front, target: 90% }
          """

    @Test func smallModelIsOneDiagram() throws {
        let figure = AvailabilityAnalysis(try TestModels.load(Self.twoStacksObjective)).objective(0)
        let plan = try #require(figure.plan)
        #expect(plan.kind == .diagram)
        #expect(plan.summary == "one diagram (\(figure.diagramSize) nodes)")
        #expect(plan.parts == nil)
    }

    /// The front door times a group whose members share the node: a product of two parts, the
    /// second conditioned on the node by name, each of its states one at least 1 of 2.
    @Test func sharedNodeIsConditionedOnByName() throws {
        let figure = AvailabilityAnalysis(try TestModels.load(Self.twoStacksObjective), budget: Self.forced).objective(0)
        #expect(figure.method == .exact)
        let plan = try #require(figure.plan)
        #expect(plan.kind == .product)
        #expect(plan.summary == "product of 2 independent parts")
        let conditioned = try #require(Self.steps(plan).first { $0.kind == .conditioned })
        #expect(conditioned.components == ["node"])
        #expect(conditioned.summary.hasPrefix("conditioned on shared components node (2 states enumerated)"))
        #expect(conditioned.parts?.first?.kind == .atLeast)
        #expect(conditioned.parts?.first?.summary == "at least 1 of 2 independent members (Poisson-binomial)")
    }

    /// Two stacks on nodes of their own: the stacks share nothing, so the front door's group is
    /// a Poisson-binomial of its members, and each member is conditioned on its own node alone.
    @Test func independentMembersArePoissonBinomial() throws {
        let model = try TestModels.load(Self.twoStacksObjective
            .replacingOccurrences(of: "b1: { availability: 95%, depends_on: [node] }", with: "b1: { availability: 95%, depends_on: [other] }")
            .replacingOccurrences(of: "b2: { availability: 95%, depends_on: [node] }", with: "b2: { availability: 95%, depends_on: [other] }")
            .replacingOccurrences(of: "  node: { availability: 90% }", with: "  node: { availability: 90% }\n  other: { availability: 90% }"))
        let figure = AvailabilityAnalysis(model, budget: Self.forced).objective(0)
        let plan = try #require(figure.plan)
        let group = try #require(Self.steps(plan).first { $0.kind == .atLeast })
        #expect(group.summary == "at least 1 of 2 independent members (Poisson-binomial)")
        let conditioned = Self.steps(plan).filter { $0.kind == .conditioned }
        #expect(conditioned.map(\.components) == [["node"], ["other"]])
        #expect(Self.steps(group).filter { $0.kind == .conditioned }.count == 2)
    }

    /// A flat conjunction of many diagrams over a shared pool of nodes (the 60-service reference
    /// pool): conditioned inside the conjunction, states as counted by the figure's conditioning.
    @Test func poolIsConditionedInsideTheConjunction() throws {
        let file = FigureMethodTests.pools[0].file
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        let figure = AvailabilityAnalysis(model).objective(0)
        let plan = try #require(figure.plan)
        let conditioned = try #require(Self.steps(plan).first { $0.kind == .conditioned })
        let states = try #require(figure.conditioning).states
        let nodes = model.components.filter { $0.name.hasPrefix("node") }.count
        #expect(conditioned.summary.hasPrefix("conditioned on \(nodes) shared components (node"))
        #expect(conditioned.components?.count == nodes)
        #expect(conditioned.summary.contains("(\(Format.count(states)) states enumerated"))
    }

    /// A group over budget is sampled inside the structural interval, and says how many samples.
    @Test func overBudgetIsSampled() throws {
        let overBudget = CompilationBudget(groupNodes: 0, closureNodes: 1_000_000, objectiveNodes: 1_000_000, systemNodes: 1_000_000,
                                           totalNodes: .max)
        let figure = AvailabilityAnalysis(try TestModels.load(Self.twoStacksObjective), budget: overBudget).objective(0)
        #expect(figure.method == .estimated)
        let plan = try #require(figure.plan)
        let samples = try #require(figure.estimate).samples
        #expect(plan.kind == .sampled)
        #expect(plan.summary.hasPrefix("sampled (\(Format.count(samples)) samples) inside the structural interval ["))
        #expect(plan.reason == "the structure did not compile within the node budget")
    }

    /// With no sampling left, the structural interval stands alone.
    @Test func withoutSamplingOnlyBounds() throws {
        let overBudget = CompilationBudget(groupNodes: 0, closureNodes: 1_000_000, objectiveNodes: 1_000_000, systemNodes: 1_000_000,
                                           totalNodes: .max)
        let figure = AvailabilityAnalysis(try TestModels.load(Self.twoStacksObjective), budget: overBudget,
                                          evaluation: EvaluationBudget(work: 1_000_000, sampledFigures: 0)).objective(0)
        #expect(figure.method == .bounded)
        let plan = try #require(figure.plan)
        #expect(plan.kind == .boundsOnly)
        #expect(plan.summary.hasPrefix("bounds only: the structural interval ["))
    }

    /// A product of many parts lists the first few and counts the rest.
    @Test func longPlansListAFewParts() {
        let part = FigurePlan.diagram(nodes: 3, whole: false)
        let plan = FigurePlan(.product, "product of 6 independent parts", reason: "", parts: Array(repeating: part, count: 6))
        #expect(plan.parts?.count == FigurePlan.shownParts)
        #expect(plan.partsNotShown == 6 - FigurePlan.shownParts)
    }
}
