import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `schema/`: the JSON Schemas editors validate models and worksheets with, kept in step with the
/// loader: everything the loader accepts validates, the invalid fixtures the schema can express
/// are refused by both, and the keys each schema allows are the keys the loader reads.
struct SchemaTests {
    static let root = GoldenFiles.root
    static let validator = Result { try JSONSchemaValidator(directory: root.appendingPathComponent("schema")) }
    static let model = "nines-model.schema.json", fmea = "nines-fmea.schema.json"

    /// Invalid fixtures (Fixtures/invalid) whose fault the schema sees: a misspelt key, a wrong
    /// type, a value out of range, a missing field. The others need the whole model (unknown
    /// names, cycles, duplicates, needs > replicas) or are not YAML at all.
    static let refusedBySchema: Set<String> = [
        "any-and-k-of-in-one-group", "availability-over-one", "availability-zero", "component-is-a-list",
        "component-without-figures", "components-is-a-list", "components-is-empty", "depends-on-is-not-a-list",
        "duplicate-group-member", "every-problem-at-once", "idempotent-not-a-boolean", "invalid-component-name",
        "k-below-one", "list-where-a-value-is-expected", "missing-system", "missing-version",
        "misspelt-figure-hides-nothing", "negative-time", "no-components", "objective-with-at-and-path",
        "objective-without-at-or-path", "placement-pool-too-small", "refused-replicas-and-needs", "scalar-document",
        "soft-dependency-invalid", "latent-invalid", "maintenance-invalid",
        "retry-invalid", "sli-incomplete", "three-errors", "transient-invalid", "unknown-calendar",
        "unknown-field", "unknown-kind", "unknown-period", "unknown-responsibility", "unknown-top-level-field", "unsupported-version",
        "worksheet-given-as-model",
    ]
    /// Invalid fixtures that are not a YAML document an editor could validate (empty, duplicate keys, broken syntax).
    static let refusedAsYAML: Set<String> = ["comment-only-file", "duplicate-component-name", "duplicate-key", "empty-file", "malformed-yaml"]

    static func errors(_ path: URL, schema: String) throws -> [String] {
        let text = try String(contentsOf: path, encoding: .utf8)
        return try validator.get().errors(try JSONValue(yamlText: text, file: path.lastPathComponent), against: schema)
    }

    /// Models and worksheets nines reads without error: the bundled ones, the CI example, the valid fixtures.
    static var validFiles: [String] {
        let bundled = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("models").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { "models/\($0)" }
        let fixtures = ["fmea/shop.yaml", "fmea/shop.fmea.yaml", "sla/check-model.yaml", "pool/pool-60x3-on-12.yaml"]
            .map { "Tests/NinesKitTests/Fixtures/\($0)" }
        return (bundled + fixtures + ["examples/ci/model.yaml", "Tests/LibraryExampleTests/shop.yaml"]).sorted()
    }

    @Test("a model or worksheet nines accepts validates", arguments: validFiles)
    func acceptedFilesValidate(file: String) throws {
        let url = Self.root.appendingPathComponent(file)
        let schema = file.contains(".fmea.") ? Self.fmea : Self.model
        #expect(try Self.errors(url, schema: schema) == [], "\(file)")
        if schema == Self.fmea {
            _ = try WorksheetLoader.load(file: url.path)
        } else {
            _ = try ModelLoader.load(files: [url.path])
        }
    }

    @Test("the worksheet 'nines fmea init' scaffolds validates, empty fields and all",
          arguments: validFiles.filter { $0.hasPrefix("models/") && !$0.contains(".fmea.") })
    func scaffoldedWorksheetsValidate(file: String) throws {
        let model = try ModelLoader.load(files: [Self.root.appendingPathComponent(file).path])
        for level in PromptLevel.allCases {
            let scaffold = WorksheetScaffold.build(for: model, prompts: level)
            let text = WorksheetYAMLWriter.write(scaffold.worksheet, system: model.name, modelReference: "model.yaml", scaffold: true,
                                                 model: model, notes: scaffold.notes)
            let errors = try Self.validator.get().errors(try JSONValue(yamlText: text, file: "scaffold.yaml"), against: Self.fmea)
            #expect(errors == [], "\(file), \(level) prompts")
        }
    }

