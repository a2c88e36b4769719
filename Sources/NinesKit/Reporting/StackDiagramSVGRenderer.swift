import Foundation

/// The stack diagram as a standalone SVG (`nines diagram --format svg`, and inline in the HTML
/// report): prints a `StackDiagramLayout`, never places anything itself.
///
/// Each component box is a `<g class="component" data-name="…">` so tests and scripts can find it.
struct StackDiagramSVGRenderer: ReportRenderer {
    /// Adds the XML declaration, for a file of its own.
    public var standalone: Bool

    public init(standalone: Bool = true) {
        self.standalone = standalone
    }

    public func render(_ layout: StackDiagramLayout) -> String {
        let diagram = layout.diagram
        var svg: [String] = []
        if standalone { svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stack-diagram\" width=\"\(n(layout.width))\" height=\"\(n(layout.height))\" "
                   + "viewBox=\"0 0 \(n(layout.width)) \(n(layout.height))\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\" "
                   + "aria-label=\"\(x("Stack diagram of \(diagram.system)"))\">")
        svg.append(Self.definitions)
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        svg.append(text(20, 32, "\(diagram.system) — stack diagram", size: 20, weight: "700", fill: "#0f172a"))
        let counts = "\(Format.count(diagram.componentCount)) components in \(diagram.layers.count) layers"
        let summary = diagram.collapsed
            ? counts + ", collapsed by layer (one box per layer and SLA scope)"
            : counts + " · box figures: availability with everything the component needs"
        // A bundled diagram says what it leaves out in place of the reading hint: one line fits.
        let bundled = StackDiagramText.edgeNote(diagram).map { counts + (diagram.collapsed ? ", a box per layer and SLA scope" : "") + " · " + $0 }
        svg.append(text(20, 50, bundled ?? summary, size: 12, fill: "#475569"))
        for band in layout.bands { svg.append(contentsOf: self.band(band, diagram)) }
        for frame in layout.frames { svg.append(contentsOf: self.frame(frame, diagram)) }
        for curve in layout.curves { svg.append(contentsOf: self.curve(curve, diagram, opacity: layout.edgeOpacity)) }
        for box in layout.boxes { svg.append(contentsOf: self.box(box, diagram)) }
        svg.append(contentsOf: legend(layout))
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// Arrowheads and the hatching of parts outside the SLA.
    static let definitions = """
    <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/></marker>
    <pattern id="outside-sla" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f8fafc"/><line x1="0" y1="0" x2="0" y2="8" stroke="#cbd5e1" stroke-width="3"/></pattern>
    </defs>
    """

    func band(_ band: StackDiagramLayout.Band, _ diagram: StackDiagram) -> [String] {
        let layer = diagram.layers[band.layer], r = band.frame
        var out = ["<g class=\"layer\" data-layer=\"\(x(layer.name))\">",
                   "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" rx=\"10\" fill=\"\(layer.colour.band)\" stroke=\"\(layer.colour.stroke)\" stroke-opacity=\"0.35\"/>",
                   "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"6\" height=\"\(n(r.height))\" rx=\"3\" fill=\"\(layer.colour.stroke)\"/>",
                   text(r.x + 18, r.y + 28, layer.name, size: 16, weight: "700", fill: layer.colour.stroke),
                   text(r.x + 18, r.y + 46, band.components == 1 ? "1 component" : "\(Format.count(band.components)) components", size: 11, fill: "#475569")]
        if let description = layer.description {
            for (line, words) in Format.wrap(description, width: 22).prefix(3).enumerated() {
                out.append(text(r.x + 18, r.y + 64 + Double(line) * 13, words, size: 10, fill: "#64748b"))
            }
        }
        out.append("</g>")
        return out
    }

    func frame(_ frame: StackDiagramLayout.GroupFrame, _ diagram: StackDiagram) -> [String] {
        let group = diagram.groups[frame.group], r = frame.frame
        let label = group.kind == "any" ? "any 1 of \(group.members.count) up" : "\(group.k) of \(group.members.count) up"
        return ["<g class=\"group\" data-k=\"\(group.k)\" data-n=\"\(group.members.count)\">",
                "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" rx=\"10\" fill=\"#ffffff\" fill-opacity=\"0.55\" stroke=\"#334155\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
                text(r.x + 10, r.y + 17, "redundancy · \(label)", size: 11, weight: "700", fill: "#334155"),
                "</g>"]
    }

    func curve(_ curve: StackDiagramLayout.Curve, _ diagram: StackDiagram, opacity: Double) -> [String] {
        let edge = diagram.edges[curve.edge]
        var d = "M\(n(curve.points[0].x)),\(n(curve.points[0].y))"
        for segment in stride(from: 1, to: curve.points.count, by: 3) {
            d += " C" + curve.points[segment..<segment + 3].map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        }
        let style = edge.soft != nil ? " stroke-dasharray=\"2 3\" stroke=\"#7c3aed\"" : edge.masked ? " stroke-dasharray=\"5 4\" stroke=\"#b45309\"" : " stroke=\"#64748b\""
        let open = "<path class=\"edge\" d=\"\(d)\" fill=\"none\"\(style) stroke-width=\"1.4\" stroke-opacity=\"\(String(format: "%.2f", opacity))\" marker-end=\"url(#arrow)\""
        // A soft dependency or breaker names itself on hover, as DOT and Mermaid label it.
        var out = [edge.soft.map { open + "><title>\(x($0))</title></path>" } ?? open + "/>"]
        if let label = curve.groupLabel, let at = curve.labelAt {
            out.append("<text x=\"\(n(at.x))\" y=\"\(n(at.y + 3.5))\" font-size=\"10\" font-weight=\"700\" fill=\"#334155\" text-anchor=\"middle\" "
                       + "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(x(label))</text>")
        }
        return out
    }

    func box(_ box: StackDiagramLayout.Box, _ diagram: StackDiagram) -> [String] {
        let node = diagram.nodes[box.node], layer = diagram.layers[node.layer], r = box.frame
        let fill = node.excludedFromSLA ? "url(#outside-sla)" : layer.colour.fill
        let stroke = node.costRank != nil ? "#dc2626" : layer.colour.stroke
        let width = node.costRank != nil ? "3" : "1.5"
        let dash = node.excludedFromSLA ? " stroke-dasharray=\"5 3\"" : ""
        var out = ["<g class=\"component\" data-name=\"\(x(node.name))\" data-layer=\"\(x(layer.name))\"\(node.excludedFromSLA ? " data-outside-sla=\"true\"" : "")"
                   + "\(node.topCutSetOf.map { " data-top-cut-set=\"\(x($0.joined(separator: ", ")))\"" } ?? "")>",
                   "<title>\(x(tooltip(node, diagram)))</title>"]
        // Replicas (or a collapsed layer's many components) as a stack of cards behind the box.
        if node.replicas > 1 || node.count > 1 {
            for offset in [8.0, 4.0] {
                out.append("<rect class=\"replica\" x=\"\(n(r.x + offset))\" y=\"\(n(r.y + offset))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" rx=\"8\" "
                           + "fill=\"\(layer.colour.fill)\" stroke=\"\(layer.colour.stroke)\" stroke-opacity=\"0.6\"\(dash)/>")
            }
        }
        out += ["<rect class=\"box\" x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" rx=\"8\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\"\(dash)/>",
                text(r.x + 10, r.y + 21, box.label, size: 13, weight: "700", fill: "#0f172a")]
        let percent = Format.percent(Probability(up: node.availability, down: node.unavailability))
        if diagram.collapsed {
            out.append(text(r.x + 10, r.y + 39, "\(Format.count(node.count)) components · \(node.groupCount) groups", size: 11, fill: "#1e293b"))
            out.append(text(r.x + 10, r.y + 57, "lowest \(percent)", size: 11, fill: "#334155"))
        } else {
            out.append(text(r.x + 10, r.y + 39, percent, size: 12, fill: "#1e293b"))
            let details = StackDiagramText.details(node)
            if !details.isEmpty { out.append(text(r.x + 10, r.y + 58, details.joined(separator: " · "), size: 10.5, fill: "#334155")) }
        }
        if node.topCutSetOf != nil {
            // Outside the box, so it shows beside the cost-rank border.
            out.append("<rect class=\"top-cut-set\" x=\"\(n(r.x - 4))\" y=\"\(n(r.y - 4))\" width=\"\(n(r.width + 8))\" height=\"\(n(r.height + 8))\" "
                       + "rx=\"11\" fill=\"none\" stroke=\"#7c3aed\" stroke-width=\"3\"/>")
        }
        if let rank = node.costRank {
            out.append("<circle cx=\"\(n(r.x + r.width - 14))\" cy=\"\(n(r.y + 14))\" r=\"10\" fill=\"#dc2626\"/>")
            out.append(text(r.x + r.width - 14, r.y + 18, "\(rank)", size: 11, weight: "700", fill: "#ffffff", anchor: "middle"))
        }
        out.append("</g>")
        return out
    }

    func tooltip(_ node: DiagramNode, _ diagram: StackDiagram) -> String {
        var lines = [node.name, "availability \(Format.percent(Probability(up: node.availability, down: node.unavailability)))"]
        if let hours = node.downtimeHours, let rank = node.costRank {
            lines.append("costs the system \(Format.duration(hours: hours)) per \(diagram.period) (#\(rank))")
        }
        if !node.highlights.isEmpty { lines.append("most downtime: " + node.highlights.joined(separator: ", ")) }
        if let objectives = node.topCutSetOf { lines.append("in the most probable cut set of " + objectives.joined(separator: ", ")) }
        if node.excludedFromSLA { lines.append("outside the SLA (\(node.responsibility))") }
        return lines.joined(separator: "\n")
    }

    func legend(_ layout: StackDiagramLayout) -> [String] {
        var out = ["<g class=\"legend\">"]
        let entries: [(swatch: String, label: String, width: Double)] = [
            ("<rect width=\"26\" height=\"16\" rx=\"4\" fill=\"#ffffff\" stroke=\"#dc2626\" stroke-width=\"3\"/>",
             "costs the most downtime (1 = most)", 250),
            ("<rect width=\"26\" height=\"16\" rx=\"4\" fill=\"url(#outside-sla)\" stroke=\"#64748b\" stroke-dasharray=\"5 3\"/>",
             "customer-responsible (CR) or out of scope: outside the SLA", 360),
            ("<rect width=\"26\" height=\"16\" rx=\"4\" fill=\"none\" stroke=\"#334155\" stroke-dasharray=\"6 4\"/>",
             "redundancy group (k of n up)", 210),
            ("<line x1=\"0\" y1=\"8\" x2=\"26\" y2=\"8\" stroke=\"#b45309\" stroke-width=\"1.6\" stroke-dasharray=\"5 4\"/>",
             "masked dependency (short outages hidden)", 280),
        ]
        var left = 20.0, row = 0.0
        for (index, entry) in entries.enumerated() {
            if index > 0 && index % layout.legendColumns == 0 { left = 20; row += 1 }
            let top = layout.legendY + row * 24
            out.append("<g transform=\"translate(\(n(left)),\(n(top + 4)))\">\(entry.swatch)</g>")
            out.append(text(left + 34, top + 16, entry.label, size: 11, fill: "#334155"))
            left += layout.legendColumns == 4 ? entry.width : StackDiagramLayout.legendColumnWidth
        }
        out.append("</g>")
        return out
    }

    func text(_ left: Double, _ baseline: Double, _ content: String, size: Double, weight: String = "400", fill: String,
              anchor: String = "start") -> String {
        let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        let weightAttribute = weight == "400" ? "" : " font-weight=\"\(weight)\""
        return "<text x=\"\(n(left))\" y=\"\(n(baseline))\" font-size=\"\(n(size))\"\(weightAttribute) fill=\"\(fill)\"\(anchorAttribute)>\(x(content))</text>"
    }

    /// Coordinates with at most one decimal, so output is stable and small.
    func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    func x(_ text: String) -> String { CheckJUnitRenderer.escape(text) }
}
