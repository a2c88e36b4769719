import Foundation
import Testing
@testable import NinesKit

/// `JSONReportRenderer` (our own encoder and writer) prints exactly the bytes Foundation's
/// JSONEncoder printed before it (`FoundationJSONReference`): every report type of the bundled and
/// of random models, and values chosen to hit number formatting, string escaping, key order,
/// empty containers, nesting limits and the less used corners of `Encoder`.
@Suite("JSON writer agrees with JSONEncoder")
struct JSONWriterAgreementTests {
    /// Records the first differing line rather than two large documents.
    static func expectSameBytes<T: Encodable>(_ value: T, _ label: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ours = JSONReportRenderer.render(value)
        let reference = FoundationJSONReference.render(value)
        if ours != reference {
            Issue.record("\(label) \(T.self): \(GoldenFiles.firstDifference(ours, reference))", sourceLocation: sourceLocation)
        }
    }

    static func loadBundled(_ name: String) throws -> SystemModel {
        let path = "models/\(name).yaml"
        return try ModelLoader.load(text: try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8), file: path)
    }

    @Test("every report of a bundled model", arguments: GoldenFiles.models)
    func bundledModel(name: String) throws {
        let model = try Self.loadBundled(name)
        let analysis = AvailabilityAnalysis(model)
        let worksheetPath = GoldenFiles.root.appendingPathComponent("models/\(name).fmea.yaml").path
        let worksheet = FileManager.default.fileExists(atPath: worksheetPath) ? try WorksheetLoader.load(file: worksheetPath).worksheet : nil

        var report = ReportBuilder.availabilityReport(analysis, worksheet: worksheet, topRisks: 10)
        Self.expectSameBytes(report, name)
        report.simulation = try MonteCarloSimulation(model).run(SimulationSettings(periods: 240, seed: 3, threads: 1))
        Self.expectSameBytes(report, "\(name) with simulation")
        Self.expectSameBytes(report.simulation, name)
        if let worksheet {
            Self.expectSameBytes(RiskReportBuilder.report(worksheet, analysis: analysis), name)
            Self.expectSameBytes(RiskReportBuilder.report(worksheet, analysis: analysis, order: .downtime), "\(name) by downtime")
        }
        let check = CheckReportBuilder.checkReport(SLAPrediction(model), minMargin: 0.25)
        Self.expectSameBytes(check, name)
        Self.expectSameBytes(CheckSARIFRenderer.log(check), name)
        for other in GoldenFiles.models {
            let comparison = ModelComparison(old: try Self.loadBundled(other), new: model)
            Self.expectSameBytes(DiffReportBuilder.diffReport(comparison, old: "\(other).yaml", new: "\(name).yaml"), "\(other) → \(name)")
        }
    }

    @Test("reports of 300 random models, and diffs between neighbours")
    func randomModels() {
        var rng = SplitMix64(seed: 0x15_0ed)
        var previous: SystemModel?
        for index in 0..<300 {
            let model = RandomModels.make(&rng, index: index)
            Self.expectSameBytes(ReportBuilder.availabilityReport(AvailabilityAnalysis(model)), "random \(index)")
            Self.expectSameBytes(CheckReportBuilder.checkReport(SLAPrediction(model)), "random \(index)")
            if let previous, index % 10 == 0 {
                Self.expectSameBytes(DiffReportBuilder.diffReport(ModelComparison(old: previous, new: model), old: "a", new: "b"), "random \(index)")
            }
            previous = model
        }
    }

    /// Numbers at the edges of Swift's shortest round-trip printing, then random bit patterns.
    @Test func numbers() {
        let edges: [Double] = [0, -0.0, 1, -1, 720, 720.5, 0.1 + 0.2, 1e-30, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1e300, 1e308,
                               .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude, .ulpOfOne,
                               1e15, 1e16, 1e17, Double(123_456_789_012_345_678 as Int64), 9007199254740992, Double(9_007_199_254_740_993 as Int64), 0.0001, 0.00001,
                               1e-4, 1e-5, 0.99999, 1 - 1e-16, 0.999_999_999_999, 100, 1e2, 1e21, 1e22, 1e23,
                               .infinity, -.infinity, .nan, -.nan, .signalingNaN, 8760, 8766, 2190.5, 1 / 3.0]
        var rng = SplitMix64(seed: 42)
        var random: [Double] = []
        for _ in 0..<20_000 {
            random.append(Double(bitPattern: rng.next()))
            random.append(Double(rng.next() % 100_000) / pow(10, Double(rng.next() % 12)))
        }
        Self.expectSameBytes(edges)
        Self.expectSameBytes(random)
        Self.expectSameBytes(edges.map { Optional($0) } + [nil])
        Self.expectSameBytes(Dictionary(uniqueKeysWithValues: edges.enumerated().map { ("k\($0.offset)", $0.element) }))
        Self.expectSameBytes(edges.map(Float.init) + random.prefix(2000).map { Float(bitPattern: UInt32(truncatingIfNeeded: $0.bitPattern)) })
        Self.expectSameBytes(Integers())
        Self.expectSameBytes(Integers(i: .min, i8: .min, i16: .min, i32: .min, i64: .min, u: .max, u8: .max, u16: .max, u32: .max, u64: .max))
        Self.expectSameBytes([Int.min, -1, 0, 1, 9, 10, 99, 100, Int.max])
        Self.expectSameBytes([UInt64.max, 0, 10_000_000_000_000_000_000])
        Self.expectSameBytes(Decimal(string: "3.14159265358979323846"))
        Self.expectSameBytes(-0.0)
        Self.expectSameBytes(Double.nan)
        Self.expectSameBytes(42)
    }

    @Test func strings() {
        var all: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        all += ["", "plain", "quote \" inside", "back\\slash", "slash / and //", "line\nbreak\r\n", "tab\tand\u{0B}vertical",
                "\u{08}\u{0C}\u{00}\u{1F}\u{7F}", "é e\u{301} ß 日本 🧯 \u{212A} \u{FEFF} \u{2028}\u{2029}", "</script>",
                String(repeating: "long \"quoted\" text\n", count: 300)]
        Self.expectSameBytes(all)
        // Escapes at every offset of the eight-byte words the writer copies at once.
        var rng = SplitMix64(seed: 5)
        let alphabet: [String] = ["a", "Z", "0", " ", "/", "\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "é", "日", "🧯", "~", "!", "#"]
        let random = (0..<3000).map { _ in (0..<rng.int(in: 0...40)).map { _ in rng.pick(alphabet) }.joined() }
        Self.expectSameBytes(random)
        Self.expectSameBytes("top-level \"string\" with \u{1} control")
        Self.expectSameBytes(Dictionary(uniqueKeysWithValues: all.enumerated().map { ("\($0.element)#\($0.offset)", $0.element) }))
    }

    /// JSONEncoder sorts by UTF-8 bytes; keys equal as Swift strings are one member (first key
    /// text, last value); the same type with different keys present must not share an order.
    @Test func keyOrder() {
        Self.expectSameBytes(Keys(["b", "a", "B", "A", "_", "é", "e", "f", "Z", "aa", "a1", "a10", "a2", "", " ", "~", "日", "🧯", "ä"]))
        Self.expectSameBytes(Keys(["x", "y", "x", "z", "y"]))
        Self.expectSameBytes(Keys(["K", "b", "\u{212A}", "a"]))
        Self.expectSameBytes(Keys(["\u{212A}", "b", "K", "a"]))
        Self.expectSameBytes(Keys(["é", "e\u{301}", "d"]))
        Self.expectSameBytes(Keys(["\u{1E0A}\u{0323}", "\u{1E0C}\u{0307}", "z"]))
        var rng = SplitMix64(seed: 9)
        let pool = ["alpha", "beta", "gamma", "delta", "Alpha", "b", "ζ", "g2", "g10"]
        let variants = (0..<200).map { _ in Keys((0..<rng.int(in: 0...7)).map { _ in rng.pick(pool) }) }
        Self.expectSameBytes(variants)
        let optionals = (0..<64).map { mask in
            Optionals(a: mask & 1 == 0 ? nil : 1, b: mask & 2 == 0 ? nil : "b", c: mask & 4 == 0 ? nil : [], d: mask & 8 == 0 ? nil : 0.5,
                      e: mask & 16 == 0 ? nil : Optionals.Inner(), f: mask & 32 == 0 ? nil : true)
        }
        Self.expectSameBytes(optionals)
        Self.expectSameBytes(optionals.reversed() + optionals)
    }

    @Test func emptyAndNestedContainers() {
        Self.expectSameBytes([[String]]())
        Self.expectSameBytes([[[String]]()])
        Self.expectSameBytes([String: [Int]]())
        Self.expectSameBytes([["a": [[String: Int]](), "b": [[:]]]])
        Self.expectSameBytes(Optionals(a: nil, b: nil, c: nil, d: nil, e: nil, f: nil))
        Self.expectSameBytes([Optionals.Inner(), Optionals.Inner()])
        Self.expectSameBytes(Nothing())
        Self.expectSameBytes([Nothing(), Nothing()])
        Self.expectSameBytes(NullMember())
        Self.expectSameBytes([Int?.none, 1, nil])
        Self.expectSameBytes(Foundation(date: Date(timeIntervalSinceReferenceDate: 123.25), data: Data([0, 1, 2, 250, 255]),
                                        url: URL(string: "https://example.com/a/b?c=d")!, decimal: Decimal(string: "-0.000125")!))
    }

    /// JSONEncoder refuses containers nested 512 deep (the renderer then prints `{}`).
    @Test(arguments: [1, 2, 255, 510, 511, 512, 513, 600])
    func nesting(depth: Int) {
        Self.expectSameBytes(Nested.make(depth))
        Self.expectSameBytes(["outer": Nested.make(depth)])
    }

    /// Types that write their own JSON must write every stored property, present or not.
    @Test func directlyWrittenObjectsWriteEveryProperty() {
        let full = ComponentReport(name: "db \"primary\"", layer: "platform", responsibility: "provider", replicas: 3, needs: 2,
                                   ownAvailability: 0.999, ownUnavailability: 1e-3, availability: 0.9989, unavailability: 1.1e-3,
                                   outagesPerYear: 4, dependsOn: ["az-1", "az/2"], method: "bounded")
        var bare = full
        bare.outagesPerYear = nil
        bare.dependsOn = []
        Self.expectSameBytes(full)
        Self.expectSameBytes([bare, full, bare])
        Self.expectSameBytes(["components": [full, bare]])

        var members = JSONMembers(storage: JSONStorage())
        full.writeMembers(to: &members)
        let properties = Mirror(reflecting: full).children.compactMap(\.label)
        #expect(members.keys.sorted() == properties.sorted())
    }

    @Test func lessUsedEncoderCorners() {
        Self.expectSameBytes(Manual(variant: 0))
        Self.expectSameBytes(Manual(variant: 1))
        Self.expectSameBytes(Manual(variant: 2))
        Self.expectSameBytes([Manual(variant: 0), Manual(variant: 1), Manual(variant: 2)])
        Self.expectSameBytes(Derived())
        Self.expectSameBytes([Derived(), Derived()])
    }
}

