import Testing
@testable import NinesKit

/// The component entries of a large file are read in chunks on several threads and merged in file
/// order: what comes out (components, outlines, group members, refused names, and every diagnostic
/// in its order) must be what one loop over the entries gives.
struct ComponentChunkTests {
    /// 4,500 components (above two chunks' minimum), with problems in every chunk: a refused
    /// figure, an unknown field, an invalid name, a k_of with too few members, a fallback.
    static let model: String = {
        var text = "version: 1\nsystem: Chunks\ncomponents:\n"
        for index in 0..<4_500 {
            switch index {
            case 17: text += "  c\(index): { availability: lots }\n"
            case 1_999: text += "  c\(index): { availability: 99.9%, avilability: 99% }\n"
            case 2_250: text += "  \"Bad name!\": { availability: 99.9% }\n"
            case 3_001: text += "  c\(index): { availability: 99.9%, depends_on: [{ any: [c1, c2] }, { on: c3, fallback: c4 }] }\n"
            case 4_400: text += "  c\(index): { availability: 99.9%, depends_on: [{ k_of: { k: 4, of: [c5, c6] } }] }\n"
            default: text += "  c\(index): { availability: 99.9%, depends_on: [c\(index / 2)] }\n"
            }
        }
        return text
    }()

    static func read(chunks: Int) throws -> (draft: ModelDraft, diagnostics: [Diagnostic]) {
        let root = try YAMLParser.parse(model, file: "chunks.yaml").get()
        let collector = DiagnosticCollector()
        let draft = ModelDocumentReader(file: "chunks.yaml", diagnostics: collector, componentChunks: chunks).read(root)
        return (draft, collector.diagnostics)
    }

    @Test func chunksGiveWhatOneLoopGives() throws {
        let one = try Self.read(chunks: 1)
        let three = try Self.read(chunks: 3)   // 4,500 entries of at least 2,000: two chunks
        #expect(three.diagnostics == one.diagnostics)
        #expect(three.draft.components == one.draft.components)
        #expect(three.draft.unreadComponents == one.draft.unreadComponents)
        #expect(three.draft.groupMemberLocations == one.draft.groupMemberLocations)
        #expect(three.draft.outlines.map(\.name) == one.draft.outlines.map(\.name))
        #expect(three.draft.outlines.map(\.dependencies) == one.draft.outlines.map(\.dependencies))
    }

    /// Independently of the one loop: each problem once, at its own line, in file order.
    @Test func problemsOfEveryChunkInFileOrder() throws {
        let (draft, diagnostics) = try Self.read(chunks: 2)
        // Entry n is on line 4 + n; the k_of's 'k' (c4400, line 4404) is beyond its two members.
        let lines: [Int?] = diagnostics.map(\.location?.line)
        #expect(lines == [21, 2_003, 2_254, 4_404])
        #expect(draft.components.count == 4_500 - 2)   // c17 and the bad name refused
        #expect(draft.unreadComponents == ["c17", "Bad name!"])
        #expect(draft.outlines.count == 4_500 - 1)   // the bad name has none
        #expect(draft.groupMemberLocations.count == 3)   // the any, the fallback's group, the k_of
    }
}
