import Foundation
import NinesKit

/// Paths to the FMEA fixtures and a scratch folder for files the tests write.
package enum FMEAFixtures {
    package static var folder: URL { Fixtures.url("fmea") }
    package static var shopModel: String { folder.appendingPathComponent("shop.yaml").path }
    package static var shopWorksheet: String { folder.appendingPathComponent("shop.fmea.yaml").path }

    package static func loadShop() throws -> LoadedWorksheet { try WorksheetLoader.load(file: shopWorksheet) }

    package static func shopModelValue() throws -> SystemModel { try ModelLoader.load(files: [shopModel]) }

    /// A fresh folder holding a copy of the shop model, for worksheets written by a test.
    package static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nines-fmea-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: shopModel, toPath: url.appendingPathComponent("shop.yaml").path)
        return url
    }

    /// Loads a worksheet text that names `shop.yaml`, written next to a copy of the model.
    package static func loadWorksheet(_ text: String) throws(DiagnosticError) -> LoadedWorksheet {
        let folder = try! scratch()
        let file = folder.appendingPathComponent("w.fmea.yaml").path
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return try WorksheetLoader.load(file: file)
    }

    /// The messages of a load that must fail (empty when it loaded).
    package static func errors(_ text: String) -> [String] {
        do {
            _ = try loadWorksheet(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    package static func row(_ body: String) -> String {
        "version: 1\nmodel: shop.yaml\nfailure_modes:\n  - id: r1\n" + body
    }
}