    @Test("bundled models name their schema on the first line", arguments: validFiles.filter { $0.hasPrefix("models/") })
    func bundledModelsNameTheirSchema(file: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let schema = file.contains(".fmea.") ? Self.fmea : Self.model
        #expect(text.hasPrefix("# yaml-language-server: $schema=../schema/\(schema)\n"))
    }

    @Test("each invalid fixture is refused by the schema exactly when it is listed as schema-level",
          arguments: InvalidModelFixtureTests.cases)
    func invalidFixtures(name: String) throws {
        guard let errors = try? Self.errors(Fixtures.url("invalid/\(name).yaml"), schema: Self.model) else {
            #expect(Self.refusedAsYAML.contains(name), "\(name) is not a YAML document")
            return
        }
        #expect(!Self.refusedAsYAML.contains(name))
        if Self.refusedBySchema.contains(name) {
            #expect(!errors.isEmpty, "\(name) passes the schema")
        } else {
            #expect(errors.isEmpty, "\(name) is refused by the schema: add it to refusedBySchema if intended: \(errors)")
        }
    }

    @Test func aMisspeltKeyIsNamed() throws {
        let errors = try Self.errors(Fixtures.url("invalid/unknown-field.yaml"), schema: Self.model)
        #expect(errors == ["/components/web: unknown property 'replica'"])
    }

    @Test func theSchemaAllowsExactlyTheKeysTheLoaderReads() throws {
        let schema = try Self.validator.get().documents[Self.model]!
        func keys(_ node: JSONValue?) -> [String] {
            guard case .object(let entries)? = node?["properties"] else { return [] }
            return entries.map(\.0)
        }
        #expect(keys(schema) == ModelDocumentReader.topLevelKeys)
        #expect(keys(schema["$defs"]?["component"]) == ModelDocumentReader.componentKeys)
        #expect(keys(schema["$defs"]?["objective"]).sorted() == ModelDocumentReader.objectiveKeys.sorted())
        let worksheet = try Self.validator.get().documents[Self.fmea]!
        #expect(keys(worksheet) == WorksheetReader.worksheetKeys)
        #expect(keys(worksheet["$defs"]?["failureMode"]) == FailureModeField.allCases.map(\.rawValue) + [WorksheetReader.componentsKey])
        let kinds = schema["$defs"]?["component"]?["properties"]?["kind"]?["enum"]
        #expect(kinds == .array(ComponentKind.allCases.map { .string($0.rawValue) }))
        #expect(Set(keys(schema["properties"]?["calendar"])) == ["year", "month"])
    }

    @Test("every property has a description, for editors to show", arguments: [model, fmea])
    func everyPropertyIsDescribed(file: String) throws {
        var missing: [String] = []
        func walk(_ node: JSONValue, _ path: String) {
            switch node {
            case .object(let entries):
                for (key, value) in entries {
                    if key == "properties" || key == "$defs", case .object(let members) = value {
                        for (name, member) in members {
                            if member["description"] == nil { missing.append("\(path)/\(key)/\(name)") }
                            walk(member, "\(path)/\(key)/\(name)")
                        }
                    } else {
                        walk(value, "\(path)/\(key)")
                    }
                }
            case .array(let items): for (index, item) in items.enumerated() { walk(item, "\(path)/\(index)") }
            default: break
            }
        }
        let schema = try #require(try Self.validator.get().documents[file])
        walk(schema, "")
        #expect(missing == [])
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test func theValidatorRefusesKeywordsItDoesNotKnow() throws {
        let validator = try Self.validator.get()
        var errors: [String] = []
        validator.check(.string("x"), .object([("format", .string("date"))]), file: Self.model, path: "", errors: &errors)
        #expect(errors == ["/: unsupported keyword 'format'"])
    }
}
