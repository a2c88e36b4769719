import Testing
@testable import NinesKit

/// Between loading and compiling, a large model's per-component work runs on the cores: the
/// dependency cross-checks (`DependencyCheck`) and the names resolved to indices
/// (`ResolvedDependencies`) in chunks, the components' figures beside the variable order. Each
/// must give what one loop gives, every diagnostic in its order.
struct LoadTailChunkTests {
    /// 9,000 components (above two chunks' minimum of each), with a problem in every chunk: an
    /// unknown layer, an unknown dependency, a component that needs itself, a group member twice.
    static let model: String = {
        var text = "version: 1\nsystem: Chunks\ncomponents:\n"
        for index in 0..<9_000 {
            switch index {
            case 0..<10: text += "  c\(index): { availability: 99.9% }\n"
            case 10: text += "  c\(index): { availability: 99.9%, layer: platfrom }\n"
            case 2_500: text += "  c\(index): { availability: 99.9%, depends_on: [c1, nowhere] }\n"
            case 5_000: text += "  c\(index): { availability: 99.9%, depends_on: [c\(index)] }\n"
            case 8_999: text += "  c\(index): { availability: 99.9%, depends_on: [{ any: [c7, c8, c7] }] }\n"
            default: text += "  c\(index): { availability: 99.9%, depends_on: \(dependencies(index)) }\n"
            }
        }
        return text
    }()

    /// From c10 on, c(n) needs c(n/2) and one of c(n/3), c(n/5): three different components.
    static func dependencies(_ index: Int) -> String {
        "[c\(index / 2), { k_of: { k: 1, of: [c\(index / 3), c\(index / 5)] } }]"
    }

    static func check(chunks: Int) throws -> (edges: DependencyCheck.Edges, diagnostics: [Diagnostic]) {
        let root = try YAMLParser.parse(model, file: "chunks.yaml").get()
        let draft = ModelDocumentReader(file: "chunks.yaml", diagnostics: DiagnosticCollector()).read(root)
        let known = Dictionary(uniqueKeysWithValues: draft.outlines.enumerated().map { ($1.name, $0) })
        return DependencyCheck(outlines: draft.outlines, known: known, unread: [], names: draft.outlines.map(\.name),
                               knownLayers: Layer.builtIn, memberLocations: draft.groupMemberLocations, reporting: true)
            .run(chunks: chunks)
    }

    @Test func dependencyChecksInChunksGiveWhatOneLoopGives() throws {
        let one = try Self.check(chunks: 1)
        let three = try Self.check(chunks: 3)   // 9,000 outlines of at least 2,000: three chunks
        #expect(three.diagnostics == one.diagnostics)
        #expect(three.edges == one.edges)
    }

    /// Independently of the one loop: each problem once, at its own line, in file order, and the
    /// edges of a component in the last chunk by position.
    @Test func dependencyProblemsOfEveryChunkInFileOrder() throws {
        let (edges, diagnostics) = try Self.check(chunks: 2)
        // Entry n is on line 4 + n.
        #expect(diagnostics.map(\.location?.line) == [14, 2_504, 5_004, 9_003])
        #expect(diagnostics.map(\.message) == [
            "component 'c10' is on unknown layer 'platfrom' (declare it under 'layers' or use one of "
                + Layer.builtIn.joined(separator: ", ") + "); did you mean 'platform'?",
            "component 'c2500' depends on unknown component 'nowhere'",
            "component 'c5000' depends on itself",
            "component 'c8999' lists 'c7' more than once in its dependencies",
        ])
        #expect(edges.count == 9_000)
        #expect(Array(edges[7_777]) == [3_888, 2_592, 1_555])
        #expect(edges[5_000].isEmpty)   // itself left out
        #expect(Array(edges[8_999]) == [7, 8, 7])
    }

    /// The loader reports them all at once, in file order, with the model's other problems.
    @Test func loaderReportsEveryChunksProblemInOrder() {
        let error = #expect(throws: DiagnosticError.self) { try ModelLoader.load(text: Self.model, file: "chunks.yaml") }
        #expect(error?.diagnostics.map(\.location?.line) == [14, 2_504, 5_004, 9_003])
    }

    /// A valid model of 9,000 components, their dependencies as above.
    static let valid: SystemModel = {
        var text = "version: 1\nsystem: Chunks\ncomponents:\n"
        for index in 0..<9_000 {
            let figures = index % 2 == 0 ? "availability: 99.9%" : "mtbf: \(index)h, mttr: 1h, replicas: 3, needs: 2, common_cause: 1%"
            text += "  c\(index): { \(figures)\(index < 10 ? "" : ", depends_on: " + dependencies(index)) }\n"
        }
        return try! ModelLoader.load(text: text, file: "valid.yaml")
    }()

    @Test func resolvedDependenciesInChunksGiveWhatOneLoopGives() {
        let indexOf = Dictionary(uniqueKeysWithValues: Self.valid.components.enumerated().map { ($1.name, $0) })
        let one = ResolvedDependencies(Self.valid, indexOf: indexOf, chunks: 1)
        let three = ResolvedDependencies(Self.valid, indexOf: indexOf, chunks: 3)   // at least 4,000 each: two chunks
        #expect(three == one)
        // Independently: component 7,777 has two requirements, 1 of [3,888] and 1 of [2,592, 1,555].
        let first = three.requirementStart[7_777]
        #expect(three.requirementStart[7_778] - first == 2)
        #expect(three.needed[first...first + 1] == [1, 1])
        #expect(three.isGroup[first...first + 1] == [false, true])
        #expect(Array(three.dependencies(of: 7_777)) == [3_888, 2_592, 1_555])
        #expect(three.members.count == 3 * 8_990)
    }

    /// The variable order beside the components' figures (as `AvailabilityAnalysis` works them
    /// out for a large model): the same order and figures as one after the other.
    @Test func orderAlongsideFiguresGivesWhatOneAfterTheOtherGives() {
        let perfect: Set<String> = ["c4001", "c8999"]
        let (order, figures) = OrderedChunks.alongside(onTwoCores: true, { ComponentOrder(Self.valid) }) {
            EffectiveAvailability.everyComponent(of: Self.valid, perfect: perfect)
        }
        let alone = ComponentOrder(Self.valid)
        #expect(order.levelOf == alone.levelOf && order.dependencies == alone.dependencies && order.roots == alone.roots)
        #expect(figures.count == 9_000)
        #expect(figures[4_001] == .perfect && figures[8_999] == .perfect)
        #expect(figures[8_997] == EffectiveAvailability(Self.valid.components[8_997]))
        #expect(figures[8_997] != .perfect)
    }
}
