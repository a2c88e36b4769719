/// The stack diagram as a Mermaid `flowchart` for Markdown and wikis (`nines diagram --format
/// mermaid`): a subgraph per layer, a hexagon per redundancy group, generated node ids (`n0`, …)
/// so no name can clash with Mermaid's keywords, and labels quoted with entity codes.
struct StackDiagramMermaidRenderer: ReportRenderer {
    public init() {}

    public func render(_ diagram: StackDiagram) -> String {
        var out = ["flowchart TB"]
        for (index, layer) in diagram.layers.enumerated() {
            out.append("  subgraph L\(index)[\(q(layer.name))]")
            for node in diagram.nodes where node.layer == index {
                out.append("    \(node.id)[\(q(StackDiagramText.lines(node, collapsed: diagram.collapsed)))]")
            }
            out.append("  end")
            out.append("  style L\(index) fill:\(layer.colour.band),stroke:\(layer.colour.stroke),color:\(layer.colour.stroke)")
        }
        for group in diagram.groups {
            out.append("  \(group.id){{\(q("\(group.k) of \(group.members.count)"))}}")
            for member in group.members { out.append("  \(group.id) -.-> \(member)") }
        }
        for edge in diagram.edges {
            let label = edge.soft.map { "|\(q($0))|" } ?? (edge.masked ? "|masked|" : edge.count > 1 ? "|\(q("×\(Format.count(edge.count))"))|" : "")
            out.append("  \(edge.from) \(edge.masked || edge.soft != nil ? "-.->" : "-->")\(label) \(edge.to)")
        }
        if let note = StackDiagramText.edgeNote(diagram) { out.append("  %% " + note) }
        out.append("  classDef outside fill:#f1f5f9,stroke:#64748b,stroke-dasharray:5 3")
        out.append("  classDef cost stroke:#dc2626,stroke-width:3px")
        for node in diagram.nodes {
            let layer = diagram.layers[node.layer]
            if !node.excludedFromSLA { out.append("  style \(node.id) fill:\(layer.colour.fill),stroke:\(layer.colour.stroke)") }
        }
        let outside = diagram.nodes.filter(\.excludedFromSLA).map(\.id)
        if !outside.isEmpty { out.append("  class \(outside.joined(separator: ",")) outside") }
        let costly = diagram.nodes.filter { $0.costRank != nil }.map(\.id)
        if !costly.isEmpty { out.append("  class \(costly.joined(separator: ",")) cost") }
        return out.joined(separator: "\n") + "\n"
    }

    /// A Mermaid quoted label, lines joined by `<br/>`.
    func q(_ lines: [String]) -> String {
        "\"" + lines.map(escape).joined(separator: "<br/>") + "\""
    }

    func q(_ text: String) -> String { q([text]) }

    /// `#` first (entity codes start with it), then quotes and angle brackets.
    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "#": out += "#35;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
