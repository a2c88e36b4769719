import Testing
@testable import NinesKit

/// Minimal cut sets against a brute-force enumeration written here (every set of events, the
/// structure function evaluated directly on the model), and Fussell–Vesely against its definition.
@Suite struct MinimalCutSetTests {
    typealias T = TestModels

    /// The structure function straight from the model: a component is up when its own events
    /// leave it up (no common cause, fewer than n − k + 1 replicas down) and every requirement
    /// (a dependency, or k of a group's members) is up.
    struct BruteForce {
        let model: SystemModel
        /// Every event: (component, replica number or 0 for the component itself or -1 for common cause).
        var events: [(component: String, replica: Int)] {
            model.components.filter { OwnAvailability($0).probability.down > 0 }.flatMap { component -> [(String, Int)] in
                guard component.replicas > 1 else { return [(component.name, 0)] }
                return (1...component.replicas).map { (component.name, $0) } + (component.commonCause > 0 ? [(component.name, -1)] : [])
            }
        }

        func name(_ event: (component: String, replica: Int)) -> String {
            switch event.replica {
            case 0: return event.component
            case -1: return "\(event.component) (common cause)"
            default: return "\(event.component)[\(event.replica)]"
            }
        }

        func up(_ targets: [String], failed: Set<String>) -> Bool {
            var memo: [String: Bool] = [:]
            let byName = Dictionary(uniqueKeysWithValues: model.components.map { ($0.name, $0) })
            func isUp(_ name: String) -> Bool {
                if let known = memo[name] { return known }
                let component = byName[name]!
                var own: Bool
                if component.replicas > 1 {
                    let down = (1...component.replicas).filter { failed.contains("\(name)[\($0)]") }.count
                    own = !failed.contains("\(name) (common cause)") && down < component.replicas - component.needs + 1
                } else {
                    own = !failed.contains(name)
                }
                for dependency in component.dependencies where own {
                    switch dependency {
                    case .component(let other, _): own = isUp(other)
                    case .group(let k, let members, _): own = members.filter(isUp).count >= k
                    }
                }
                memo[name] = own
                return own
            }
            return targets.allSatisfy(isUp)
        }

        /// Every minimal cut set of "all targets up", as sorted event names.
        func minimalCutSets(_ targets: [String]) -> Set<[String]> {
            let names = events.map(name)
            var cuts: [Set<String>] = []
            for mask in 1..<(1 << names.count) {
                let failed = Set(names.indices.filter { mask & (1 << $0) != 0 }.map { names[$0] })
                guard !up(targets, failed: failed) else { continue }
                if failed.allSatisfy({ up(targets, failed: failed.subtracting([$0])) }) { cuts.append(failed) }
            }
            return Set(cuts.map { $0.sorted() })
        }
    }

    func listed(_ list: CutSetList) -> Set<[String]> { Set(list.cutSets.map { $0.events.sorted() }) }

    func cutSets(_ model: SystemModel, maxOrder: Int = 12, budget: CompilationBudget? = nil) -> MinimalCutSets {
        MinimalCutSets(AvailabilityAnalysis(model, budget: budget), maxOrder: maxOrder)
    }

    /// The bridge network (Rausand & Høyland, System Reliability Theory, 2nd ed., example 4.4):
    /// paths A–D, B–E, A–C–E, B–C–D; minimal cut sets {A, B}, {D, E}, {A, C, E}, {B, C, D}.
    static let bridge = T.model([
        T.component("A", down: 0.01), T.component("B", down: 0.02), T.component("C", down: 0.03),
        T.perfect("BC", dependsOn: [T.on("B"), T.on("C")]), T.perfect("AC", dependsOn: [T.on("A"), T.on("C")]),
        T.component("D", down: 0.04, dependsOn: [T.any(["A", "BC"])]),
        T.component("E", down: 0.05, dependsOn: [T.any(["B", "AC"])]),
        T.perfect("T", dependsOn: [T.any(["D", "E"])]),
    ], objectives: [Objective(name: "flow", measure: .availability, components: ["T"])])

    @Test func bridgeNetworkMatchesTheTextbookAndBruteForce() {
        let list = cutSets(Self.bridge).objectives[0]
        #expect(listed(list) == [["A", "B"], ["D", "E"], ["A", "C", "E"], ["B", "C", "D"]])
        #expect(listed(list) == BruteForce(model: Self.bridge).minimalCutSets(["T"]))
        #expect(!list.beyondOrder)
        // Probabilities: products of the components' unavailabilities.
        let ab = list.cutSets.first { $0.events == ["A", "B"] }!
        #expect(abs(ab.probability - 0.01 * 0.02) < 1e-18)
        #expect(abs(ab.share - 0.0002 / list.unavailability) < 1e-12)
    }

