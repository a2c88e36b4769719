import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// Every valid model gets an answer, each figure with its method: one decision diagram (exact),
/// conditioning on shared components (exact to 1e-12, or a certified interval), or sampling.
@Suite struct FigureMethodTests {
    /// The shared-pool reference models (../shared/reference/pool) and their unavailability from
    /// `scripts/pool-reference.py`: every node state with at most 6 nodes down in 50-digit decimals;
    /// the rest, P(more than 6 down), is below 1e-19 of each figure.
    static let pools: [(file: String, unavailability: Double)] = [
        ("pool/pool-60x3-on-12.yaml", 1.0791498567173945120e-4),
        ("pool/pool-150x3-on-15.yaml", 1.1665181644747790858e-4),
        ("pool/pool-500x3-on-25.yaml", 1.5218038497757665831e-4),
    ]

    /// The 60-service reference pool and the standard evaluation budget with `enumerationWork` units.
    static func smallestPool(enumerationWork: Int) throws -> (SystemModel, EvaluationBudget) {
        let file = pools[0].file
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        var budget = EvaluationBudget.standard(components: model.components.count)
        budget.enumerationWork = enumerationWork
        return (model, budget)
    }

    @Test(arguments: pools.indices)
    func sharedPoolsAreAnsweredToTwelveDigits(index: Int) throws {
        let (file, expected) = Self.pools[index]
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        let analysis = AvailabilityAnalysis(model)
        guard case .conjunction = analysis.structure.objectives[0] else {
            Issue.record("\(file): the pool should be too large for one diagram")
            return
        }
        let shop = analysis.objective(0)
        #expect(shop.method == .exact, "\(file): \(shop.method)")
        #expect(Closeness.relative(shop.probability.down, expected, within: 1e-12), "\(file): \(shop.probability.down) vs \(expected)")
        #expect(Closeness.relative(shop.probability.up, 1 - expected, within: 1e-15))
        let conditioning = try #require(shop.conditioning)
        #expect(conditioning.components == model.components.filter { $0.name.hasPrefix("node") }.count)
        // The front end is the largest contributor; every node matters.
        #expect(shop.importance.first?.component == "frontend")
        #expect(shop.importance.filter { $0.component.hasPrefix("node") }.count == conditioning.components)
        #expect(shop.frequency != nil)
    }

    /// Small pools (nodes under services' replicas, racks under nodes) held as conjunctions by a
    /// tiny budget, against brute-force enumeration of every component state: availability within
    /// 1e-12, Birnbaum importance within 1e-12.
    @Test(arguments: [UInt64(11), 12, 13])
    func conditioningAgreesWithEnumerationOnRandomPools(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        // Two new nodes: a pod on its node fits, a service on its group of pods does not.
        let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 2, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        var conditioned = 0
        for number in 0..<30 {
            let model = RandomPools.make(&rng)
            let engine = AvailabilityAnalysis(model, budget: forced)
            var reference = BruteForce(model)
            conditioned += model.objectives.indices.filter { engine.objective($0).conditioning != nil }.count
            compareEveryFigure(engine, &reference, model: model, "seed \(seed) model \(number)")
        }
        #expect(conditioned >= 30)
    }

