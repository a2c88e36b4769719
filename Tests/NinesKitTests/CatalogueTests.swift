import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// The catalogue of published provider SLAs: the files of `catalogue/` as built into nines, their
/// checks, and `availability: catalogue:…` in a model.
@Suite struct CatalogueTests {
    static let directory = GoldenFiles.root.appendingPathComponent("catalogue")
    static let generated = GoldenFiles.root.appendingPathComponent("Sources/NinesKit/Loading/Catalogue/BundledCatalogueText.swift")

    /// The Swift file that embeds `catalogue/*.yaml`, as it must read (NINES_RECORD=1 writes it).
    static func expectedSource() throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var lines = ["// Generated from catalogue/*.yaml by `NINES_RECORD=1 swift test --filter CatalogueTests`; do not edit.",
                     "/// The files of `catalogue/`, built into nines so that a model names an entry wherever nines runs",
                     "/// (one static binary, no resource bundle). CatalogueTests fails when they differ from `catalogue/`.",
                     "enum BundledCatalogueText {",
                     "    static let files: [(name: String, text: String)] = ["]
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            lines.append("        (\"catalogue/\(name)\", #\"\"\"\n\(text)\n\"\"\"#),")
        }
        return (lines + ["    ]", "}", ""]).joined(separator: "\n")
    }

    @Test func builtInCatalogueIsTheCatalogueDirectory() throws {
        let expected = try Self.expectedSource()
        if GoldenFiles.recording { try expected.write(to: Self.generated, atomically: true, encoding: .utf8) }
        #expect(try String(contentsOf: Self.generated, encoding: .utf8) == expected,
                "catalogue/ changed: re-record with NINES_RECORD=1 swift test --filter CatalogueTests")
    }

    /// One file per provider, every figure with an https source and a date. The RDS figures are
    /// the Amazon RDS SLA of 22 January 2024 (https://aws.amazon.com/rds/sla/): Multi-AZ 99.95 %,
    /// Single-DB instance 99.5 %.
    @Test func everyFigureHasItsSource() throws {
        let catalogue = ProviderCatalogue.bundled
        #expect(Set(catalogue.entries.map(\.provider)) == ["aws", "gcp", "azure"])
        #expect(Set(catalogue.entries.map(\.reference)).count == catalogue.entries.count)
        for entry in catalogue.entries {
            #expect(entry.source.hasPrefix("https://") && entry.date.count == 10, "\(entry.reference)")
        }
        let rds = try #require(catalogue.entry("aws/rds-multi-az"))
        #expect(rds.availability.down == 0.0005 && rds.date == "2024-01-22" && rds.source == "https://aws.amazon.com/rds/sla/")
        #expect(catalogue.entry("aws/rds-single-az")?.availability.up == 0.995)
    }

    /// A model naming a catalogue entry: web (99.9 %) needs the RDS Multi-AZ database (99.95 %),
    /// by hand A = 0.999 × 0.9995 = 0.9985005.
    @Test func modelNamesACatalogueEntry() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: shop
            components:
              web: {availability: 99.9%, depends_on: [db]}
              db: {layer: data, availability: catalogue:aws/rds-multi-az, mttr: 1h}
            objectives:
              front: {at: web}
            """, file: "m.yaml")
        #expect(abs(AvailabilityAnalysis(model).objective(0).probability.up - 0.9985005) < 1e-12)
    }

    @Test func unknownEntryIsLocatedWithASuggestion() throws {
        let error = try #require(throws: DiagnosticError.self) {
            try ModelLoader.load(text: "version: 1\nsystem: s\ncomponents:\n  db: {availability: catalogue:aws/rds-multiaz}\n", file: "m.yaml")
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location?.line == 4 && diagnostic.location?.column == 22)
        #expect(diagnostic.message.contains("did you mean 'aws/rds-multi-az'?"))
    }

    /// A catalogue file is checked like a model: every problem at once, each at its line.
    @Test func badCatalogueFileIsRefusedAtItsLines() throws {
        let text = """
            provider: aws
            services:
              a: {availability: 99.9%, source: http://example.com, date: 2024-01-22}
              b: {availability: 120%, source: https://example.com, date: 2024-01-22}
              c: {availability: 99.9%, source: https://example.com, date: 22.1.2024}
              d: {availability: 99.9%, source: https://example.com, date: 2024-01-22, sla: 1}
            """
        let error = try #require(throws: DiagnosticError.self) { try ProviderCatalogue(files: [("x.yaml", text)]) }
        #expect(error.diagnostics.compactMap(\.location?.line).sorted() == [3, 4, 5, 6])
    }
}
