@testable import NinesKit

/// Short constructors for models built in code (no YAML), for tests that check figures.
enum TestModels {
    /// A component with a stated unavailability `q` (up = 1 − q exactly as the loader would store it
    /// only when q is representable; pass the exact halves through `Probability(up:down:)` otherwise).
    static func component(_ name: String, down q: Double, mttr: Double? = nil, replicas: Int = 1, needs: Int = 1,
                          beta: Double = 0, dependsOn dependencies: [Dependency] = [],
                          responsibility: Responsibility = .ours) -> Component {
        Component(name: name, layer: "software", figures: .availability(Probability(up: 1 - q, down: q), mttr: mttr),
                  replicas: replicas, needs: needs, commonCause: beta, dependencies: dependencies,
                  responsibility: responsibility)
    }

    /// A component with MTBF and MTTR in hours.
    static func repairable(_ name: String, mtbf: Double, mttr: Double, replicas: Int = 1, needs: Int = 1,
                           beta: Double = 0, dependsOn dependencies: [Dependency] = []) -> Component {
        Component(name: name, layer: "software", figures: .mtbf(mtbf, mttr: mttr), replicas: replicas, needs: needs,
                  commonCause: beta, dependencies: dependencies)
    }

    /// A component that never fails: glue for structures (a bridge's junctions, a system's top).
    static func perfect(_ name: String, dependsOn dependencies: [Dependency]) -> Component {
        Component(name: name, layer: "software", figures: .availability(.perfect, mttr: nil), dependencies: dependencies)
    }

    static func on(_ name: String) -> Dependency { .component(name, ModelLocation(file: "<memory>", line: 1, column: 1)) }

    static func any(_ members: [String]) -> Dependency { kOf(1, members) }

    static func kOf(_ k: Int, _ members: [String]) -> Dependency {
        .group(k: k, members: members, ModelLocation(file: "<memory>", line: 1, column: 1))
    }

    static func model(_ components: [Component], objectives: [Objective] = []) -> SystemModel {
        SystemModel(name: "test", components: components, objectives: objectives)
    }

    /// Loads model text through the real loader, failing the test with every diagnostic.
    static func load(_ yaml: String, file: String = "test.yaml") throws -> SystemModel {
        try ModelLoader.load(text: yaml, file: file)
    }
}
