import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines diagram` in each format.
@Suite struct DiagramCommandTests {
    @Test("'nines diagram' writes each format, and refuses a broken model with exit 2")
    func diagramCommand() throws {
        let svg = try NinesExecutable.run(["diagram", "models/two-tier-service.yaml"])
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        let dot = try NinesExecutable.run(["diagram", "models/two-tier-service.yaml", "--format", "dot"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph \"stack diagram\" {"))
        let mermaid = try NinesExecutable.run(["diagram", "models/two-tier-service.yaml", "--format", "mermaid"])
        #expect(mermaid.status == 0 && mermaid.stdout.hasPrefix("flowchart TB\n"))
        let broken = try NinesExecutable.run(["diagram", "Tests/NinesKitTests/Fixtures/invalid/unknown-field.yaml"])
        #expect(broken.status == 2 && broken.stdout.isEmpty && broken.stderr.contains("unknown-field.yaml:4:"))
    }
}
