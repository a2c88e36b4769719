/// The text lines of a diagram box where the output format lays boxes out itself (DOT, Mermaid):
/// name, availability, then k of n, failover, masking and who answers.
enum StackDiagramText {
    static func lines(_ node: DiagramNode, collapsed: Bool) -> [String] {
        let percent = Format.percent(Probability(up: node.availability, down: node.unavailability))
        if collapsed {
            return [node.name, "\(Format.count(node.count)) components, \(node.groupCount) groups", "lowest \(percent)"]
                + (node.highlights.isEmpty ? [] : ["most downtime: " + node.highlights.joined(separator: ", ")])
        }
        var lines = [node.name, percent]
        let details = StackDiagramSVGRenderer().details(node)
        if !details.isEmpty { lines.append(details.joined(separator: " · ")) }
        if let rank = node.costRank { lines.append("#\(rank) downtime") }
        return lines
    }
}
