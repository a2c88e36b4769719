import Foundation
import Testing
@testable import nines
@testable import NinesKit

/// A command compiles its model once, the simulation included (and `report` once more per pattern
/// the model uses, for what the pattern buys): the simulator runs on its own plan
/// and its report takes the exact figures from the command's analysis (before, `report
/// --simulate` compiled the model three times on a model with customer-responsible parts).
extension FileWritingSuites {
@Suite struct CompileOnceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [
        ["report"],
        ["report", "--simulate", "--periods", "240"],
        ["report", "--simulate", "--periods", "240", "--format", "html"],
        ["simulate", "--periods", "240"],
    ])
    func commandCompilesTheModelOnce(_ arguments: [String]) throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // devops-job-runner has a customer-responsible part, so the simulation has an SLA view too.
        let model = Self.root.appendingPathComponent("models/devops-job-runner.yaml").path
        let count = CompilationCount()
        try CompilationCount.$current.withValue(count) {
            var command = try NinesCommand.parseAsRoot(arguments + [model, "-o", directory + "/out"])
            try command.run()
        }
        // `report` also prices each pattern the model uses: one compilation of the model without it each.
        let patterns = arguments.first == "report"
            ? PatternKind.allCases.filter { $0.isUsed(in: (try? ModelLoader.load(files: [model])) ?? SystemModel(name: "", components: [])) }.count : 0
        #expect(patterns == 5 || arguments.first != "report")
        #expect(count.value == 1 + patterns)
        #expect(FileManager.default.fileExists(atPath: directory + "/out"))
    }
}
}
