import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// For models without failover delays or masking, the exact steady-state availability must lie
/// inside the simulated interval (99.9%, so a check fails by chance about once in a thousand).
@Suite struct SimulationAgreementTests {
    /// Random small models: layered DAGs with replicas, k of n, beta factors and `any` groups.
    static func randomModel(seed: UInt64) -> SystemModel {
        var random = Xoshiro256StarStar(seed: seed)
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * (random.nextOpenUnit()) }
        func integer(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let count = integer(3...6)
        var components: [Component] = []
        for index in 0..<count {
            let replicas = integer(1...3)
            let needs = integer(1...replicas)
            var dependencies: [Dependency] = []
            let location = ModelLocation(file: "<random>", line: 1, column: 1)
            if index >= 2 {
                let a = integer(0...(index - 1)), b = integer(0...(index - 1))
                dependencies.append(a == b ? .component("c\(a)", location) : .group(k: 1, members: ["c\(a)", "c\(b)"], location))
            } else if index == 1 {
                dependencies.append(.component("c0", location))
            }
            components.append(Component(name: "c\(index)", layer: "software",
                                        figures: .mtbf(uniform(50, 400), mttr: uniform(0.2, 3)),
                                        replicas: replicas, needs: needs, commonCause: replicas > 1 ? uniform(0, 0.1) : 0,
                                        dependencies: dependencies))
        }
        let top = components[count - 1].name
        let objectives = [
            Objective(name: "front", measure: .availability, components: [top], target: Probability(availability: 0.999)),
            Objective(name: "flow", measure: .reliability, components: [components[count - 2].name, top]),
        ]
        return SystemModel(name: "random \(seed)", components: components, objectives: objectives)
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func exactAvailabilityInsideTheInterval(seed: UInt64) throws {
        let model = Self.randomModel(seed: seed)
        let report = try simulatedReport(model, SimulationSettings(periods: 2400, seed: seed, threads: 2))
        for objective in report.allComponents {
            let half = (objective.availabilityHigh - objective.availabilityLow) / 2 * 3.29 / 1.96
            #expect(abs(objective.availability - objective.exactAvailability) <= half,
                    "\(model.name) \(objective.name): simulated \(objective.availability) ± \(half), exact \(objective.exactAvailability)")
        }
    }

    /// The bundled models (models/*.yaml), with failover delays and masking taken out so the exact
    /// engine and the simulation describe the same system. Components without a repair time are
    /// simulated with the assumed one, which keeps their availability.
    @Test func bundledModelsAgreeWithTheExactEngine() throws {
        let folder = GoldenFiles.root.appendingPathComponent("models")
        let files = GoldenFiles.models.map { $0 + ".yaml" }
        #expect(files.count >= 3, "bundled models not found in \(folder.path)")
        for file in files {
            var model = try ModelLoader.load(files: [folder.appendingPathComponent(file).path])
            #expect(!model.objectives.isEmpty, "\(file) has no objectives")
            for index in model.components.indices {
                model.components[index].failover = nil
                model.components[index].maskedFor = nil
            }
            let simulation = MonteCarloSimulation(model)
            let periods = min(6000, max(1200, Int(2e6 / max(1, simulation.estimatedEvents(periods: 1)))))
            let report = try simulatedReport(simulation, SimulationSettings(periods: periods, seed: 5, threads: 2))
            for objective in report.allComponents {
                let half = (objective.availabilityHigh - objective.availabilityLow) / 2 * 3.29 / 1.96
                #expect(abs(objective.availability - objective.exactAvailability) <= max(half, 1e-12),
                        "\(file) \(objective.name): simulated \(objective.availability) ± \(half), exact \(objective.exactAvailability)")
            }
        }
    }
}
