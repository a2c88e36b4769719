import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines fmea init`: prompts chosen by what each component is (`kind:`, else its layer), one set
/// per kind (or per component with `--prompts full`), identical components once, process and
/// people once on the front door, junctions none.
@Suite struct WorksheetScaffoldTests {
    static func web() throws -> SystemModel {
        try ModelLoader.load(files: [FMEAFixtures.folder.appendingPathComponent("web.yaml").path])
    }

    static func prompts(_ scaffold: WorksheetScaffold.Scaffold, on component: String, layer: String? = nil) -> [String] {
        scaffold.worksheet.failureModes.filter { $0.component == component && (layer == nil || $0.layer == layer) }.map(\.mode)
    }

    /// Each component gets its own kind's prompts and nothing else's: no database prompts on the
    /// cache or the object store, no process prompts on the CDN, none on the junction.
    @Test func promptsFollowTheKind() throws {
        let model = try Self.web()
        let scaffold = WorksheetScaffold.build(for: model)
        for (component, kind) in [("cdn", ComponentKind.cdn), ("sessions", .cache), ("images", .objectStore), ("orders", .database)] {
            #expect(Self.prompts(scaffold, on: component) == Array(FailureModeCatalogue.prompts(for: kind).prefix(4)), "\(component)")
        }
        let database = Set(FailureModeCatalogue.prompts(for: .database))
        #expect(scaffold.worksheet.failureModes.filter { database.contains($0.mode) }.allSatisfy { $0.component == "orders" })
        #expect(Self.prompts(scaffold, on: "shop").isEmpty)
        let process = scaffold.worksheet.failureModes.filter { $0.layer == "process" }
        #expect(process.map(\.mode) == Array(FailureModeCatalogue.processPrompts.prefix(4)))
        #expect(Set(process.map(\.component)) == ["app-1"])
        #expect(scaffold.worksheet.failureModes.map(\.layer).filter { $0 != "process" }
                == ["network"] * 4 + ["application"] * 4 + ["storage"] * 12)
    }

    /// Three identical app servers: one set, on app-1, with a note naming the others; the bad
    /// release is asked of all three together.
    @Test func identicalMembersOnce() throws {
        let model = try Self.web()
        for level in PromptLevel.allCases {
            let scaffold = WorksheetScaffold.build(for: model, prompts: level)
            #expect(Self.prompts(scaffold, on: "app-2").isEmpty && Self.prompts(scaffold, on: "app-3").isEmpty, "\(level)")
            let release = try #require(scaffold.worksheet.failureModes.first { $0.mode == "bad release (regression) reaches production" })
            #expect(release.components == ["app-1", "app-2", "app-3"])
            #expect(scaffold.notes["app-1-1"]?.first?.hasPrefix("# application prompts, standing for app-2, app-3 too") == true)
        }
        let full = WorksheetScaffold.build(for: model, prompts: .full)
        #expect(Self.prompts(full, on: "app-1", layer: "application") == FailureModeCatalogue.prompts(for: .application))
        #expect(Self.prompts(full, on: "app-1", layer: "process") == FailureModeCatalogue.processPrompts)
        #expect(WorksheetScaffold.build(for: model, prompts: .minimal).worksheet.failureModes.count == 5 * 2 + 2)
    }

    /// The retail model wrote 57 prompts (769 lines) before kinds and levels; the standard set is
    /// at most half of that, and reads back as a worksheet.
    @Test func retailScaffoldIsAtMostHalfOfWhatItWas() throws {
        let file = GoldenFiles.root.appendingPathComponent("models/retail-omnichannel.yaml").path
        let model = try ModelLoader.load(files: [file])
        let scaffold = WorksheetScaffold.build(for: model)
        #expect(scaffold.worksheet.failureModes.count * 2 <= 57)
        let yaml = WorksheetYAMLWriter.write(scaffold.worksheet, system: model.name, modelReference: "retail-omnichannel.yaml",
                                             scaffold: true, model: model, notes: scaffold.notes)
        #expect(yaml.split(separator: "\n", omittingEmptySubsequences: false).count * 2 <= 769)
        let reread = try WorksheetLoader.load(text: yaml, file: file.replacingOccurrences(of: ".yaml", with: ".fmea.yaml"))
        #expect(WorksheetCSV.export(reread.worksheet) == WorksheetCSV.export(scaffold.worksheet))
        // The store's server is compute, its terminals devices, its router network: no application prompts there.
        let application = Set(FailureModeCatalogue.prompts(for: .application))
        #expect(scaffold.worksheet.failureModes.filter { application.contains($0.mode) }.allSatisfy { $0.component == "online-ordering" })
    }
}

private func * (list: [String], count: Int) -> [String] { Array(repeating: list, count: count).flatMap { $0 } }