    /// A two-train system (two pump–valve trains in parallel, both pumps fed by one power supply):
    /// the single failure of the power, and one part of each train.
    static let twoTrains = T.model([
        T.component("power", down: 1e-4),
        T.component("P1", down: 1e-3, dependsOn: [T.on("power")]), T.component("P2", down: 1e-3, dependsOn: [T.on("power")]),
        T.component("V1", down: 2e-3), T.component("V2", down: 2e-3),
        T.perfect("train1", dependsOn: [T.on("P1"), T.on("V1")]), T.perfect("train2", dependsOn: [T.on("P2"), T.on("V2")]),
        T.perfect("plant", dependsOn: [T.any(["train1", "train2"])]),
    ], objectives: [Objective(name: "cooling", measure: .availability, components: ["plant"])])

    @Test func twoTrainSystemMatchesBruteForce() {
        let list = cutSets(Self.twoTrains).objectives[0]
        #expect(listed(list) == [["power"], ["P1", "P2"], ["P1", "V2"], ["P2", "V1"], ["V1", "V2"]])
        #expect(listed(list) == BruteForce(model: Self.twoTrains).minimalCutSets(["plant"]))
        #expect(list.cutSets.first?.events == ["power"])   // most probable first
    }

    /// 2 of 3 units, two of them on one shared support, the third on its own, and a replicated
    /// front (3 replicas needing 2, with a common cause): replica and common-cause events.
    static let twoOfThree = T.model([
        T.component("S12", down: 1e-3), T.component("S3", down: 2e-3),
        T.component("U1", down: 1e-2, dependsOn: [T.on("S12")]), T.component("U2", down: 1e-2, dependsOn: [T.on("S12")]),
        T.component("U3", down: 1e-2, dependsOn: [T.on("S3")]),
        T.component("front", down: 1e-3, replicas: 3, needs: 2, beta: 0.1, dependsOn: [T.kOf(2, ["U1", "U2", "U3"])]),
    ], objectives: [Objective(name: "service", measure: .availability, components: ["front"])])

    @Test func twoOfThreeWithSharedSupportMatchesBruteForce() {
        let all = cutSets(Self.twoOfThree)
        let list = all.objectives[0]
        let expected = BruteForce(model: Self.twoOfThree).minimalCutSets(["front"])
        #expect(listed(list) == expected)
        #expect(expected.contains(["S12"]) && expected.contains(["S3", "U1"]) && expected.contains(["front (common cause)"]))
        #expect(expected.contains(["front[1]", "front[3]"]))
        // Orders 1 and 2 only when cut at 2; nothing of order 3 exists here.
        let two = cutSets(Self.twoOfThree, maxOrder: 1).objectives[0]
        #expect(listed(two) == expected.filter { $0.count == 1 })
        #expect(two.beyondOrder)
        // The part the cut sets beyond order 1 add: Q − P(S12 ∪ front's common cause), exact.
        #expect(two.unexplained != nil && two.unexplained! > 0)
    }

    /// The same models with a compilation budget so small every figure is a conjunction of diagrams
    /// (and groups): the cut sets do not change.
    @Test(arguments: ["bridge", "two trains", "2 of 3"])
    func conjunctionFormsGiveTheSameCutSets(name: String) {
        let model = ["bridge": Self.bridge, "two trains": Self.twoTrains, "2 of 3": Self.twoOfThree][name]!
        let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 2, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        let target = model.objectives[0].components
        #expect(listed(cutSets(model, budget: forced).objectives[0]) == BruteForce(model: model).minimalCutSets(target))
    }

    /// A group of conjunctions whose members share a component (each server needs the one DNS):
    /// the shared failure takes every member down at once, so the group's search must not try
    /// every order of the members (it once would have); the result matches brute force.
    @Test func groupOfConjunctionsWithASharedComponent() {
        var components = [T.component("dns", down: 1e-4)]
        for index in 0..<6 {
            components.append(T.component("disk\(index)", down: 1e-3))
            components.append(T.component("server\(index)", down: 1e-3, dependsOn: [T.on("dns"), T.on("disk\(index)")]))
        }
        components.append(T.perfect("pool", dependsOn: [T.kOf(4, (0..<6).map { "server\($0)" })]))
        let model = T.model(components, objectives: [Objective(name: "o", measure: .availability, components: ["pool"])])
        let forced = CompilationBudget(groupNodes: 1_000_000, closureNodes: 2, objectiveNodes: 0, systemNodes: 0, totalNodes: .max)
        let list = cutSets(model, maxOrder: 3, budget: forced).objectives[0]
        let expected = BruteForce(model: model).minimalCutSets(["pool"]).filter { $0.count <= 3 }
        #expect(listed(list) == expected)
        #expect(list.beyondOrder == false)
    }

