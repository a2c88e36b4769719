import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// The stack diagram: what the builder puts in it, where the layout places it, how each format prints it.
struct StackDiagramTests {
    static func diagram(_ text: String) throws -> (StackDiagram, SystemModel) {
        let model = try ModelLoader.load(text: text, file: "test.yaml")
        return (StackDiagramBuilder.diagram(model, report: ReportBuilder.availabilityReport(AvailabilityAnalysis(model))), model)
    }

    static func bundled(_ name: String) throws -> (StackDiagram, SystemModel) {
        try diagram(String(contentsOf: GoldenFiles.root.appendingPathComponent("models/\(name).yaml"), encoding: .utf8))
    }

    static let shop = """
    version: 1
    system: Shop "north" \\ east
    components:
      web: { layer: software, availability: 99.9%, mttr: 10m, replicas: 3, needs: 2, depends_on: [db, { any: [zone-a, zone-b] }, sso] }
      db: { layer: data, availability: 99.95%, mttr: 1h, failover: { detect: 30s, switch: 60s } }
      cache: { layer: data, availability: 99%, mttr: 5m, masked_for: 10m }
      zone-a: { layer: physical, availability: 99.9%, mttr: 2h }
      zone-b: { layer: physical, availability: 99.9%, mttr: 2h }
      sso: { layer: external, availability: 99%, mttr: 1h, responsibility: customer }
      api: { layer: software, availability: 99.99%, mttr: 10m, depends_on: [cache, db] }
    """

    @Test("every component has one box, inside its layer's band, and no two boxes overlap", arguments: GoldenFiles.models)
    func boxesDoNotOverlap(model: String) throws {
        let (diagram, system) = try Self.bundled(model)
        let layout = StackDiagramLayout(diagram)
        #expect(Set(layout.boxes.map { diagram.nodes[$0.node].name }) == Set(system.components.map(\.name)))
        #expect(layout.boxes.count == system.components.count)
        for (index, box) in layout.boxes.enumerated() {
            for other in layout.boxes[(index + 1)...] {
                #expect(!Self.overlap(box.frame, other.frame), "\(box.label) overlaps \(other.label)")
            }
            let band = try #require(layout.bands.first { $0.layer == diagram.nodes[box.node].layer })
            #expect(Self.contains(band.frame, box.frame), "\(box.label) outside its band")
            #expect(box.frame.x + box.frame.width <= layout.width && box.frame.y + box.frame.height <= layout.height)
        }
        for frame in layout.frames {
            for member in diagram.groups[frame.group].members {
                let box = try #require(layout.boxes.first { diagram.nodes[$0.node].id == member })
                #expect(Self.contains(frame.frame, box.frame))
            }
        }
    }