    /// Two methods' figures of the same thing: both exact, A within 1e-12, Q within 1e-13 and
    /// 1e-10 of itself, Birnbaum importance within 1e-12.
    func expectSameExactFigures(_ one: FlowFigures, _ other: FlowFigures, _ label: String) {
        #expect(one.method == .exact && other.method == .exact, "\(label): \(one.method) / \(other.method)")
        #expect(Closeness.absolute(one.probability.up, other.probability.up, within: 1e-12)
                && Closeness.absolute(one.probability.down, other.probability.down, within: 1e-13)
                && Closeness.relative(one.probability.down, other.probability.down, within: 1e-10),
                "\(label): \(one.probability) vs \(other.probability)")
        for importance in one.importance {
            let match = other.importance.first { $0.component == importance.component }?.birnbaum ?? 0
            #expect(Closeness.absolute(importance.birnbaum, match, within: 1e-12), "\(label): Birnbaum of \(importance.component)")
        }
    }

    /// Every objective, the system and every closure of `model` against brute force.
    func compareEveryFigure(_ engine: AvailabilityAnalysis, _ reference: inout BruteForce, model: SystemModel, _ label: String) {
        for (index, objective) in model.objectives.enumerated() {
            compare(engine.objective(index), reference.figure(requiring: objective.components), model: model, "\(label) \(objective.name)")
        }
        compare(engine.system(), reference.system(), model: model, "\(label) system")
        for component in model.components {
            let expected = reference.closure(of: component.name).probability
            let actual = engine.closure(of: component.name)!
            #expect(Closeness.absolute(actual.up, expected.up, within: 1e-12) && Closeness.absolute(actual.down, expected.down, within: 1e-12),
                    "\(label): closure of \(component.name) \(actual) vs \(expected)")
        }
    }

    func compare(_ engine: FlowFigures, _ reference: BruteForce.Figure, model: SystemModel, _ label: String) {
        #expect(engine.method == .exact, "\(label): \(engine.method)")
        #expect(Closeness.absolute(engine.probability.up, reference.probability.up, within: 1e-12)
                && Closeness.absolute(engine.probability.down, reference.probability.down, within: 1e-12),
                "\(label): \(engine.probability) vs \(reference.probability)")
        for (index, component) in model.components.enumerated() {
            let birnbaum = engine.importance.first { $0.component == component.name }?.birnbaum ?? 0
            #expect(Closeness.absolute(birnbaum, reference.birnbaum[index], within: 1e-12),
                    "\(label): Birnbaum of \(component.name) \(birnbaum) vs \(reference.birnbaum[index])")
        }
    }

    /// With almost no work allowed, conditioning stops early: the figure is a certified interval
    /// that contains the exact value, its best value lies inside it, and a gate judges it by its
    /// pessimistic end.
    @Test func conditioningUnderATightBudgetGivesACertifiedInterval() throws {
        let (model, budget) = try Self.smallestPool(enumerationWork: 1_000)
        let shop = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        let bounds = try #require(shop.interval)
        let expected = Self.pools[0].unavailability
        #expect(shop.method != .exact)
        #expect(bounds.lower.down <= expected * (1 + 1e-12) && expected <= bounds.upper.down * (1 + 1e-12))
        #expect(shop.judged == (shop.method == .bounded ? bounds.upper : Probability(availability: shop.estimate!.low)))
        #expect(shop.judged.down >= shop.probability.down)
        let conditioning = try #require(shop.conditioning)
        #expect(conditioning.depth < 5)
    }

    /// With next to no work allowed, only the state with every shared node up is evaluated, and
    /// the interval is what that state and the factors certify: on the 60-service pool, the front
    /// end (Q = 1e-4) and 60 services, each down when two of its three pods-on-nodes are,
    /// Q_s = (1 − a)²(1 + 2a) with a = p_pod · p_node. The lower end is Q with every node up (more
    /// failures never help): 1 − 0.9999 · (1 − Q_s0)^60 with Q_s0 = q_pod²(3 − 2 q_pod); the upper
    /// end is the factors' sum 1e-4 + 60 Q_s.
    @Test func withoutWorkTheFirstStateAndTheFactorBoundsStand() throws {
        let (model, budget) = try Self.smallestPool(enumerationWork: 1)
        let shop = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        let podDown = (5.0 / 60) / (2000 + 5.0 / 60), nodeDown = 1.0 / 4001
        let pairDown = podDown + nodeDown - podDown * nodeDown   // 1 − a, without cancellation
        let service = pairDown * pairDown * (3 - 2 * pairDown)    // (1 − a)²(1 + 2a)
        let serviceOnLiveNodes = podDown * podDown * (3 - 2 * podDown)
        let allNodesUp = -expm1(log1p(-1e-4) + 60 * log1p(-serviceOnLiveNodes))
        let bounds = try #require(shop.interval)
        #expect(shop.method == .bounded)
        #expect(try #require(shop.conditioning).depth == 0)
        #expect(Closeness.relative(bounds.lower.down, allNodesUp, within: 1e-12), "\(bounds.lower.down) vs \(allNodesUp)")
        #expect(Closeness.relative(bounds.upper.down, 1e-4 + 60 * service, within: 1e-12), "\(bounds.upper.down)")
        #expect(bounds.lower.down <= Self.pools[0].unavailability && Self.pools[0].unavailability <= bounds.upper.down)
    }

    /// A state where some service is certainly down settles its whole subtree: on the 60-service
    /// pool every pair of nodes but a few carries a service's two replicas, so the enumeration is
    /// exact after two levels (a handful of states), where counting states by level would not be.
    @Test func certainlyDownStatesSettleTheirSubtrees() throws {
        let (model, budget) = try Self.smallestPool(enumerationWork: 1_000_000)
        let shop = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        let conditioning = try #require(shop.conditioning)
        #expect(shop.method == .exact)
        #expect(shop.interval!.upper.down == shop.interval!.lower.down || conditioning.depth <= 3)
        #expect(conditioning.states < 1 + 12 + 66 + 220)
    }

    /// A bounded figure as the text report shows it: its certified interval and what it is judged by.
    @Test func boundedFigureInTheTextReport() throws {
        let (model, budget) = try Self.smallestPool(enumerationWork: 1_000)
        let text = TextReportRenderer().render(ReportBuilder.availabilityReport(AvailabilityAnalysis(model, evaluation: budget)))
        let shop = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        let states = try #require(shop.conditioning).states
        #expect(shop.method == .bounded)
        #expect(text.contains("  bounded: unavailability certified in [\(String(format: "%.10g", try #require(shop.interval).lower.down)), "))
        #expect(text.contains("  shown: an estimate inside it; a target is judged by the upper end"))
        #expect(text.contains("  interval: conditioned on 12 shared components (\(Format.count(states)) states)"))
        #expect(Format.count(68_406) == "68,406" && Format.count(999) == "999" && Format.count(1_000_000) == "1,000,000")
    }

    /// The gate judges a bounded figure by its pessimistic end: a target between the optimistic
    /// end and that end fails, and the check says why.
    @Test func gateJudgesABoundedFigureByItsPessimisticEnd() throws {
        var (model, budget) = try Self.smallestPool(enumerationWork: 1_000)
        let shop = AvailabilityAnalysis(model, evaluation: budget).objective(0)
        let optimistic = try #require(shop.interval).lower.down
        #expect(shop.judged.down > optimistic && shop.judged.down >= shop.probability.down)
        let between = (optimistic + shop.judged.down) / 2
        model.objectives[0].target = Probability(up: 1 - between, down: between)
        let prediction = SLAPrediction(model, full: AvailabilityAnalysis(model, evaluation: budget))
        #expect(prediction.objectives[0].holds() == false)
        #expect(prediction.objectives[0].judgedUnavailability == shop.judged.down)
        let text = CheckTextRenderer().render(CheckReportBuilder.checkReport(prediction))
        #expect(text.contains("FAIL  shop"))
        #expect(text.contains("judged by the"), "\(text)")
        // A target at the pessimistic end itself holds.
        model.objectives[0].target = Probability(up: 1 - shop.judged.down, down: shop.judged.down)
        #expect(SLAPrediction(model, full: AvailabilityAnalysis(model, evaluation: budget)).objectives[0].holds() == true)
    }

    /// An enumeration cut short whose interval is wider than the figure shows a Monte Carlo
    /// estimate; the figure's importance shares are of that value (Importance: criticality / Q),
    /// not of the remainder estimate it does not show (and no longer samples). The largest
    /// reference pool, its system figure enumerated at level 0 only.
    @Test func anEstimatedFiguresSharesAreOfTheValueShown() throws {
        let file = Self.pools[2].file
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        let system = AvailabilityAnalysis(model, evaluation: EvaluationBudget(work: 1_000_000, enumerationWork: 1)).system()
        #expect(system.method == .estimated)
        #expect(system.plan?.reason == "the enumeration's interval is wider than the figure itself")
        #expect(!system.importance.isEmpty)
        for importance in system.importance {
            #expect(Closeness.relative(importance.criticalityImportance, importance.criticality / system.probability.down, within: 1e-12),
                    "\(importance.component)")
        }
    }

    /// Conditioning work is shared by the whole analysis: a model with many conjunctions cannot
    /// spend the per-figure budget on each of them (a pipeline must not stall); once it is used
    /// up, the remaining figures are sampled, and say so.
    @Test func conditioningWorkIsSharedByTheWholeAnalysis() throws {
        let file = Self.pools[1].file
        let model = try TestModels.load(try Fixtures.text(file), file: file)
        var budget = CompilationBudget.standard(for: model)
        budget.closureNodes = 0   // every closure with a dependency is a conjunction
        let analysis = AvailabilityAnalysis(model, budget: budget, evaluation: EvaluationBudget(work: 8_000, enumerationWork: 2_000))
        let methods = Set(analysis.closures.map(\.method))
        #expect(methods.contains(.estimated))
        #expect(analysis.closures.filter { $0.method == .exact }.count > 100)
    }

    /// The whole analysis' evaluation work grows with the model: 20,000 units per component,
    /// between one enumeration's budget (5e7) and four.
    @Test(arguments: [(100, 50_000_000), (2_500, 50_000_000), (5_000, 100_000_000), (10_000, 200_000_000), (50_000, 200_000_000)])
    func analysisWorkGrowsWithTheModel(components: Int, expected: Int) {
        let budget = EvaluationBudget.standard(components: components)
        #expect(budget.enumerationWork == 50_000_000)
        #expect(budget.work == expected)
    }

    /// A redundancy group whose members are conjunctions (regions, each on its own pool of nodes)
    /// is conditioned too: every figure exact, against brute-force enumeration, availability and
    /// Birnbaum importance within 1e-12. With a DNS every region needs, the regions are conditioned
    /// together (`ConditionedGroups`); with one DNS per region they share nothing and each is
    /// evaluated alone (`FigurePlanner`, `PlanEvaluator`).
    @Test(arguments: [(UInt64(31), true), (32, true), (33, true), (34, false), (35, false)])
    func groupsOfConjunctionsAgreeWithEnumeration(seed: UInt64, sharedDNS: Bool) {
        var rng = SplitMix64(seed: seed)
        // Budgets that hold each region's front (and only that) as a conjunction.
        let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: sharedDNS ? 2 : 1, objectiveNodes: 0, systemNodes: 0,
                                       totalNodes: .max)
        var grouped = 0
        for number in 0..<12 {
            let model = RandomRegions.make(&rng, sharedDNS: sharedDNS)
            let engine = AvailabilityAnalysis(model, budget: forced)
            var reference = BruteForce(model)
            let label = "seed \(seed) model \(number)"
            if case .conjunction(_, _, let groups) = engine.structure.closure[engine.structure.indexOf["front"]!], !groups.isEmpty { grouped += 1 }
            compareEveryFigure(engine, &reference, model: model, label)
            // The cheap bounds from the parts alone (Markov's for the group) hold the exact figure.
            let parts = engine.compiled.factorBounds(engine.structure.terms(of: engine.structure.objectives[0]), view: .callers)
            let truth = reference.figure(requiring: model.objectives[0].components).probability.down
            #expect(parts.lower.down <= truth * (1 + 1e-12) && truth <= parts.upper.down * (1 + 1e-12), "\(label): \(parts.lower.down) ≤ \(truth) ≤ \(parts.upper.down)")
            // Single points of failure through the group, against the structure function.
            let targets = model.objectives[0].components.compactMap { engine.structure.indexOf[$0] }
            #expect(engine.singlePointsOfFailure(objective: 0) == engine.structure.singleFailures(targets: targets).map { engine.structure.names[$0] },
                    "\(label)")
        }
        #expect(grouped == 12)
    }

    /// The same shape, larger (three regions, two needed), against one diagram built with a roomy
    /// budget.
    @Test func groupsOfConjunctionsAgreeWithOneDiagram() {
        var rng = SplitMix64(seed: 34)
        let roomy = CompilationBudget(groupNodes: 10_000_000, closureNodes: 10_000_000, objectiveNodes: 10_000_000,
                                      systemNodes: 10_000_000, totalNodes: 100_000_000)
        let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 2, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        for number in 0..<4 {
            let model = RandomRegions.make(&rng, regions: 3, nodes: 3...4, services: 2...4, limit: 200)
            expectSameExactFigures(AvailabilityAnalysis(model, budget: roomy).objective(0),
                                   AvailabilityAnalysis(model, budget: forced).objective(0), "model \(number)")
        }
    }

    /// Two stacks of two pods on one node behind a front door: the front door's group is over
    /// members that hold groups of conjunctions themselves (with a budget that holds every closure
    /// with a dependency as a conjunction), and the node is shared across them.
    static let twoStacks = """
            version: 1
            system: two stacks
            components:
              node: { availability: 90% }
              a1: { availability: 95%, depends_on: [node] }
              a2: { availability: 95%, depends_on: [node] }
              b1: { availability: 95%, depends_on: [node] }
              b2: { availability: 95%, depends_on: [node] }
              a: { availability: 95%, depends_on: [{ any: [a1, a2] }] }
              b: { availability: 95%, depends_on: [{ any: [b1, b2] }] }
              front: { availability: 99%, depends_on: [{ any: [a, b] }] }

            """

    /// A redundancy group over members held as conjunctions that have groups of their own is
    /// conditioned across levels on the node the members share (`SharedConditioning`): exact.
    @Test func groupOverConjunctionsIsConditionedAcrossLevels() throws {
        let model = try TestModels.load(Self.twoStacks + """
              objectives:
                front: { at: front, target: 90% }
              """)
        let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 0, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        let analysis = AvailabilityAnalysis(model, budget: forced)
        let figure = analysis.objective(0)
        #expect(figure.method == .exact)
        // Given the node, a stack is up with 0.95 · (1 − 0.05²); the front needs one of two.
        let stack = 0.95 * (1 - 0.05 * 0.05)
        let exact = 0.99 * 0.9 * (1 - (1 - stack) * (1 - stack))
        #expect(abs(figure.probability.up - exact) < 1e-15, "\(figure.probability.up) vs \(exact)")
        #expect(figure.conditioning?.components == 1)
        let a = try #require(analysis.closures.indices.first { analysis.structure.names[$0] == "a" })
        #expect(analysis.closures[a].method == .exact)
        #expect(abs(analysis.closures[a].probability.up - 0.9 * stack) < 1e-15)
        #expect(analysis.singlePointsOfFailure(objective: 0) == ["node", "front"])
    }

    /// A group whose own diagram outgrows its budget (here: none allowed) is sampled, and so is
    /// everything above it: the estimate lies inside the certified interval from the structure.
    @Test func groupOverBudgetIsEstimated() throws {
        let model = try TestModels.load(Self.twoStacks + """
              objectives:
                front: { at: front, target: 90% }
              """)
        let overBudget = CompilationBudget(groupNodes: 0, closureNodes: 1_000_000, objectiveNodes: 1_000_000, systemNodes: 1_000_000,
                                           totalNodes: .max)
        let analysis = AvailabilityAnalysis(model, budget: overBudget)
        let figure = analysis.objective(0)
        #expect(figure.method == .estimated)
        let estimate = try #require(figure.estimate)
        let exact = AvailabilityAnalysis(model).objective(0).probability.up
        #expect(estimate.low <= exact && exact <= estimate.high, "\(estimate) vs \(exact)")
        #expect(figure.judged.up == estimate.low)
        // The structure function still names the single points of failure.
        #expect(analysis.singlePointsOfFailure(objective: 0) == ["node", "front"])
    }

    /// Never a bare sampled zero: a group over budget (so sampled) under a front door of
    /// unavailability 1e-5 and a node of 1e-4, with pods so reliable that 20,480 samples see no
    /// outage of the group. The estimate is clamped into the structure's certified interval: Q at
    /// least the front door's 1e-5 (every path needs it; the node is needed too, but only through
    /// the group, which the trivial bound does not look into), at most 1 − Π p over everything
    /// reached.
    @Test func aSampledFigureNeverFallsBelowWhatTheStructureProves() throws {
        let (model, overBudget) = try Self.rareGroupOverBudget()
        let figure = AvailabilityAnalysis(model, budget: overBudget).objective(0)
        #expect(figure.method == .estimated)
        let estimate = try #require(figure.estimate)
        let bounds = try #require(figure.interval)
        let needed = 1e-5
        // The structure's interval, narrowed (`associationBounds`, the likeliest cut sets' union):
        // the cut sets {front}, {node}, {a1, a2} are all of them, so their union is Q itself.
        #expect(bounds.lower.down >= needed)
        #expect(bounds.upper.down <= (1 - (1 - 1e-5) * (1 - 1e-4) * (1 - 1e-7) * (1 - 1e-7)) + 1e-15)
        #expect(estimate.availability <= bounds.lower.up && estimate.high <= bounds.lower.up)
        #expect(figure.probability.down >= needed * (1 - 1e-12), "\(figure.probability)")
        let exact = AvailabilityAnalysis(model).objective(0).probability
        #expect(bounds.upper.down >= exact.down && exact.down >= bounds.lower.down * (1 - 1e-12))
        #expect(abs(bounds.lower.down - exact.down) <= 1e-12 * exact.down)
    }

    /// A group over budget (so sampled) under a front door of 1e-5 and a node of 1e-4, with pods so
    /// reliable that 20,480 samples see no outage of the group.
    static func rareGroupOverBudget() throws -> (SystemModel, CompilationBudget) {
        let model = try TestModels.load("""
            version: 1
            system: rare
            components:
              node: { availability: 99.99% }
              a1: { availability: 99.99999%, depends_on: [node] }
              a2: { availability: 99.99999%, depends_on: [node] }
              front: { availability: 99.999%, depends_on: [{ any: [a1, a2] }] }
            objectives:
              front: { at: front, target: 99.9% }
            """)
        let overBudget = CompilationBudget(groupNodes: 0, closureNodes: 1_000_000, objectiveNodes: 1_000_000, systemNodes: 1_000_000,
                                           totalNodes: .max)
        return (model, overBudget)
    }

    /// The same model, every figure of its report (the objective and the whole system, both
    /// sampled): none is below its certified lower unavailability or above the upper one, and the
    /// JSON interval's ends say which is which (`minUnavailability` the smaller, the deprecated
    /// `lowerUnavailability` the larger: the same ends named by their availability).
    @Test func noReportedFigureLeavesItsCertifiedInterval() throws {
        let (model, overBudget) = try Self.rareGroupOverBudget()
        let report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model, budget: overBudget))
        #expect(report.figures.count == 2)
        for figure in report.figures {
            #expect(figure.method == FigureMethod.estimated.rawValue, "\(figure.name)")
            let interval = try #require(figure.interval, "\(figure.name)")
            #expect(interval.minUnavailability >= 1e-5 * (1 - 1e-12), "\(figure.name): the front door alone is 1e-5")
            #expect(interval.minUnavailability <= figure.unavailability && figure.unavailability <= interval.maxUnavailability,
                    "\(figure.name): \(figure.unavailability) outside [\(interval.minUnavailability), \(interval.maxUnavailability)]")
            let estimate = try #require(figure.estimate)
            #expect(interval.minAvailability <= estimate.low && estimate.high <= interval.maxAvailability)
            #expect(interval.lowerUnavailability == interval.maxUnavailability && interval.upperUnavailability == interval.minUnavailability)
            #expect(interval.lowerAvailability == interval.minAvailability && interval.upperAvailability == interval.maxAvailability)
        }
    }

    /// An analysis samples at most `sampledFigures` figures: past them a figure no exact method
    /// reached keeps its certified interval alone (here: all of its targets up, so at most the
    /// least available target's own figure), and that interval holds the exact value.
    @Test func samplingIsSharedByTheWholeAnalysis() throws {
        var yaml = Self.twoStacks
        for user in 0..<8 { yaml += "  user\(user): { availability: 99.9%, depends_on: [front] }\n" }
        let model = try TestModels.load(yaml)
        let budget = CompilationBudget(groupNodes: 0, closureNodes: 1_000_000, objectiveNodes: 1_000_000, systemNodes: 1_000_000,
                                       totalNodes: .max)
        var evaluation = EvaluationBudget.standard(components: model.components.count)
        evaluation.sampledFigures = 3
        let analysis = AvailabilityAnalysis(model, budget: budget, evaluation: evaluation)
        let exact = AvailabilityAnalysis(model)
        let sampled = analysis.closures.indices.filter { model.components[$0].name.hasPrefix("user") || model.components[$0].name == "front" }
        #expect(sampled.filter { analysis.closures[$0].method == .estimated }.count <= 3)
        let bounded = sampled.filter { analysis.closures[$0].method == .bounded }
        #expect(bounded.count >= 6)
        for index in bounded {
            let truth = try #require(exact.closure(of: model.components[index].name)).up
            // The certified interval, shown as its midpoint: availability at most the product of
            // what every path needs through plain dependencies (the component and `front`), at
            // least the product of everything it reaches.
            let bounds = try #require(analysis.figure(named: "x", requiring: [model.components[index].name]).interval)
            #expect(bounds.upper.up <= truth && truth <= bounds.lower.up, "\(bounds) vs \(truth)")
            let own = OwnAvailability(model.components[index]).probability.up
            // At least as narrow (association bounds, the likeliest cut sets' union narrow it).
            #expect(bounds.lower.up <= (model.components[index].name == "front" ? own : own * 0.99) + 1e-15)
            #expect(abs(analysis.closures[index].probability.up - (bounds.upper.up + bounds.lower.up) / 2) < 1e-15)
        }
    }

    /// The sampler re-evaluates only what lies above each failure; on random models (k-of-n groups,
    /// shared dependencies, replicas) its estimate must agree with the exact system figure.
    @Test func samplingAgreesWithTheExactSystemFigureOnRandomModels() throws {
        var rng = SplitMix64(seed: 2026)
        for index in 0..<40 {
            let model = RandomModels.make(&rng, index: index)
            let analysis = AvailabilityAnalysis(model)
            let exact = analysis.system().probability
            let sampling = SystemSampling(structure: analysis.structure, figures: analysis.effective.map(\.masked.probability))
            let (up, samples) = sampling.systemUpCount(seed: UInt64(index + 1))
            let estimate = Double(up) / Double(samples)
            let sigma = max((exact.up * exact.down / Double(samples)).squareRoot(), 1 / Double(samples))
            #expect(abs(estimate - exact.up) < 4.5 * sigma, "model \(index): estimate \(estimate), exact \(exact.up)")
        }
    }

    @Test func samplingIsDeterministicAndStopsOnItsWorkBudget() throws {
        let model = try TestModels.load(try Fixtures.text(Self.pools[0].file))
        let sampling = SystemSampling(structure: CompiledStructure(model),
                                      figures: model.components.map { EffectiveAvailability($0).masked.probability })
        #expect(sampling.systemUpCount(seed: 7) == sampling.systemUpCount(seed: 7))
        #expect(sampling.systemUpCount(seed: 7).samples == SystemSampling.samples)
        #expect(sampling.systemUpCount(samples: 3000, seed: 7).samples == 3000)
    }

    /// The estimate drawn on another thread gives the inline draw's counts (same samples, same
    /// seed), and a cancelled draw stops and is never read.
    @Test func backgroundEstimateMatchesTheInlineDrawAndCancels() throws {
        var rng = SplitMix64(seed: 99)
        let model = RandomModels.make(&rng, index: 3)
        let analysis = AvailabilityAnalysis(model)
        let sampling = SystemSampling(structure: analysis.structure, figures: analysis.effective.map(\.masked.probability))
        let background = BackgroundSystemEstimate { stop in sampling.systemUpCount(seed: 5, stop: stop) }
        let counts = try #require(background.counts())
        #expect(counts == sampling.systemUpCount(seed: 5))
        #expect(try #require(background.counts()) == counts)   // asking again does not block

        let release = DispatchSemaphore(value: 0)
        let blocked = BackgroundSystemEstimate { stop in
            release.wait()   // the draw has not begun when cancel() is called
            return sampling.systemUpCount(seed: 5, stop: stop)
        }
        blocked.cancel()
        release.signal()
        #expect(blocked.counts() == nil)
        #expect(sampling.systemUpCount(seed: 5, stop: { true }).samples == 0)

        // Letting go of an estimate nobody read stops its draw.
        let ended = DispatchSemaphore(value: 0)
        do {
            _ = BackgroundSystemEstimate { stop in
                var batches = 0
                while batches < 500_000_000 {   // tens of seconds unless stopped
                    if stop() { ended.signal(); break }
                    batches += 1
                }
                return (0, batches)
            }
        }
        #expect(ended.wait(timeout: .now() + 5) == .success)
    }

    /// A model large enough for the speculative draw whose system figure is one diagram: the draw
    /// is cancelled and the figure is exact (2,000 independent front doors: A = Π a_i).
    @Test func largeModelWithAnExactSystemFigureIgnoresTheBackgroundDraw() {
        let count = AvailabilityAnalysis.backgroundEstimateComponents
        let model = TestModels.model((0..<count).map { TestModels.component("door\($0)", down: 1e-6) })
        let system = AvailabilityAnalysis(model).system()
        #expect(system.method == .exact && system.interval == nil && system.estimate == nil)
        let expectedDown = -expm1(Double(count) * log1p(-1e-6))
        #expect(abs(system.probability.down - expectedDown) < 1e-12 * expectedDown)
    }

    /// A tangle of 2-of-3 groups over shared leaves, once refused as too large: now answered, and
    /// the same with a roomy budget and with none (everything conditioned).
    /// Above brute force's reach: random pools of 30 to 130 components, each figure from one
    /// diagram (a roomy budget) and by conditioning (every closure above a pod held as a
    /// conjunction), agree within 1e-12 in availability, unavailability and Birnbaum importance.
    @Test(arguments: [UInt64(21), 22])
    func conditioningAgreesWithOneDiagramOnLargerPools(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let roomy = CompilationBudget(groupNodes: 1_000_000, closureNodes: 10_000_000, objectiveNodes: 10_000_000,
                                      systemNodes: 10_000_000, totalNodes: 100_000_000)
        let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 2, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        for number in 0..<6 {
            let model = RandomPools.draw(&rng, racks: 0...3, nodes: 5...9, services: 8...30)
            let diagram = AvailabilityAnalysis(model, budget: roomy)
            let conditioned = AvailabilityAnalysis(model, budget: forced)
            let label = "seed \(seed) model \(number) (\(model.components.count) components)"
            #expect(conditioned.objective(0).conditioning != nil, "\(label)")
            let pairs = model.objectives.indices.map { (diagram.objective($0), conditioned.objective($0)) } + [(diagram.system(), conditioned.system())]
            for (one, other) in pairs { expectSameExactFigures(one, other, label) }
        }
    }

    @Test func tangledModelIsAnsweredByEveryMethodAlike() throws {
        var rng = SplitMix64(seed: 5)
        var yaml = "version: 1\nsystem: tangle\ncomponents:\n"
        for leaf in 0..<16 { yaml += "  l\(leaf): { availability: 99.9% }\n" }
        var groups: [String] = []
        for group in 0..<40 {
            let members = (0..<3).map { _ in "l\(rng.below(16))" }
            guard Set(members).count == 3 else { continue }
            groups.append("g\(group)")
            yaml += "  g\(group): { availability: 99.99%, depends_on: [{k_of: {k: 2, of: [\(members.joined(separator: ", "))]}}] }\n"
        }
        yaml += "  top: { availability: 99.9%, depends_on: [\(groups.joined(separator: ", "))] }\n"
        yaml += "objectives:\n  everything: { path: [\(groups.joined(separator: ", "))] }\n"
        let model = try TestModels.load(yaml, file: "tangle.yaml")
        let roomy = AvailabilityAnalysis(model)
        var tight = CompilationBudget.standard(for: model)
        tight.closureNodes = 0
        tight.objectiveNodes = 0
        let conditioned = AvailabilityAnalysis(model, budget: tight)
        for (a, b) in [(roomy.objective(0), conditioned.objective(0)), (roomy.system(), conditioned.system())] {
            #expect(a.method == .exact && b.method == .exact)
            #expect(Closeness.relative(a.probability.down, b.probability.down, within: 1e-12), "\(a.probability) vs \(b.probability)")
        }
        #expect(conditioned.objective(0).conditioning != nil)
    }
}

