import Foundation
import Testing
@testable import NinesKit

/// Dense dependency graphs keep the diagram within `StackDiagramBuilder.edgeBound` edges, and
/// every format says what it leaves out. (Time is measured by benchmarks/dense-diagram.sh.)
struct StackDiagramEdgeBoundTests {
    /// `count` components, each on a layer of its own, component i depending on every j > i:
    /// the 200 components in 200 layers with 200·199/2 = 19,900 edges.
    static func dense(_ count: Int) -> String {
        var text = "version: 1\nsystem: dense\nlayers:\n"
        for i in 0..<count { text += "  layer-\(i): layer \(i)\n" }
        text += "components:\n"
        for i in 0..<count {
            let dependencies = ((i + 1)..<count).map { "c\($0)" }.joined(separator: ", ")
            text += "  c\(i): { layer: layer-\(i), availability: 99.99%, depends_on: [\(dependencies)] }\n"
        }
        return text
    }

    /// `count` callers depending on each of `count` callees (no edge implies another); each
    /// component on a layer of its own, or all callers on one layer and all callees on another.
    static func bipartite(_ count: Int, layerEach: Bool) -> String {
        var text = "version: 1\nsystem: bipartite\nlayers:\n"
        for i in 0..<(2 * count) { text += "  layer-\(i): layer \(i)\n" }
        text += "components:\n"
        let callees = (0..<count).map { "b\($0)" }.joined(separator: ", ")
        for i in 0..<count { text += "  t\(i): { layer: layer-\(layerEach ? i : 0), availability: 99.9%, depends_on: [\(callees)] }\n" }
        for j in 0..<count { text += "  b\(j): { layer: layer-\(layerEach ? count + j : 1), availability: 99.9% }\n" }
        return text
    }

    /// A total order's transitive reduction is its chain: 199 edges c_i → c_{i+1} are drawn, and
    /// the other 19,900 − 199 = 19,701 are said to follow from them, in every format.
    @Test func denseOrderKeepsItsChain() throws {
        let (diagram, _) = try StackDiagramTests.diagram(Self.dense(200))
        #expect(diagram.edges.count == 199)
        #expect(diagram.impliedEdges == 19_701 && diagram.undrawnEdges == 0)
        #expect(!diagram.collapsed)
        for (i, edge) in diagram.edges.enumerated() { #expect(edge.from == "n\(i)" && edge.to == "n\(i + 1)") }
        let svg = StackDiagramSVGRenderer().render(StackDiagramLayout(diagram))
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 199)
        #expect(svg.utf8.count < 1_000_000, "\(svg.utf8.count) bytes")
        #expect(svg.contains("19,701 dependencies not drawn: a path of drawn ones implies each"))
        #expect(StackDiagramDOTRenderer().render(diagram).contains("  // 19,701 dependencies not drawn"))
        #expect(StackDiagramMermaidRenderer().render(diagram).contains("  %% 19,701 dependencies not drawn"))
    }

    /// Two layers of 100 with every edge between them: nothing is implied, so the diagram
    /// collapses to one box per layer joined by one edge that stands for all 10,000.
    @Test func completeBipartiteCollapses() throws {
        let (diagram, _) = try StackDiagramTests.diagram(Self.bipartite(100, layerEach: false))
        #expect(diagram.collapsed)
        #expect(diagram.edges.count == 1 && diagram.edges[0].count == 10_000)
        #expect(diagram.impliedEdges == 0 && diagram.undrawnEdges == 0)
    }

    /// One component per layer: collapsing gains nothing, so the 10,000 edges are cut to the
    /// bound, 1,000 / 100 = 10 for each caller, and the 9,000 others are counted.
    @Test func uncollapsibleGraphIsCutFairlyAndSaysSo() throws {
        let (diagram, _) = try StackDiagramTests.diagram(Self.bipartite(100, layerEach: true))
        #expect(!diagram.collapsed)
        #expect(diagram.edges.count == StackDiagramBuilder.edgeBound)
        #expect(diagram.undrawnEdges == 9_000)
        let perCaller = Dictionary(grouping: diagram.edges, by: \.from).mapValues(\.count)
        #expect(perCaller.count == 100 && perCaller.values.allSatisfy { $0 == 10 })
        let svg = StackDiagramSVGRenderer().render(StackDiagramLayout(diagram))
        #expect(svg.contains("9,000 edges not drawn past 1,000"))
    }

    /// Under the bound nothing is left out, even where one edge implies another.
    @Test func smallDiagramsDrawEveryEdge() throws {
        let (diagram, _) = try StackDiagramTests.diagram(Self.dense(20))
        #expect(diagram.edges.count == 190 && diagram.impliedEdges == 0)
        #expect(StackDiagramText.edgeNote(diagram) == nil)
    }

    /// The HTML page of the dense model stays small and says what it leaves out.
    @Test func htmlPageOfTheDenseModel() throws {
        let model = try ModelLoader.load(text: Self.dense(200), file: "dense.yaml")
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model))
        report.picture = ReportPictureBuilder.picture(report, model: model)
        let html = HTMLReportRenderer().render(report)
        #expect(html.utf8.count < 2_000_000, "\(html.utf8.count) bytes")
        #expect(html.contains("<p class=\"muted small\">19,701 dependencies not drawn: a path of drawn ones implies each.</p>"))
    }
}
