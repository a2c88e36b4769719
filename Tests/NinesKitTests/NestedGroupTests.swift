import Foundation
import Testing
@testable import NinesKit

/// Groups of groups of conjunctions — any of the regions, each k of its zones, each zone a small
/// pool — with and without a DNS every region needs: conditioning across levels
/// (`SharedConditioning`) and modules at any depth (`FigurePlanner`, `PlanEvaluator`) make every figure exact.
@Suite struct NestedGroupTests {
    /// Budgets that hold every closure with more than one diagram as a conjunction, so every zone,
    /// region and the front door are conjunctions (the shape of large generated models).
    static let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 0, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)

    /// Every figure (objectives, system, closures) against brute-force enumeration of every state
    /// (`BruteForce`, an independent reference): availability and Birnbaum importance within 1e-12.
    @Test(arguments: [(UInt64(41), true), (42, true), (43, true), (44, false), (45, false)])
    func zonedRegionsAgreeWithEnumeration(seed: UInt64, sharedDNS: Bool) {
        var rng = SplitMix64(seed: seed)
        var nested = 0
        for number in 0..<6 {
            let model = RandomZonedRegions.make(&rng, sharedDNS: sharedDNS)
            let engine = AvailabilityAnalysis(model, budget: Self.forced)
            var reference = BruteForce(model)
            let label = "seed \(seed) model \(number)"
            let terms = engine.structure.terms(of: engine.structure.objectives[0])
            if !terms.isFlat { nested += 1 }
            FigureMethodTests().compareEveryFigure(engine, &reference, model: model, label)
            let targets = model.objectives[0].components.compactMap { engine.structure.indexOf[$0] }
            #expect(engine.singlePointsOfFailure(objective: 0) == engine.structure.singleFailures(targets: targets).map { engine.structure.names[$0] },
                    "\(label)")
            let parts = engine.compiled.factorBounds(terms, view: .callers)
            let truth = reference.figure(requiring: model.objectives[0].components).probability.down
            #expect(parts.lower.down <= truth * (1 + 1e-12) && truth <= parts.upper.down * (1 + 1e-12), "\(label): \(parts.lower.down) ≤ \(truth) ≤ \(parts.upper.down)")
        }
        #expect(nested == 6)
    }

    /// Three regions of three zones (two regions needed), against one diagram built with a roomy
    /// budget: an independent method.
    @Test(arguments: [true, false])
    func zonedRegionsAgreeWithOneDiagram(sharedDNS: Bool) {
        var rng = SplitMix64(seed: sharedDNS ? 46 : 47)
        let roomy = CompilationBudget(groupNodes: 10_000_000, closureNodes: 10_000_000, objectiveNodes: 10_000_000,
                                      systemNodes: 10_000_000, totalNodes: 100_000_000)
        for number in 0..<3 {
            let model = RandomZonedRegions.make(&rng, sharedDNS: sharedDNS, regions: 3, zones: 3...3, limit: 40)
            let exact = AvailabilityAnalysis(model, budget: roomy)
            let nested = AvailabilityAnalysis(model, budget: Self.forced)
            #expect(!nested.structure.terms(of: nested.structure.objectives[0]).isFlat)
            FigureMethodTests().expectSameExactFigures(exact.objective(0), nested.objective(0), "model \(number)")
            FigureMethodTests().expectSameExactFigures(exact.system(), nested.system(), "model \(number) system")
        }
    }

    /// The states of the shared components by how many are down: P(more than d down), checked
    /// against the binomial tails of three components down with 0.1 each (hand computation:
    /// P(0) = 0.729, P(1) = 0.243, P(2) = 0.027, P(3) = 0.001).
    @Test func tailsOfTheSharedStates() {
        let tails = PlanEvaluator.countTails(q: [0.1, 0.1, 0.1], p: [0.9, 0.9, 0.9])
        let expected = [0.271, 0.028, 0.001, 0]
        for (tail, value) in zip(tails, expected) { #expect(abs(tail - value) < 1e-15, "\(tails)") }
    }

    /// Every subset of each size once, in order.
    @Test func subsetsInLexicographicOrder() {
        var subset = [0, 1]
        var seen = [subset]
        while PlanEvaluator.advance(&subset, below: 4) { seen.append(subset) }
        #expect(seen == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
        var empty: [Int] = []
        #expect(!PlanEvaluator.advance(&empty, below: 3))
    }
}

/// Random zoned regions behind one front door: per zone a node, a pod on it and a zone front that
/// needs the pod and the node (a conjunction sharing the node); per region a gateway that needs
/// k of its zones (and the DNS, when shared, else its own); the front door needs k of the regions.
/// Two regions of two zones (17 components at most, so enumerating every state stays quick), or,
/// for comparison with one diagram, more of each.
enum RandomZonedRegions {
    static func make(_ rng: inout SplitMix64, sharedDNS: Bool, regions: Int = 2, zones zoneRange: ClosedRange<Int> = 2...2,
                     limit: Int = 17) -> SystemModel {
        while true {
            var components = sharedDNS ? [TestModels.component("dns", down: RandomPools.figure(&rng))] : []
            var gateways: [String] = []
            for region in 0..<regions {
                var zones: [String] = []
                for zone in 0..<rng.int(in: zoneRange) {
                    let prefix = "r\(region)z\(zone)"
                    components.append(TestModels.component("\(prefix)node", down: RandomPools.figure(&rng)))
                    components.append(TestModels.component("\(prefix)pod", down: RandomPools.figure(&rng), dependsOn: [TestModels.on("\(prefix)node")]))
                    components.append(TestModels.component("\(prefix)front", down: RandomPools.figure(&rng),
                                                           dependsOn: [TestModels.on("\(prefix)pod"), TestModels.on("\(prefix)node")]))
                    zones.append("\(prefix)front")
                }
                let dns = sharedDNS ? "dns" : "r\(region)dns"
                if !sharedDNS { components.append(TestModels.component(dns, down: RandomPools.figure(&rng))) }
                components.append(TestModels.component("r\(region)gateway", down: RandomPools.figure(&rng),
                                                       dependsOn: [TestModels.on(dns), TestModels.kOf(rng.int(in: 1...zones.count), zones)]))
                gateways.append("r\(region)gateway")
            }
            components.append(TestModels.component("front", down: 1e-4, dependsOn: [TestModels.kOf(rng.int(in: 1...(regions - 1)), gateways)]))
            guard components.count <= limit else { continue }
            let objectives = [Objective(name: "shop", measure: .availability, components: ["front"]),
                              Objective(name: "region", measure: .reliability, components: [gateways[0]])]
            return TestModels.model(components, objectives: objectives)
        }
    }
}

