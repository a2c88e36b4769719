/// Edge routing of the stack diagram: an edge that crosses other lines of boxes (in its own
/// layer or others) runs down (or up) a gutter between their boxes, so it never passes behind a
/// box it does not touch.
extension StackDiagramPlacement {
    typealias Point = StackDiagramLayout.Point
    typealias Rect = StackDiagramLayout.Rect

    /// What one curve connects: an edge's caller box and one rectangle it ends at (a box, or the
    /// frame of a group), in its line of boxes.
    struct Target {
        var edge: Int
        var rect: Rect
        var row: Int
        var label: String?
    }

    /// Curves from the caller's box to what it depends on: down (or up) between bands, or looping
    /// below the row between boxes of one line. Ends are spread along the box edges.
    mutating func route() {
        let targets = routeTargets()
        var startX: [Int: Double] = [:], endX: [Int: Double] = [:]
        var outgoing: [Int: [Int]] = [:], incoming: [String: [Int]] = [:]
        for (position, target) in targets.enumerated() {
            guard let from = nodeIndex[diagram.edges[target.edge].from], boxes[from] != nil else { continue }
            outgoing[from, default: []].append(position)
            incoming["\(target.rect.x),\(target.rect.y)", default: []].append(position)
        }
        for (node, list) in outgoing {
            let box = boxes[node]!.frame
            let sorted = list.sorted { (targets[$0].rect.midX, $0) < (targets[$1].rect.midX, $1) }
            for (slot, position) in sorted.enumerated() { startX[position] = spread(box, slot, sorted.count) }
        }
        for list in incoming.values {
            func callerX(_ position: Int) -> Double { boxes[nodeIndex[diagram.edges[targets[position].edge].from]!]!.frame.midX }
            let sorted = list.sorted { (callerX($0), $0) < (callerX($1), $1) }
            for (slot, position) in sorted.enumerated() { endX[position] = spread(targets[list[0]].rect, slot, sorted.count) }
        }
        var gutters: [(x: Double, span: ClosedRange<Double>)] = []
        let labelStrip = Layout.margin + Layout.labelColumn - 12
        for (position, target) in targets.enumerated() {
            guard let from = nodeIndex[diagram.edges[target.edge].from], let source = boxes[from]?.frame,
                  let sx = startX[position], let ex = endX[position], let sourceRow = rowOfNode[from] else { continue }
            var points: [Point]
            if target.rect.y >= source.bottom || target.rect.bottom <= source.y {
                let down = target.rect.y >= source.bottom
                let start = Point(x: sx, y: down ? source.bottom : source.y)
                let end = Point(x: ex, y: down ? target.rect.y : target.rect.bottom)
                let between = down ? Array((sourceRow + 1)..<max(sourceRow + 1, target.row))
                                   : Array((target.row + 1)..<max(target.row + 1, sourceRow))
                if between.isEmpty {
                    let bend = max(24, abs(end.y - start.y) / 2) * (down ? 1 : -1)
                    points = [start, Point(x: sx, y: start.y + bend), Point(x: ex, y: end.y - bend), end]
                } else {
                    let blocked = between.flatMap { rows[$0].obstacles }
                    let base = gutter(from: min(sx, ex), to: max(sx, ex), obstacles: blocked)
                    let near = down ? rows[between.first!].top - 8 : rows[between.last!].bottom + 12
                    let far = down ? rows[between.last!].bottom + 12 : rows[between.first!].top - 8
                    // Edges sharing a gutter run side by side, 6 apart, never into a box.
                    let span = min(near, far)...max(near, far)
                    let taken = gutters.filter { $0.span.overlaps(span) }.map(\.x)
                    var x = base
                    for attempt in 0..<40 {
                        let side: Double = attempt % 2 == 0 ? 1 : -1
                        let candidate = base + Double((attempt + 1) / 2) * 6 * side
                        let inside = candidate >= labelStrip && candidate <= width - Layout.margin - 4
                        let clear = inside && !blocked.contains { $0.contains(candidate) } && !taken.contains { abs($0 - candidate) < 5 }
                        if clear { x = candidate; break }
                    }
                    gutters.append((x, span))
                    let bendIn = (near - start.y) / 2, bendOut = (end.y - far) / 2
                    points = [start, Point(x: sx, y: start.y + bendIn), Point(x: x, y: near - bendIn), Point(x: x, y: near),
                              Point(x: x, y: near), Point(x: x, y: far), Point(x: x, y: far),
                              Point(x: x, y: far + bendOut), Point(x: ex, y: end.y - bendOut), end]
                }
            } else {
                let start = Point(x: sx, y: source.bottom), end = Point(x: ex, y: target.rect.bottom)
                points = [start, Point(x: sx, y: start.y + Layout.lineGap * 0.8), Point(x: ex, y: end.y + Layout.lineGap * 0.8), end]
            }
            let last = Array(points.suffix(4))
            let middle = Point(x: (last[0].x + 3 * last[1].x + 3 * last[2].x + last[3].x) / 8,
                               y: (last[0].y + 3 * last[1].y + 3 * last[2].y + last[3].y) / 8)
            curves.append(Layout.Curve(edge: target.edge, points: points, groupLabel: target.label,
                                       labelAt: target.label == nil ? nil : middle))
        }
    }

