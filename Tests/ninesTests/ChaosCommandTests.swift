import Foundation
import Testing
import NinesTestSupport

/// `nines scenario --format chaos-mesh|litmus -o DIR`: the files land inside DIR, whole, through
/// no symbolic link; a scenario without a selector is skipped with a note; no folder is an error.
@Suite struct ChaosCommandTests {
    static let model = """
    version: 1
    system: shop
    components:
      web:
        availability: 99.9%
        mttr: 5m
        depends_on: [psp]
        selector: {namespace: shop, labels: {app: web}}
      psp: {layer: external, kind: external-api, availability: 99.95%, mttr: 1h, selector: {host: api.psp.example}}
      batch: {availability: 99%, mttr: 1h}
    objectives:
      shop: {at: web, target: 99.9%}
    scenarios:
      web-lost: {down: [web]}
      psp-lost: {down: [psp]}
      batch-lost: {down: [batch]}
    """

    static func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "nines-chaos-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try model.write(toFile: folder + "/shop.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func writesOneManifestPerMappedScenario() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try NinesExecutable.run(["scenario", folder + "/shop.yaml", "--format", "chaos-mesh", "-o", folder + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("skipped scenario 'batch-lost'"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
        #expect(files == ["psp-lost.yaml", "web-lost.yaml"])
        let web = try String(contentsOfFile: folder + "/out/web-lost.yaml", encoding: .utf8)
        #expect(web.contains("kind: PodChaos") && web.contains("nines.dev/expect-survives: \"false\""))
    }

    @Test func aLinkedFolderIsRefusedAndALinkedFileReplaced() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: folder + "/elsewhere")
        let refused = try NinesExecutable.run(["scenario", folder + "/shop.yaml", "--format", "litmus", "-o", folder + "/linked"])
        #expect(refused.status != 0 && refused.stderr.contains("symbolic link"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/elsewhere").isEmpty)

        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        try "keep\n".write(toFile: folder + "/victim", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/out/web-lost.yaml", withDestinationPath: folder + "/victim")
        let run = try NinesExecutable.run(["scenario", folder + "/shop.yaml", "--format", "litmus", "-o", folder + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: folder + "/victim", encoding: .utf8) == "keep\n")
        let written = try FileManager.default.attributesOfItem(atPath: folder + "/out/web-lost.yaml")[.type] as? FileAttributeType
        #expect(written == .typeRegular)
    }

    @Test func theFolderIsRequired() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try NinesExecutable.run(["scenario", folder + "/shop.yaml", "--format", "litmus"])
        #expect(run.status == 2 && run.stderr.contains("-o DIR"), "\(run.stderr)")
    }
}