/// A thousand components of the generated multi-region shape (two regions, each a gateway that
/// needs two of three zones and the DNS both share; each zone a front end needing 40 services of
/// three pods, two needed, on 10 nodes) against an oracle written here, independently of the
/// engine: each zone by enumerating all 2^10 states of its nodes (a service's pods are then
/// independent), the zones of a region by the binomial of two of three, and the DNS by hand
/// (it is needed by both regions: Q = q_door + p_door·(q_dns + p_dns·Q_r0·Q_r1)). Unavailability
/// first throughout; agreement within 1e-9 of Q.
@Suite struct MultiRegionOracleTests {
    static let nodeDown = 2.5e-4, podDown = 4e-5, frontDown = 1e-4, gatewayDown = 5e-5, dnsDown = 5e-5, doorDown = 1e-5

    @Test func thousandComponentsMatchTheOracle() throws {
        var rng = SplitMix64(seed: 7)
        var components: [Component] = [TestModels.component("dns", down: Self.dnsDown)]
        var zonePlacements: [[[Int]]] = []   // by zone: each service's three nodes
        var gateways: [String] = []
        for region in 0..<2 {
            var fronts: [String] = []
            for zone in 0..<3 {
                let prefix = "r\(region)z\(zone)-"
                for node in 0..<10 { components.append(TestModels.component("\(prefix)node\(node)", down: Self.nodeDown)) }
                var placements: [[Int]] = []
                var services: [String] = []
                for service in 0..<40 {
                    let nodes = Array(Array(0..<10).shuffled(using: &rng).prefix(3))
                    placements.append(nodes)
                    let pods = nodes.enumerated().map { "\(prefix)s\(service)p\($0.offset)" }
                    for (pod, node) in zip(pods, nodes) {
                        components.append(TestModels.component(pod, down: Self.podDown, dependsOn: [TestModels.on("\(prefix)node\(node)")]))
                    }
                    components.append(TestModels.component("\(prefix)s\(service)", down: 0, dependsOn: [TestModels.kOf(2, pods)]))
                    services.append("\(prefix)s\(service)")
                }
                components.append(TestModels.component("\(prefix)front", down: Self.frontDown, dependsOn: services.map { TestModels.on($0) }))
                fronts.append("\(prefix)front")
                zonePlacements.append(placements)
            }
            components.append(TestModels.component("r\(region)gateway", down: Self.gatewayDown,
                                                   dependsOn: [TestModels.on("dns"), TestModels.kOf(2, fronts)]))
            gateways.append("r\(region)gateway")
        }
        components.append(TestModels.component("frontdoor", down: Self.doorDown, dependsOn: [TestModels.any(gateways)]))
        let model = TestModels.model(components, objectives: [Objective(name: "shop", measure: .availability, components: ["frontdoor"])])
        #expect(model.components.count == 1030)

        let zones = zonePlacements.map(Self.zoneDown)
        let regions = (0..<2).map { region in
            let q = Array(zones[(3 * region)..<(3 * region + 3)])
            // At most one of three zones up: all down, or exactly one up.
            let twoOfThreeDown = q[0] * q[1] * q[2] + (1 - q[0]) * q[1] * q[2] + q[0] * (1 - q[1]) * q[2] + q[0] * q[1] * (1 - q[2])
            return Self.gatewayDown + (1 - Self.gatewayDown) * twoOfThreeDown
        }
        let oracle = Self.doorDown + (1 - Self.doorDown) * (Self.dnsDown + (1 - Self.dnsDown) * regions[0] * regions[1])

        let figure = AvailabilityAnalysis(model, scope: .objectivesOnly).objective(0)
        #expect(figure.method == .exact)
        #expect(Closeness.relative(figure.probability.down, oracle, within: 1e-9), "\(figure.probability.down) vs \(oracle)")
    }

    /// A zone's unavailability: Σ over its nodes' states D of P(D) · Q(front, services | D).
    static func zoneDown(_ placements: [[Int]]) -> Double {
        var total = 0.0
        for state in 0..<(1 << 10) {
            let downCount = state.nonzeroBitCount
            let probability = pow(nodeDown, Double(downCount)) * pow(1 - nodeDown, Double(10 - downCount))
            var logUp = 0.0   // Σ ln P(service up | D)
            for nodes in placements {
                let q = nodes.map { state & (1 << $0) != 0 ? 1 : podDown }
                // At most one of three pods up.
                let down = q[0] * q[1] * q[2] + (1 - q[0]) * q[1] * q[2] + q[0] * (1 - q[1]) * q[2] + q[0] * q[1] * (1 - q[2])
                logUp += down >= 1 ? -.infinity : log1p(-down)
            }
            let servicesDown = -expm1(logUp)
            total += probability * (frontDown + (1 - frontDown) * servicesDown)
        }
        return total
    }
}
