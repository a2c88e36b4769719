/// The stack diagram as Graphviz DOT (`nines diagram --format dot`): a cluster per layer in the
/// layer's colours, a small junction node per redundancy group ("2 of 3"), edges for `depends_on`.
/// Graphviz lays it out; every identifier and label is a quoted DOT string.
struct StackDiagramDOTRenderer: ReportRenderer {
    public init() {}

    public func render(_ diagram: StackDiagram) -> String {
        var dot = ["digraph \(q("stack diagram")) {",
                   "  graph [rankdir=TB, newrank=true, compound=true, fontname=\(q("Helvetica")), labelloc=t, fontsize=18, "
                   + "label=\(q("\(diagram.system) — stack diagram")), nodesep=0.3, ranksep=0.55];",
                   "  node [shape=box, style=\(q("rounded,filled")), fontname=\(q("Helvetica")), fontsize=11];",
                   "  edge [color=\(q("#64748b")), arrowsize=0.7, fontname=\(q("Helvetica"))];"]
        for (index, layer) in diagram.layers.enumerated() {
            dot.append("  subgraph \(q("cluster_layer_\(index)")) {")
            dot.append("    label=\(q(layer.name)); style=\(q("rounded,filled")); fillcolor=\(q(layer.colour.band)); "
                       + "color=\(q(layer.colour.stroke)); fontcolor=\(q(layer.colour.stroke)); fontsize=14;")
            for node in diagram.nodes where node.layer == index {
                dot.append("    \(q(node.id)) [\(attributes(node, layer: layer, diagram: diagram))];")
            }
            dot.append("  }")
        }
        for group in diagram.groups {
            let label = "\(group.k) of \(group.members.count)"
            dot.append("  \(q(group.id)) [label=\(q(label)), shape=hexagon, style=\(q("filled,dashed")), fillcolor=\(q("#ffffff")), "
                       + "color=\(q("#334155")), fontsize=10, margin=\(q("0.04,0.02"))];")
            for member in group.members {
                dot.append("  \(q(group.id)) -> \(q(member)) [style=dashed];")
            }
        }
        for edge in diagram.edges {
            var attributes: [String] = []
            if edge.masked { attributes += ["style=dashed", "color=\(q("#b45309"))", "label=\(q("masked"))", "fontsize=9"] }
            if let soft = edge.soft { attributes += ["style=dotted", "color=\(q("#7c3aed"))", "label=\(q(soft))", "fontsize=9"] }
            if edge.count > 1 { attributes += ["label=\(q("×\(Format.count(edge.count))"))", "fontsize=9"] }
            dot.append("  \(q(edge.from)) -> \(q(edge.to))" + (attributes.isEmpty ? ";" : " [\(attributes.joined(separator: ", "))];"))
        }
        if let note = StackDiagramText.edgeNote(diagram) { dot.append("  // " + note) }
        dot.append("}")
        return dot.joined(separator: "\n") + "\n"
    }

    func attributes(_ node: DiagramNode, layer: DiagramLayer, diagram: StackDiagram) -> String {
        let lines = StackDiagramText.lines(node, collapsed: diagram.collapsed)
        var parts = ["label=\(q(lines.joined(separator: "\n")))", "fillcolor=\(q(node.excludedFromSLA ? "#f1f5f9" : layer.colour.fill))",
                     "color=\(q(node.costRank != nil ? "#dc2626" : layer.colour.stroke))"]
        if node.costRank != nil { parts.append("penwidth=3") }
        if node.excludedFromSLA { parts.append("style=\(q("rounded,filled,dashed"))") }
        return parts.joined(separator: ", ")
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, a new line as `\n`.
    func q(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
