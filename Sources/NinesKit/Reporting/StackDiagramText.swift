/// The words on a diagram box: in the SVG under the availability, and in DOT and Mermaid (which lay
/// boxes out themselves) as the lines of the label.
enum StackDiagramText {
    static func lines(_ node: DiagramNode, collapsed: Bool) -> [String] {
        let percent = Format.percent(Probability(up: node.availability, down: node.unavailability))
        if collapsed {
            return [node.name, "\(Format.count(node.count)) components, \(node.groupCount) groups", "lowest \(percent)"]
                + (node.highlights.isEmpty ? [] : ["most downtime: " + node.highlights.joined(separator: ", ")])
        }
        var lines = [node.name, percent]
        let details = Self.details(node)
        if !details.isEmpty { lines.append(details.joined(separator: " · ")) }
        if let rank = node.costRank { lines.append("#\(rank) downtime") }
        return lines
    }

    /// What a diagram bundled past `StackDiagramBuilder.edgeBound` leaves out, in one sentence;
    /// nil when every dependency is drawn.
    static func edgeNote(_ diagram: StackDiagram) -> String? {
        var parts: [String] = []
        if diagram.impliedEdges > 0 {
            parts.append("\(Format.count(diagram.impliedEdges)) dependencies not drawn: a path of drawn ones implies each")
        }
        if diagram.undrawnEdges > 0 {
            parts.append("\(Format.count(diagram.undrawnEdges)) edges not drawn past \(Format.count(StackDiagramBuilder.edgeBound)) "
                         + "(the heaviest, and each caller's first, are kept)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The short marks under a box's availability: k of n, failover, masking, who answers.
    static func details(_ node: DiagramNode) -> [String] {
        var parts: [String] = []
        if node.replicas > 1 { parts.append("\(node.needs) of \(node.replicas) up") }
        if let pattern = node.pattern { parts.append(pattern) }
        if let hours = node.failoverHours { parts.append("failover \(Format.duration(hours: hours))") }
        if let hours = node.maskedForHours { parts.append("masks < \(Format.duration(hours: hours))") }
        switch node.responsibility {
        case "customer": parts.append("CR")
        case "out-of-scope": parts.append("out of scope")
        case "provider": if parts.count < 2 { parts.append("provider") }
        default: break
        }
        return parts
    }
}
