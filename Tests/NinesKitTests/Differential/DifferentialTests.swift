import Foundation
import Testing
@testable import NinesKit

/// Random models, written as YAML and loaded by the real loader, evaluated by nines' BDD engine and
/// by independent evaluators (unlike EngineDifferentialTests, which enumerates component states with
/// nines' own `OwnAvailability`, these enumerate every replica and common-cause event and share no
/// nines code at all): brute-force enumeration when the model has at most 16 elementary
/// events, factoring on shared components always. The system figure and an objective must agree
/// within 1e-12 (absolute, on availability and on unavailability).
///
/// `swift test` runs a quick 300 cases (brute force up to 14 events, at most 10 shared components, so
/// it stays fast in a debug build); scripts/differential.sh runs 10,000 in release with the full limits
/// (16 events, 14 shared components). NINES_DIFFERENTIAL_CASES and NINES_DIFFERENTIAL_SEED choose
/// the count and the first seed; any count above 300 uses the full limits.
@Suite("Differential: nines vs independent evaluators")
struct DifferentialTests {
    static let tolerance = 1e-12
    static let environment = ProcessInfo.processInfo.environment
    static let cases = Int(environment["NINES_DIFFERENTIAL_CASES"] ?? "") ?? 300
    static let firstSeed = UInt64(environment["NINES_DIFFERENTIAL_SEED"] ?? "") ?? 20_261_126
    static let isFullRun = cases > 300
    static let bruteForceEvents = isFullRun ? 16 : 14
    static let sharedLimit = isFullRun ? 14 : 10

    struct Tally {
        var bruteForce = 0
        var factoring = 0
        var worst = 0.0
    }

    @Test func randomModelsAgree() throws {
        var tally = Tally()
        for offset in 0..<Self.cases {
            let seed = Self.firstSeed &+ UInt64(offset)
            try check(seed: seed, tally: &tally)
        }
        // Both methods really ran: most cases are small enough for brute force, all get factoring.
        #expect(tally.factoring == 2 * Self.cases)
        #expect(tally.bruteForce >= Self.cases)
        print("differential: \(Self.cases) models, \(tally.bruteForce) brute-force and \(tally.factoring) factoring comparisons, "
              + "largest difference \(tally.worst)")
    }

    func check(seed: UInt64, tally: inout Tally) throws {
        var random = SplitMix64(seed: seed)
        // Three in four cases small (brute force feasible), the rest up to 150 components.
        let small = Int.random(in: 0..<4, using: &random) != 0
        let count = small ? Int.random(in: 2...12, using: &random) : Int.random(in: 20...150, using: &random)
        var generated = RandomModelGenerator.make(count: count, using: &random)
        // Keep factoring affordable.
        while sharedCount(generated) > Self.sharedLimit { generated.units = dropOneDependency(generated.units, using: &random) }

        let model = try ModelLoader.load(text: generated.yaml, file: "seed-\(seed).yaml")
        let analysis = AvailabilityAnalysis(model)
        let figures: [(String, Probability, [Int])] = [
            ("system", analysis.system().probability, generated.roots),
            ("objective", analysis.objective(0).probability, generated.objective),
        ]
        for (what, nines, targets) in figures {
            var references: [(String, UpDown)] = [("factoring", FactoringEvaluator.evaluate(generated, targets: targets))]
            tally.factoring += 1
            if BruteForceEvaluator.variables(generated, reachableFrom: targets).count <= Self.bruteForceEvents {
                references.append(("brute force", BruteForceEvaluator.evaluate(generated, targets: targets)))
                tally.bruteForce += 1
            }
            for (method, expected) in references {
                let difference = max(abs(nines.up - expected.up), abs(nines.down - expected.down))
                tally.worst = max(tally.worst, difference)
                #expect(difference <= Self.tolerance,
                        "seed \(seed), \(what): nines \(nines.up) / \(nines.down), \(method) \(expected.up) / \(expected.down)\n\(generated.yaml)")
            }
        }
    }

    func sharedCount(_ model: GeneratedModel) -> Int {
        var references = [Int](repeating: 0, count: model.units.count)
        for unit in model.units { for other in unit.dependencyIndices { references[other] += 1 } }
        for target in model.objective { references[target] += 1 }
        return references.filter { $0 > 1 }.count
    }

    func dropOneDependency(_ units: [GeneratedModel.Unit], using random: inout SplitMix64) -> [GeneratedModel.Unit] {
        var units = units
        let candidates = units.indices.filter { !units[$0].dependencies.isEmpty && !units[$0].isPerfect }
        guard let index = candidates.randomElement(using: &random) else { return units }
        units[index].dependencies.remove(at: Int.random(in: 0..<units[index].dependencies.count, using: &random))
        return units
    }

    /// The evaluators themselves against hand computations, so a shared mistake cannot hide.
    @Test func evaluatorsMatchHandComputedBridgeAndKOfN() {
        let p = 0.9, q = 0.1
        var units = (1...5).map { GeneratedModel.Unit(name: "e\($0)", availabilityText: "0.9") }
        units.insert(GeneratedModel.Unit(name: "user", availabilityText: "1"), at: 0)
        var random = SplitMix64(seed: 1)
        var shifted = units
        // Put the links at 1…5 and wire the bridge with the generator's own gates.
        RandomModelGenerator.addBridge(to: &shifted, using: &random)
        let model = GeneratedModel(units: shifted, objective: [0])
        // Bridge of five equal links: R = 2p² + 2p³ − 5p⁴ + 2p⁵.
        let bridge = 2 * pow(p, 2) + 2 * pow(p, 3) - 5 * pow(p, 4) + 2 * pow(p, 5)
        #expect(abs(BruteForceEvaluator.evaluate(model, targets: [0]).up - bridge) < 1e-15)
        #expect(abs(FactoringEvaluator.evaluate(model, targets: [0]).up - bridge) < 1e-15)
        // 2 of 3 replicas: 3p²q + p³.
        let twoOfThree = GeneratedModel(units: [GeneratedModel.Unit(name: "r", availabilityText: "0.9", replicas: 3, needs: 2)], objective: [0])
        #expect(abs(BruteForceEvaluator.evaluate(twoOfThree, targets: [0]).up - (3 * p * p * q + p * p * p)) < 1e-15)
        #expect(abs(FactoringEvaluator.evaluate(twoOfThree, targets: [0]).up - (3 * p * p * q + p * p * p)) < 1e-15)
    }
}