private struct Integers: Encodable {
    var i: Int = -7, i8: Int8 = -8, i16: Int16 = 16, i32: Int32 = -32, i64: Int64 = 64
    var u: UInt = 7, u8: UInt8 = 8, u16: UInt16 = 16, u32: UInt32 = 32, u64: UInt64 = 64
}

/// An object with exactly these keys, in this order, each holding its position.
private struct Keys: Encodable {
    var keys: [String]
    init(_ keys: [String]) { self.keys = keys }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: JSONIndexKey.self)
        for (index, key) in keys.enumerated() { try container.encode(index, forKey: JSONIndexKey(stringValue: key)) }
    }
}

private struct Optionals: Encodable {
    struct Inner: Encodable { var list: [Double] = []; var none: String? = nil }
    var a: Int?, b: String?, c: [String]?, d: Double?, e: Inner?, f: Bool?
}

/// Encodes nothing at all: an empty object when nested, an error (so `{}`) at the top.
private struct Nothing: Encodable {
    func encode(to encoder: Encoder) throws {}
}

private struct NullMember: Encodable {
    enum CodingKeys: String, CodingKey { case present, absent }
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeNil(forKey: .absent)
        try container.encode("here", forKey: .present)
    }
}

private struct Foundation: Encodable {
    var date: Date, data: Data, url: URL, decimal: Decimal
}

