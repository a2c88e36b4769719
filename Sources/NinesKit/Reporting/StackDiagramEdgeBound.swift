/// Keeps a stack diagram's edges under `StackDiagramBuilder.edgeBound`: 200 components in 200
/// layers can depend on each other through 19,900 edges, 4.5 MB of SVG curves that no one can
/// follow, routed in time that grows with the square of their number. Past the bound, in order
/// until the diagram fits:
///
/// 1. An edge that a path of two or more plain edges already implies (a → c beside a → b → c)
///    is left out: the diagram still shows that a needs c, through b. Edges to redundancy groups
///    are kept, and so are the edges of the paths (the transitive reduction of the plain edges).
/// 2. The diagram collapses to one box per layer and SLA scope, as past `collapseAbove`
///    components, its edges counting the dependencies they stand for (when that has fewer
///    edges: with one component per layer it has as many).
/// 3. The edges that stand for the most dependencies are drawn, up to the bound, taking each
///    caller's first edges before anyone's second so that every caller keeps some; the others
///    are counted in `StackDiagram.undrawnEdges`, which every format states.
extension StackDiagramBuilder {
    /// Past this many edges a diagram is bundled as above. No bundled model comes near it: the
    /// largest draws a few hundred.
    public static let edgeBound = 1_000

    /// `diagram` with at most `edgeBound` edges; `collapsed` builds the collapsed diagram of the
    /// same model (step 2).
    static func bounded(_ diagram: StackDiagram, collapsed: () -> StackDiagram) -> StackDiagram {
        guard diagram.edges.count > edgeBound else { return diagram }
        var result = diagram
        if !result.collapsed {
            leaveOutImpliedEdges(&result)
            if result.edges.count <= edgeBound { return result }
            let collapsed = collapsed()
            if collapsed.edges.count < result.edges.count { result = collapsed }
        }
        if result.edges.count > edgeBound {
            // Heaviest first, then each caller's n-th edge before any caller's (n+1)-th; the edges'
            // own order breaks ties, so the choice is the same every run.
            var seen: [String: Int] = [:]
            let turn = result.edges.map { edge in
                defer { seen[edge.from, default: 0] += 1 }
                return seen[edge.from, default: 0]
            }
            let kept = result.edges.indices.sorted {
                (-result.edges[$0].count, turn[$0], $0) < (-result.edges[$1].count, turn[$1], $1)
            }.prefix(edgeBound)
            result.undrawnEdges = result.edges.count - kept.count
            result.edges = kept.sorted().map { result.edges[$0] }
        }
        return result
    }

    /// Step 1, over node positions with a bit set of descendants per node (at most
    /// `collapseAbove` nodes, so a few words each): a plain edge u → w is implied when w descends
    /// from another plain successor of u. The model has no cycles (the loader refuses them).
    static func leaveOutImpliedEdges(_ diagram: inout StackDiagram) {
        let count = diagram.nodes.count
        let position = Dictionary(diagram.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var successors = [[Int]](repeating: [], count: count)
        for edge in diagram.edges {
            if let from = position[edge.from], let to = position[edge.to], from != to { successors[from].append(to) }
        }
        let words = (count + 63) / 64
        // Descendants of each node, filled callees first (Kahn's order on the reversed edges).
        var descendants = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: count)
        var pending = successors.map { Set($0).count }
        var callers = [[Int]](repeating: [], count: count)
        for (from, list) in successors.enumerated() { for to in Set(list) { callers[to].append(from) } }
        var ready = (0..<count).filter { pending[$0] == 0 }
        while let node = ready.popLast() {
            for caller in callers[node] {
                for word in 0..<words { descendants[caller][word] |= descendants[node][word] }
                descendants[caller][node / 64] |= 1 << UInt64(node % 64)
                pending[caller] -= 1
                if pending[caller] == 0 { ready.append(caller) }
            }
        }
        // What each node reaches through its successors' descendants: paths of two edges or more.
        let throughOthers = successors.map { list in
            list.reduce(into: [UInt64](repeating: 0, count: words)) { bits, successor in
                for word in 0..<words { bits[word] |= descendants[successor][word] }
            }
        }
        var kept: [DiagramEdge] = []
        kept.reserveCapacity(diagram.edges.count)
        for edge in diagram.edges {
            if let from = position[edge.from], let to = position[edge.to], throughOthers[from][to / 64] & (1 << UInt64(to % 64)) != 0 {
                continue
            }
            kept.append(edge)
        }
        let implied = diagram.edges.count - kept.count
        diagram.edges = kept
        diagram.impliedEdges = implied
    }
}