    /// Every rectangle an edge ends at: a node's box, a framed group's frame, or each member of a
    /// group that has no frame.
    func routeTargets() -> [Target] {
        let frameOf = Dictionary(frames.map { ($0.group, $0.frame) }, uniquingKeysWith: { first, _ in first })
        var targets: [Target] = []
        var labelled = Set<String>()
        for (index, edge) in diagram.edges.enumerated() {
            if let node = nodeIndex[edge.to], let box = boxes[node] {
                targets.append(Target(edge: index, rect: box.frame, row: rowOfNode[node] ?? 0, label: nil))
            } else if let group = groupIndex[edge.to] {
                let info = diagram.groups[group]
                let members = info.members.compactMap { nodeIndex[$0] }
                if let frame = frameOf[group] {
                    targets.append(Target(edge: index, rect: frame, row: rowOfGroup[group] ?? 0, label: nil))
                } else {
                    let label = "\(info.k) of \(info.members.count)"
                    for member in members {
                        guard let box = boxes[member] else { continue }
                        // One "k of n" per box and group size: callers of the same group share it.
                        let first = labelled.insert("\(member) \(label)").inserted
                        targets.append(Target(edge: index, rect: box.frame, row: rowOfNode[member] ?? 0, label: first ? label : nil))
                    }
                }
            }
        }
        return targets
    }

    /// The free x nearest the span `low…high` (then nearest its middle): the middle, an edge of an
    /// obstacle, or the strip between the layer labels and the boxes.
    func gutter(from low: Double, to high: Double, obstacles: [ClosedRange<Double>]) -> Double {
        let middle = (low + high) / 2
        let labelStrip = Layout.margin + Layout.labelColumn - 12
        let candidates = [middle, labelStrip, width - Layout.margin - 6] + obstacles.flatMap { [$0.lowerBound - 1, $0.upperBound + 1] }
        let free = candidates.filter { x in x >= labelStrip && !obstacles.contains { $0.contains(x) } }
        func distance(_ x: Double) -> Double { x < low ? low - x : x > high ? x - high : 0 }
        return free.min { (distance($0), abs($0 - middle)) < (distance($1), abs($1 - middle)) } ?? labelStrip
    }

    /// The x of the `slot`-th of `count` ends along `rect`'s edge, centred, at most 14 apart.
    func spread(_ rect: Rect, _ slot: Int, _ count: Int) -> Double {
        let step = min(14, (rect.width - 24) / Double(max(count, 1)))
        return rect.midX + (Double(slot) - Double(count - 1) / 2) * step
    }
}