private indirect enum Nested: Encodable {
    case leaf
    case array(Nested)
    case object(Nested)

    static func make(_ depth: Int) -> Nested {
        (0..<depth).reduce(Nested.leaf) { inner, level in level % 2 == 0 ? .array(inner) : .object(inner) }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .leaf:
            var container = encoder.singleValueContainer()
            try container.encode(1)
        case .array(let inner):
            var container = encoder.unkeyedContainer()
            try container.encode(inner)
        case .object(let inner):
            var container = encoder.container(keyedBy: JSONIndexKey.self)
            try container.encode(inner, forKey: JSONIndexKey(stringValue: "in"))
        }
    }
}

/// Nested containers, super encoders, a keyed container asked for twice.
private struct Manual: Encodable {
    var variant: Int
    enum Keys: String, CodingKey { case zeta, alpha, nested, list, again }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(variant, forKey: .zeta)
        var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
        try nested.encode("inner", forKey: .alpha)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(1.5)
        var inner = list.nestedContainer(keyedBy: Keys.self)
        try inner.encode(true, forKey: .again)
        var innerList = list.nestedUnkeyedContainer()
        try innerList.encode("x")
        try innerList.encodeNil()
        try list.encode("after")
        if variant >= 1 {
            var more = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)   // the same object again
            try more.encode(2, forKey: .zeta)
            var element = list.superEncoder().singleValueContainer()
            try element.encode("super element")
            try list.encode("last")
        }
        if variant == 2 {
            var same = encoder.container(keyedBy: Keys.self)
            try same.encode("from a second container", forKey: .alpha)
            var again = container.superEncoder(forKey: .again).singleValueContainer()
            try again.encode([1, 2])
        }
        try container.encode("first", forKey: .alpha)
    }
}

private class Base: Encodable {
    var base = "base value"
    enum BaseKeys: String, CodingKey { case base }
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: BaseKeys.self)
        try container.encode(base, forKey: .base)
    }
}

private final class Derived: Base {
    var own = [0.25, 720]
    enum DerivedKeys: String, CodingKey { case own }
    override func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: DerivedKeys.self)
        try container.encode(own, forKey: .own)
        try super.encode(to: container.superEncoder())
    }
}