    /// 80 components on rows of six: services over stores and nodes, with groups, so edges cross
    /// several lines of their own layer and others.
    static let wide: String = {
        var lines = ["version: 1", "system: wide", "components:"]
        for index in 0..<30 { lines.append("  node-\(index): { layer: platform, availability: 99.9% }") }
        for index in 0..<10 { lines.append("  store-\(index): { layer: data, availability: 99.9%, depends_on: [node-\(index * 3)] }") }
        for index in 0..<40 {
            let group = "{ k_of: { k: 2, of: [node-\(index % 30), node-\((index + 7) % 30), node-\((index + 13) % 30)] } }"
            let peer = index > 0 ? ", svc-\(index / 2)" : ""
            lines.append("  svc-\(index): { availability: 99.9%, depends_on: [store-\(index % 10), \(group)\(peer)] }")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func aWideModelKeepsBoxesApartAndEdgesOffThem() throws {
        let (diagram, _) = try Self.diagram(Self.wide)
        let layout = StackDiagramLayout(diagram)
        #expect(layout.boxes.count == 80)
        for (index, box) in layout.boxes.enumerated() {
            for other in layout.boxes[(index + 1)...] { #expect(!Self.overlap(box.frame, other.frame)) }
        }
        Self.expectEdgesAvoidBoxes(layout)
    }

    @Test("no edge passes behind a box it does not connect", arguments: GoldenFiles.models)
    func edgesAvoidOtherBoxes(model: String) throws {
        Self.expectEdgesAvoidBoxes(StackDiagramLayout(try Self.bundled(model).0))
    }

    static func expectEdgesAvoidBoxes(_ layout: StackDiagramLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let diagram = layout.diagram
        for curve in layout.curves {
            let edge = diagram.edges[curve.edge]
            let group = diagram.groups.first { $0.id == edge.to }
            let ends = Set([edge.from, edge.to] + (group?.members ?? []))
            for box in layout.boxes where !ends.contains(diagram.nodes[box.node].id) {
                for point in Self.samples(curve) {
                    #expect(!box.frame.contains(point), "\(edge.from) → \(edge.to) passes behind \(box.label)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Points along each cubic segment of a curve.
    static func samples(_ curve: StackDiagramLayout.Curve) -> [StackDiagramLayout.Point] {
        var points: [StackDiagramLayout.Point] = []
        for segment in stride(from: 0, to: curve.points.count - 1, by: 3) {
            let p = Array(curve.points[segment...segment + 3])
            for step in 0...20 {
                let t = Double(step) / 20, u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                points.append(.init(x: a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                                    y: a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y))
            }
        }
        return points
    }

    @Test func builderMarksGroupsFailoverMaskingAndOutsideTheSLA() throws {
        let (diagram, _) = try Self.diagram(Self.shop)
        func node(_ name: String) throws -> DiagramNode { try #require(diagram.nodes.first { $0.name == name }) }
        #expect(try node("web").replicas == 3 && node("web").needs == 2)
        #expect(try node("db").failoverHours == 90.0 / 3600)
        #expect(try node("cache").maskedForHours == 10.0 / 60)
        #expect(try node("sso").excludedFromSLA)
        #expect(try node("sso").costRank == nil, "a customer's part is not highlighted as ours to fix")
        #expect(diagram.groups.count == 1 && diagram.groups[0].k == 1 && diagram.groups[0].members.count == 2)
        #expect(diagram.edges.contains { $0.from == (try? node("api").id) && $0.to == (try? node("cache").id) && $0.masked })
        #expect(diagram.nodes.compactMap(\.costRank).sorted() == [1, 2, 3])
        // Callers above what they call: software on top, physical below data.
        let layers = diagram.layers.map(\.name)
        #expect(layers.first == "software")
        #expect(layers.firstIndex(of: "data")! < layers.firstIndex(of: "physical")!)
        #expect(diagram.layers.first { $0.name == "software" }?.colour.stroke == "#1d4ed8")
    }

    @Test func largeModelsCollapseByLayerWithCounts() throws {
        var lines = ["version: 1", "system: big", "components:"]
        for index in 0..<150 { lines.append("  zone-\(index): { layer: physical, availability: 99.9% }") }
        for index in 0..<150 {
            lines.append("  svc-\(index): { availability: 99.9%, depends_on: [{ any: [zone-\(index), zone-\((index + 1) % 150)] }] }")
        }
        lines.append("  desk: { layer: external, availability: 99%, responsibility: customer, depends_on: [svc-0] }")
        let (diagram, _) = try Self.diagram(lines.joined(separator: "\n"))
        #expect(diagram.collapsed && diagram.componentCount == 301)
        #expect(diagram.nodes.map(\.count).reduce(0, +) == 301)
        #expect(diagram.nodes.count == 3)
        let software = try #require(diagram.nodes.first { $0.name == "software" })
        #expect(software.count == 150)
        #expect(diagram.nodes.first { $0.name == "physical" }?.groupCount == 150)
        #expect(diagram.edges.first { $0.from == software.id }?.count == 300)
        let layout = StackDiagramLayout(diagram)
        #expect(layout.boxes.count == 3)
        #expect(StackDiagramSVGRenderer().render(layout).contains("150 components"))
    }

    @Test func dotQuotesEveryNameAndLabel() throws {
        let (diagram, _) = try Self.diagram(Self.shop)
        let dot = StackDiagramDOTRenderer().render(diagram)
        #expect(dot.hasPrefix("digraph \"stack diagram\" {"))
        #expect(dot.contains(#"label="Shop \"north\" \\ east — stack diagram""#))
        #expect(dot.contains("subgraph \"cluster_layer_0\""))
        #expect(dot.contains(#"label="1 of 2", shape=hexagon"#))
        #expect(dot.contains(#""n0" -> "n1";"#))
    }

    @Test func mermaidIsAFlowchartWithQuotedLabels() throws {
        let (diagram, _) = try Self.diagram(Self.shop.replacingOccurrences(of: "system: Shop \"north\" \\\\ east", with: "system: shop"))
        let mermaid = StackDiagramMermaidRenderer().render(diagram)
        #expect(mermaid.hasPrefix("flowchart TB\n"))
        #expect(mermaid.contains("subgraph L0[\"software\"]"))
        #expect(mermaid.contains("n0[\"web<br/>"))
        #expect(mermaid.contains("g0{{\"1 of 2\"}}"))
        #expect(mermaid.contains("n6 -.->|masked| n2"))
        #expect(StackDiagramMermaidRenderer().escape("a \"b\" <c> #d") == "a #quot;b#quot; #lt;c#gt; #35;d")
    }

    @Test func svgEscapesTextAndMarksEveryComponent() throws {
        let (diagram, system) = try Self.diagram(Self.shop)
        let svg = StackDiagramSVGRenderer().render(StackDiagramLayout(diagram))
        #expect(svg.contains("Shop &quot;north&quot; \\ east — stack diagram"))
        for component in system.components { #expect(svg.contains("data-name=\"\(component.name)\"")) }
        #expect(svg.contains("data-outside-sla=\"true\""))
        #expect(svg.contains("redundancy · any 1 of 2 up"))
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2, "only the SVG namespace")
    }

    static func overlap(_ a: StackDiagramLayout.Rect, _ b: StackDiagramLayout.Rect) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    static func contains(_ outer: StackDiagramLayout.Rect, _ inner: StackDiagramLayout.Rect) -> Bool {
        inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height
    }
}