/// Random regions behind one front door: each region a front needing its services (2 pods each,
/// on distinct nodes of the region's own pool, k of them needed) and a DNS all regions share; the
/// front door needs k of the regions.
enum RandomRegions {
    static func make(_ rng: inout SplitMix64, regions: Int = 2, nodes nodeRange: ClosedRange<Int> = 2...2,
                     services serviceRange: ClosedRange<Int> = 1...2, sharedDNS: Bool = true, limit: Int = 15) -> SystemModel {
        while true {
            var components = sharedDNS ? [TestModels.component("dns", down: RandomPools.figure(&rng))] : []
            var fronts: [String] = []
            for region in 0..<regions {
                let nodes = rng.int(in: nodeRange)
                for node in 0..<nodes { components.append(TestModels.component("r\(region)n\(node)", down: RandomPools.figure(&rng))) }
                var services: [String] = []
                for service in 0..<rng.int(in: serviceRange) {
                    let placed = Array(0..<nodes).shuffled(using: &rng).prefix(2)
                    let pods = placed.enumerated().map { "r\(region)s\(service)p\($0.offset)" }
                    for (pod, node) in zip(pods, placed) {
                        components.append(TestModels.component(pod, down: RandomPools.figure(&rng), dependsOn: [TestModels.on("r\(region)n\(node)")]))
                    }
                    let name = "r\(region)s\(service)"
                    components.append(TestModels.component(name, down: 0, dependsOn: [TestModels.kOf(rng.int(in: 1...2), pods)]))
                    services.append(name)
                }
                let front = "r\(region)front"
                let dns = sharedDNS ? "dns" : "r\(region)dns"
                if !sharedDNS { components.append(TestModels.component(dns, down: RandomPools.figure(&rng))) }
                components.append(TestModels.component(front, down: RandomPools.figure(&rng),
                                                       dependsOn: (services + [dns]).map { TestModels.on($0) }))
                fronts.append(front)
            }
            components.append(TestModels.component("front", down: 1e-4, dependsOn: [TestModels.kOf(rng.int(in: 1...(regions - 1)), fronts)]))
            guard components.count <= limit else { continue }
            let objectives = [Objective(name: "shop", measure: .availability, components: ["front"]),
                              Objective(name: "region", measure: .reliability, components: [fronts[0]])]
            return TestModels.model(components, objectives: objectives)
        }
    }
}

