import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// The closure through dependencies resolved to positions (what the SLA prediction uses) against
/// the closure through names, the definition.
@Suite("Dependency closure")
struct DependencyClosureTests {
    @Test("resolved positions give the closure the names give, for every objective and component", arguments: GoldenFiles.models)
    func resolvedMatchesNames(model name: String) throws {
        let path = "models/\(name).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: path)
        let structure = AvailabilityAnalysis(model).structure
        let index = DependencyClosure.index(model)
        let starts = model.objectives.map(\.components) + model.components.map { [$0.name] }
        for start in starts {
            #expect(DependencyClosure.positions(start, index: index, dependencies: structure.dependencies)
                    == DependencyClosure.positions(start, in: model, index: index))
        }
    }
}
