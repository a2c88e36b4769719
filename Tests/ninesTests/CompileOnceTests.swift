import Foundation
import Testing
@testable import nines
@testable import NinesKit

/// A command compiles its model once, the simulation included (and `report` once more per pattern
/// the model uses that changes its structure, for what the pattern buys): the simulator runs on its own plan
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
        // `report` also prices each pattern the model uses: placement and write-ahead change what
        // depends on what, so the model without each is compiled again; detect, retry and failover
        // only change figures, evaluated on the structure already compiled.
        let used = PatternKind.allCases.filter { $0.isUsed(in: (try? ModelLoader.load(files: [model])) ?? SystemModel(name: "", components: [])) }
        #expect(used == [.placement, .detect, .retry, .failover, .writeAhead])
        #expect(count.value == (arguments.first == "report" ? 3 : 1))
        #expect(FileManager.default.fileExists(atPath: directory + "/out"))
    }
}
}