/// Random small pools for brute-force comparison: 2–5 nodes (sometimes on 1–2 racks), 2–4
/// services each with 2–3 pods on distinct nodes of which k are needed, and a front end; at most
/// 12 components, so enumerating every state stays quick.
enum RandomPools {
    static func make(_ rng: inout SplitMix64) -> SystemModel {
        while true {
            let model = draw(&rng)
            if model.components.count <= 12 { return model }
        }
    }

    static func draw(_ rng: inout SplitMix64, racks rackRange: ClosedRange<Int> = 0...2, nodes nodeRange: ClosedRange<Int> = 2...5,
                     services serviceRange: ClosedRange<Int> = 2...4) -> SystemModel {
        var components: [Component] = []
        let racks = rng.int(in: rackRange)
        for rack in 0..<racks { components.append(TestModels.component("rack\(rack)", down: figure(&rng))) }
        let nodes = rng.int(in: nodeRange)
        for node in 0..<nodes {
            let on = racks > 0 ? [TestModels.on("rack\(rng.below(racks))")] : []
            components.append(TestModels.component("node\(node)", down: figure(&rng), dependsOn: on))
        }
        let services = rng.int(in: serviceRange)
        var names: [String] = []
        for service in 0..<services {
            let pods = rng.int(in: 2...min(3, nodes))
            var placed = Array(0..<nodes).shuffled(using: &rng).prefix(pods)
            var members: [String] = []
            for pod in 0..<pods {
                let name = "s\(service)p\(pod)"
                components.append(TestModels.component(name, down: figure(&rng), dependsOn: [TestModels.on("node\(placed.removeFirst())")]))
                members.append(name)
            }
            let name = "s\(service)"
            components.append(TestModels.component(name, down: rng.chance(0.5) ? 0 : figure(&rng),
                                                   dependsOn: [TestModels.kOf(rng.int(in: 1...pods), members)]))
            names.append(name)
        }
        components.append(TestModels.component("front", down: figure(&rng), dependsOn: names.map { TestModels.on($0) }))
        let objectives = [Objective(name: "shop", measure: .availability, components: ["front"]),
                          Objective(name: "two", measure: .reliability, components: Array(names.prefix(2)))]
        return TestModels.model(components, objectives: objectives)
    }

    static func figure(_ rng: inout SplitMix64) -> Double { [1e-4, 1e-3, 0.01, 0.05, 0.2][rng.below(5)] }
}
