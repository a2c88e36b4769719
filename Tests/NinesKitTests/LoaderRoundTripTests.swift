import Testing
@testable import NinesKit

/// Random models written as YAML and read back by the real loader must be the same model:
/// the same components, groups, replicas, common cause and objectives, and the same figures.
struct LoaderRoundTripTests {
    @Test func generatedModelsSurviveTheLoader() throws {
        var rng = SplitMix64(seed: 0x10AD)
        for number in 0..<200 {
            let original = RandomModels.make(&rng, index: number)
            let text = ModelYAML.text(of: original)
            let loaded = try ModelLoader.load(text: text, file: "random-\(number).yaml")
            let label = "model \(number):\n\(text)"
            #expect(loaded.name == original.name && loaded.period == original.period, "\(label)")
            #expect(loaded.components.map(\.name) == original.components.map(\.name), "\(label)")
            for (read, written) in zip(loaded.components, original.components) {
                #expect(read.replicas == written.replicas && read.needs == written.needs && read.commonCause == written.commonCause,
                        "\(label) \(read.name)")
                #expect(Self.shape(read.dependencies) == Self.shape(written.dependencies), "\(label) \(read.name)")
                #expect(read.figures.mttr == written.figures.mttr, "\(label) \(read.name)")
                #expect(Closeness.probability(read.figures.probability, written.figures.probability, within: 1e-16)
                        && Closeness.relative(read.figures.probability.down, written.figures.probability.down, within: 1e-15),
                        "\(label) \(read.name): \(read.figures) vs \(written.figures)")
            }
            #expect(loaded.objectives.map(\.components) == original.objectives.map(\.components), "\(label)")
            #expect(loaded.objectives.map(\.measure) == original.objectives.map(\.measure), "\(label)")
            let (a, b) = (AvailabilityAnalysis(loaded).system(), AvailabilityAnalysis(original).system())
            #expect(Closeness.relative(a.probability.down, b.probability.down, within: 1e-13), "\(label)")
        }
    }

    /// Dependencies without their locations: a plain name, or "k of [members]" for a group.
    static func shape(_ dependencies: [Dependency]) -> [String] {
        dependencies.map { dependency in
            switch dependency {
            case .component(let name, _): return name
            case .group(let k, let members, _): return "\(k) of \(members)"
            }
        }
    }
}
