import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// The JSON format's few rules that the golden files do not show, and failures as errors.
@Suite("JSON report text")
struct JSONReportRendererTests {
    struct Sample: Encodable {
        let b: [Double] = [.infinity, -.infinity, 0.1 + 0.2, 720]
        let a: String = "path/with \"quotes\"\n"
        let empty: [Int] = []
    }

    @Test("sorted keys, named non-finite numbers, shortest numbers, unescaped slashes, final new line")
    func format() throws {
        #expect(try JSONReportRenderer.text(of: Sample()) == """
            {
              "a" : "path/with \\"quotes\\"\\n",
              "b" : [
                "Infinity",
                "-Infinity",
                0.30000000000000004,
                720
              ],
              "empty" : [

              ]
            }

            """)
    }

    /// Foundation's encoder with the options the renderer documents: the reference its bytes must equal.
    static func foundationText<T: Encodable>(of value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// What the golden files do not hold: escapes, every number type, nil, nested and empty
    /// containers, a dictionary, keys that sort differently by UTF-8 than by case or number.
    struct Awkward: Encodable {
        let text = "tab\t cr\r bell\u{07} unit\u{1F} del\u{7F} é ∞ \\ / \u{08}\u{0C}"
        let numbers: [Double] = [0, -0.0, 1e-5, 1e21, 123456789012345683968, .leastNonzeroMagnitude, .nan, -1.5]
        let float: Float = 0.1
        let integers: [Int64] = [.min, .max, 0]
        let unsigned: UInt64 = .max
        let small: Int8 = -128
        let flags = [true, false]
        let absent: String? = nil
        let present: Int? = 7
        let nested: [[String: [Int]]] = [["b": [], "B": [1], "a10": [2], "a9": [3], "é": [4]], [:]]
        let deep = Sample()

        enum CodingKeys: String, CodingKey {
            case text, numbers, float, integers, unsigned, small, flags, absent, present, nested, deep
            case zeta = "Zeta"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(numbers, forKey: .numbers)
            try container.encode(float, forKey: .float)
            try container.encode(integers, forKey: .integers)
            try container.encode(unsigned, forKey: .unsigned)
            try container.encode(small, forKey: .small)
            try container.encode(flags, forKey: .flags)
            try container.encodeIfPresent(absent, forKey: .absent)
            try container.encodeIfPresent(present, forKey: .present)
            try container.encodeNil(forKey: .zeta)
            try container.encode(nested, forKey: .nested)
            var inner = container.nestedUnkeyedContainer(forKey: .deep)
            try inner.encode(deep)
            try inner.encodeNil()
        }
    }

    @Test("the same bytes as Foundation's JSONEncoder on awkward values")
    func sameAsFoundationOnAwkwardValues() throws {
        #expect(try JSONReportRenderer.text(of: Awkward()) == Self.foundationText(of: Awkward()))
        #expect(try JSONReportRenderer.text(of: Sample()) == Self.foundationText(of: Sample()))
        #expect(try JSONReportRenderer.text(of: 0.5) == Self.foundationText(of: 0.5))
    }

    /// The writer remembers the last few lists of keys with their sorted order: objects of as many
    /// keys that are not the same keys, more kinds than it remembers, must each get their own order.
    @Test("the same bytes as Foundation's JSONEncoder when objects with different keys alternate")
    func alternatingKeys() throws {
        let keySets = [["a", "b"], ["b", "c"], ["c", "a"], ["d", "c"], ["a", "d"], ["d", "b"]]
        let objects = (0..<24).map { index in Dictionary(uniqueKeysWithValues: keySets[index % keySets.count].map { ($0, index) }) }
        #expect(try JSONReportRenderer.text(of: objects) == Self.foundationText(of: objects))
    }

    /// Components are written directly (`JSONStreamable`), not through their `Codable` conformance.
    struct Components: Encodable {
        let none: [ComponentReport] = []
        let some: [ComponentReport]
        let zeta = "after"
    }

    @Test("components written directly: the same bytes as Foundation's JSONEncoder, with and without the optional member")
    func componentsWrittenDirectly() throws {
        let full = ComponentReport(name: "pay \"ment\"\t/x", layer: "software", responsibility: "ours", replicas: 3, needs: 2,
                                   ownAvailability: 0.999, ownUnavailability: 1e-3, availability: 0.9899999999999999,
                                   unavailability: 0.010000000000000009, outagesPerYear: 2.5, dependsOn: ["db", "a/b", "é"],
                                   method: "bounded")
        var bare = full
        bare.outagesPerYear = nil
        bare.dependsOn = []
        bare.replicas = -1
        bare.ownUnavailability = .infinity
        let value = Components(some: [full, bare, full])
        #expect(try JSONReportRenderer.text(of: value) == Self.foundationText(of: value))
        #expect(try JSONReportRenderer.text(of: [bare]) == Self.foundationText(of: [bare]))
        #expect(try JSONReportRenderer.text(of: full) == Self.foundationText(of: full))
    }

    @Test("a long array, written in runs on every core and handed on in order: the same bytes as Foundation's JSONEncoder")
    func longArrayWrittenInRuns() throws {
        // Over two rounds of runs and a part of one, with records of two shapes in no pattern.
        let count = 2 * JSONStreamWriter.elementsPerPiece * ProcessInfo.processInfo.activeProcessorCount + 1_234
        let records = (0..<count).map(Self.record)
        let value = Components(some: records)
        #expect(try JSONReportRenderer.text(of: value) == Self.foundationText(of: value))
        #expect(try JSONReportRenderer.text(of: records) == Self.foundationText(of: records))
    }

    /// The `index`th of many component records, with and without the optional member.
    static func record(_ index: Int) -> ComponentReport {
        let down = Double(index) * 1e-9
        let outages: Double? = index % 7 == 0 ? nil : Double(index)
        let dependsOn: [String] = index % 3 == 0 ? [] : ["c\(index / 2)"]
        return ComponentReport(name: "c\(index)", layer: "software", responsibility: "ours", replicas: index % 4, needs: 1,
                               ownAvailability: 0.999, ownUnavailability: 1e-3, availability: 1 - down, unavailability: down,
                               outagesPerYear: outages, dependsOn: dependsOn, method: "diagram")
    }

    @Test("the same bytes as Foundation's JSONEncoder on every bundled model's report", arguments: GoldenFiles.models)
    func sameAsFoundationOnReports(model: String) throws {
        let path = "models/\(model).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        let analysis = AvailabilityAnalysis(try ModelLoader.load(text: text, file: path))
        var report = ReportBuilder.availabilityReport(analysis, explain: true)
        ReportBuilder.addCutSets(MinimalCutSets(SLAPrediction(analysis.model, full: analysis), maxOrder: ReportBuilder.reportCutSetOrder), to: &report)
        #expect(try JSONReportRenderer.text(of: report) == Self.foundationText(of: report))
    }

    /// A value that refuses to encode, saying where it was.
    struct Refusal: Encodable, Error {
        func encode(to encoder: any Encoder) throws {
            throw EncodingError.invalidValue(0, .init(codingPath: encoder.codingPath, debugDescription: "refused"))
        }
    }

    struct Holder: Encodable {
        let outer: [String: [Refusal]] = ["inner": [Refusal()]]
    }

    /// The keys and positions of an error's coding path, as text.
    static func path(ofFailure encode: () throws -> String) -> [String] {
        do {
            _ = try encode()
            return []
        } catch EncodingError.invalidValue(_, let context) {
            return context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        } catch {
            return ["\(error)"]
        }
    }

    @Test("a value's encoder knows its coding path, as JSONEncoder's does")
    func codingPath() {
        let ours = Self.path { try JSONReportRenderer.text(of: Holder()) }
        #expect(ours == ["outer", "inner", "0"])
        #expect(ours == Self.path { try Self.foundationText(of: Holder()) })
    }

    /// Nested arrays `depth` deep.
    indirect enum Nested: Encodable {
        case leaf
        case array(Nested)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            if case .array(let inner) = self { try container.encode(inner) }
        }

        static func deep(_ depth: Int) -> Nested {
            (1..<depth).reduce(.leaf) { inner, _ in .array(inner) }
        }
    }

    @Test("a value the encoder refuses is an error, not '{}'")
    func failureIsAnError() {
        #expect(throws: (any Error).self) { try JSONReportRenderer.text(of: Nested.deep(600)) }
    }
}