    /// Random small structures: the diagram search matches brute force.
    @Test func randomStructuresMatchBruteForce() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<40 {
            var components: [Component] = []
            for index in 0..<7 {
                let earlier = components.map(\.name)
                var dependencies: [Dependency] = []
                if !earlier.isEmpty && random.next() % 2 == 0 { dependencies.append(T.on(earlier[Int(random.next() % UInt64(earlier.count))])) }
                if earlier.count >= 2 && random.next() % 2 == 0 {
                    let members = Array(Set((0..<3).map { _ in earlier[Int(random.next() % UInt64(earlier.count))] })).sorted()
                    dependencies.append(T.kOf(1 + Int(random.next() % UInt64(members.count)), members))
                }
                components.append(T.component("c\(index)", down: 0.001 * Double(index + 1), dependsOn: dependencies))
            }
            let model = T.model(components, objectives: [Objective(name: "o", measure: .availability, components: ["c6"])])
            #expect(listed(cutSets(model).objectives[0]) == BruteForce(model: model).minimalCutSets(["c6"]))
        }
    }

    /// Random small structures with replicas (a variable weighing 2 events, or 1 by its common
    /// cause), searched up to each order: exactly brute force's sets of that order or less, and
    /// heavier ones, when brute force has some, announced. The search extends only the cut sets of
    /// a branch light enough to take the node's variable, so each order exercises other skips.
    @Test func randomStructuresMatchBruteForceAtEveryOrder() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<30 {
            var components: [Component] = []
            for index in 0..<6 {
                let earlier = components.map(\.name)
                var dependencies: [Dependency] = []
                if !earlier.isEmpty && random.next() % 2 == 0 { dependencies.append(T.on(earlier[Int(random.next() % UInt64(earlier.count))])) }
                if earlier.count >= 2 && random.next() % 3 != 0 {
                    let members = Array(Set((0..<3).map { _ in earlier[Int(random.next() % UInt64(earlier.count))] })).sorted()
                    dependencies.append(T.kOf(1 + Int(random.next() % UInt64(members.count)), members))
                }
                let replicated = index < 2 && random.next() % 2 == 0
                components.append(T.component("c\(index)", down: 0.001 * Double(index + 1), replicas: replicated ? 2 : 1,
                                              beta: replicated && random.next() % 2 == 0 ? 0.1 : 0, dependsOn: dependencies))
            }
            let model = T.model(components, objectives: [Objective(name: "o", measure: .availability, components: ["c5"])])
            let all = BruteForce(model: model).minimalCutSets(["c5"])
            for order in 1...4 {
                let list = cutSets(model, maxOrder: order).objectives[0]
                #expect(listed(list) == all.filter { $0.count <= order })
                if all.contains(where: { $0.count > order }) { #expect(list.beyondOrder) }
            }
        }
    }

    /// Overlapping cut sets {A}, {B, C}, {B, D}: FV_i = P(∪ cut sets containing i) / Q by its
    /// definition (Rausand & Høyland, section 6.5), which differs from the criticality form
    /// q_i·I_B/Q whenever cut sets overlap.
    @Test func fussellVeselyFollowsItsDefinitionOnOverlappingCutSets() {
        let (qa, qb, qc, qd) = (0.01, 0.02, 0.03, 0.04)
        let model = T.model([
            T.component("A", down: qa), T.component("B", down: qb), T.component("C", down: qc), T.component("D", down: qd),
            T.perfect("CD", dependsOn: [T.kOf(2, ["C", "D"])]),
            T.perfect("top", dependsOn: [T.on("A"), T.any(["B", "CD"])]),
        ], objectives: [Objective(name: "o", measure: .availability, components: ["top"])])
        let list = cutSets(model).objectives[0]
        #expect(listed(list) == [["A"], ["B", "C"], ["B", "D"]])
        // Q = 1 − (1 − qa)(1 − qb·(1 − (1 − qc)(1 − qd))), by hand.
        let cOrD = 1 - (1 - qc) * (1 - qd)
        let q = 1 - (1 - qa) * (1 - qb * cOrD)
        #expect(abs(list.unavailability - q) < 1e-15)
        let fv = Dictionary(uniqueKeysWithValues: list.fussellVesely.map { ($0.component, $0.value) })
        #expect(abs(fv["A"]! - qa / q) < 1e-12)
        #expect(abs(fv["B"]! - qb * cOrD / q) < 1e-12)            // P({B,C} ∪ {B,D}) = qb·(1 − (1−qc)(1−qd))
        #expect(abs(fv["C"]! - qb * qc / q) < 1e-12)
        // Not the criticality form: q_B·I_B/Q with I_B = (1 − qa)·(qc + qd − qc·qd).
        let criticality = qb * (1 - qa) * cOrD / q
        #expect(abs(fv["B"]! - criticality) > 1e-4)
    }

    /// `--top` counts what it leaves out, with the sum of their probabilities.
    @Test func topCountsWhatItLeavesOut() {
        let list = cutSets(Self.twoTrains).objectives[0].top(2)
        #expect(list.cutSets.count == 2)
        #expect(list.omitted == 3)
        #expect(abs(list.omittedProbability - (1e-3 * 2e-3 * 2 + 1e-3 * 1e-3)) < 1e-15)
    }
}
