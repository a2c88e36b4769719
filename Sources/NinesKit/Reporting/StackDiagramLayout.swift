/// Where every part of a `StackDiagram` goes on the page, in SVG user units (pixels): one band per
/// layer, top to bottom; boxes in rows inside their band, the members of a redundancy group side
/// by side inside a frame; customer-responsible and out-of-scope boxes at the end of their row,
/// set apart; edges as cubic curves. Boxes never overlap: each sits in its own slot of a row.
///
/// The SVG renderer (and through it the HTML report) only prints these numbers.
package struct StackDiagramLayout: Hashable, Sendable, Codable {
    package struct Point: Hashable, Sendable, Codable {
        public var x: Double
        public var y: Double
    }

    package struct Rect: Hashable, Sendable, Codable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        var midX: Double { x + width / 2 }
        var bottom: Double { y + height }
        func contains(_ point: Point) -> Bool { point.x > x && point.x < x + width && point.y > y && point.y < y + height }
    }

    package struct Band: Hashable, Sendable, Codable {
        /// Index into `diagram.layers`.
        public var layer: Int
        public var frame: Rect
        /// Components drawn in this band (collapsed nodes count all their members).
        public var components: Int
    }

    package struct Box: Hashable, Sendable, Codable {
        /// Index into `diagram.nodes`.
        public var node: Int
        public var frame: Rect
        /// The node's name, cut to fit the box.
        public var label: String
    }

    package struct GroupFrame: Hashable, Sendable, Codable {
        /// Index into `diagram.groups`.
        public var group: Int
        public var frame: Rect
    }

    /// A path of cubic Bézier segments: `points[0]` is the start, then three points a segment
    /// (two controls and the segment's end). The arrow is at the last point.
    package struct Curve: Hashable, Sendable, Codable {
        /// Index into `diagram.edges`.
        public var edge: Int
        public var points: [Point]
        /// "2 of 3" on an edge into a member of a group that could not be framed (its members
        /// are in different layers or already in another frame), and where its text is centred:
        /// halfway along the last segment, in the gap before the box.
        public var groupLabel: String?
        public var labelAt: Point?
    }

    public var diagram: StackDiagram
    public var width: Double
    public var height: Double
    public var bands: [Band]
    public var boxes: [Box]
    public var frames: [GroupFrame]
    public var curves: [Curve]
    /// Opacity of the edges: lighter when there are many, so the boxes stay readable.
    public var edgeOpacity: Double
    /// Top of the legend under the last band, and how many of its entries share a row.
    public var legendY: Double
    public var legendColumns: Int

    // Sizes, chosen for a 16:9 slide at 1,300 px wide: six boxes a row.
    public static let boxWidth = 184.0, boxHeight = 70.0
    static let gap = 26.0, lineGap = 34.0, framePad = 10.0, frameLabel = 18.0
    static let margin = 20.0, labelColumn = 150.0, bandPad = 18.0, titleHeight = 56.0, legendRow = 24.0
    /// The legend's four entries fit a row from this width, two from `legendTwoColumns`.
    public static let legendFourColumns = 1140.0, legendTwoColumns = 800.0, legendColumnWidth = 380.0
    static let maxColumns = 6
    static let setApart = 30.0
    static let labelCharacters = 24

    public init(_ diagram: StackDiagram) {
        self.diagram = diagram
        var placement = StackDiagramPlacement(diagram)
        placement.run()
        width = placement.width
        height = placement.height
        bands = placement.bands
        boxes = placement.boxes.compactMap { $0 }
        frames = placement.frames
        curves = placement.curves
        edgeOpacity = min(0.85, max(0.3, 80 / Double(max(placement.curves.count, 1))))
        legendY = placement.legendY
        legendColumns = placement.legendColumns
    }

    /// The name cut to the box's width (an ellipsis marks the cut).
    static func label(_ name: String) -> String {
        name.count <= labelCharacters ? name : String(name.prefix(labelCharacters - 1)) + "…"
    }
}

/// The computation behind `StackDiagramLayout`, step by step.
struct StackDiagramPlacement {
    typealias Layout = StackDiagramLayout

    /// A box alone, or a framed redundancy group of boxes.
    struct Item {
        var nodes: [Int]
        var group: Int?
        var excluded: Bool
        var columns: Int { group == nil ? 1 : min(nodes.count, Layout.maxColumns) }
        var rows: Int { group == nil ? 1 : (nodes.count + Layout.maxColumns - 1) / Layout.maxColumns }
        var width: Double {
            let inner = Double(columns) * Layout.boxWidth + Double(columns - 1) * Layout.gap
            return group == nil ? inner : inner + 2 * Layout.framePad
        }
        var height: Double {
            let inner = Double(rows) * Layout.boxHeight + Double(rows - 1) * Layout.lineGap / 2
            return group == nil ? inner : inner + 2 * Layout.framePad + Layout.frameLabel
        }
    }

    let diagram: StackDiagram
    var boxes: [Layout.Box?]
    var bands: [Layout.Band] = []
    var frames: [Layout.GroupFrame] = []
    var curves: [Layout.Curve] = []
    var width = 0.0, height = 0.0, legendY = 0.0, legendColumns = 4
    /// Groups drawn as a frame, by group index.
    var framed: [Int: Bool] = [:]
    /// Every line of boxes, top to bottom, with the x ranges its boxes and frames cover: what an
    /// edge passing the line must go around.
    var rows: [(top: Double, bottom: Double, obstacles: [ClosedRange<Double>])] = []
    var rowOfNode: [Int: Int] = [:], rowOfGroup: [Int: Int] = [:]
    let nodeIndex: [String: Int]
    let groupIndex: [String: Int]

    init(_ diagram: StackDiagram) {
        self.diagram = diagram
        boxes = Array(repeating: nil, count: diagram.nodes.count)
        nodeIndex = Dictionary(diagram.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        groupIndex = Dictionary(diagram.groups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func run() {
        let items = itemsByLayer()
        let maxLine = Double(Layout.maxColumns) * (Layout.boxWidth + Layout.gap) + 2 * Layout.framePad + Layout.setApart
        // Lines per layer, each item with its x offset from the line's centre.
        var placedCentre: [Int: Double] = [:]   // node → x offset from the content centre
        var layerLines: [[(items: [(Item, Double)], width: Double, height: Double)]] = []
        // Wide enough for the title and a two-column legend even with one box a row.
        var contentWidth = Layout.legendTwoColumns - Layout.margin * 2 - Layout.labelColumn - Layout.bandPad
        for layer in diagram.layers.indices {
            let ordered = order(items[layer], parentsAt: placedCentre)
            var lines: [(items: [(Item, Double)], width: Double, height: Double)] = []
            var current: [Item] = []
            func lineWidth(_ line: [Item]) -> Double {
                var total = 0.0
                for (position, item) in line.enumerated() {
                    if position > 0 { total += Layout.gap + (item.excluded && !line[position - 1].excluded ? Layout.setApart : 0) }
                    total += item.width
                }
                return total
            }
            func close() {
                guard !current.isEmpty else { return }
                let total = lineWidth(current)
                var x = -total / 2
                var placed: [(Item, Double)] = []
                for (position, item) in current.enumerated() {
                    if position > 0 { x += Layout.gap + (item.excluded && !current[position - 1].excluded ? Layout.setApart : 0) }
                    placed.append((item, x))
                    for (slot, node) in item.nodes.enumerated() {
                        let column = Double(slot % item.columns)
                        let inset = item.group == nil ? 0 : Layout.framePad
                        placedCentre[node] = x + inset + column * (Layout.boxWidth + Layout.gap) + Layout.boxWidth / 2
                    }
                    x += item.width
                }
                lines.append((placed, total, current.map(\.height).max() ?? 0))
                contentWidth = max(contentWidth, total)
                current = []
            }
            for item in ordered {
                if !current.isEmpty && lineWidth(current + [item]) > maxLine { close() }
                current.append(item)
            }
            close()
            layerLines.append(lines)
        }
        // Absolute positions: bands top to bottom, lines centred in the content column.
        let contentLeft = Layout.margin + Layout.labelColumn
        let centre = contentLeft + contentWidth / 2
        width = contentLeft + contentWidth + Layout.bandPad + Layout.margin
        var y = Layout.titleHeight
        for (layer, lines) in layerLines.enumerated() where !lines.isEmpty {
            let top = y
            y += Layout.bandPad
            for (number, line) in lines.enumerated() {
                if number > 0 { y += Layout.lineGap }
                rows.append((y, y + line.height, []))
                for (item, offset) in line.items {
                    place(item, left: centre + offset, top: y + (line.height - item.height) / 2, row: rows.count - 1)
                }
                y += line.height
            }
            y += Layout.bandPad
            let components = lines.flatMap(\.items).flatMap(\.0.nodes).reduce(0) { $0 + diagram.nodes[$1].count }
            bands.append(Layout.Band(layer: layer, frame: Layout.Rect(x: Layout.margin, y: top, width: width - 2 * Layout.margin, height: y - top),
                                     components: components))
            y += 6
        }
        legendY = y + 8
        legendColumns = width >= Layout.legendFourColumns ? 4 : width >= Layout.legendTwoColumns ? 2 : 1
        height = legendY + Layout.legendRow * Double(4 / legendColumns) + 20
        route()
    }

    /// Each layer's items: groups whose members all sit in one layer and in no earlier frame are
    /// framed; every other node stands alone.
    mutating func itemsByLayer() -> [[Item]] {
        var inFrame = Set<Int>()
        var items = [[Item]](repeating: [], count: diagram.layers.count)
        var firstSlot: [Int: (layer: Int, position: Int)] = [:]
        for (index, group) in diagram.groups.enumerated() {
            let members = group.members.compactMap { nodeIndex[$0] }
            let layers = Set(members.map { diagram.nodes[$0].layer })
            guard members.count > 1, layers.count == 1, members.allSatisfy({ !inFrame.contains($0) }) else { continue }
            framed[index] = true
            inFrame.formUnion(members)
            let layer = layers.first!
            firstSlot[members.min()!] = (layer, items[layer].count)
            items[layer].append(Item(nodes: members, group: index, excluded: members.allSatisfy { diagram.nodes[$0].excludedFromSLA }))
        }
        // Model order for the rest, and frames where their first member would stand.
        var ordered = [[Item]](repeating: [], count: diagram.layers.count)
        for (node, info) in diagram.nodes.enumerated() {
            if let slot = firstSlot[node] { ordered[slot.layer].append(items[slot.layer][slot.position]) }
            if inFrame.contains(node) { continue }
            ordered[info.layer].append(Item(nodes: [node], group: nil, excluded: info.excludedFromSLA))
        }
        return ordered
    }

    /// Barycentre order: each item under the mean position of the nodes above that depend on it;
    /// items nobody above calls keep model order after them; items outside the SLA go last.
    func order(_ items: [Item], parentsAt placed: [Int: Double]) -> [Item] {
        var parents: [Int: [Double]] = [:]   // node or group target → callers' positions
        for edge in diagram.edges {
            guard let from = nodeIndex[edge.from], let x = placed[from] else { continue }
            if let to = nodeIndex[edge.to] { parents[to, default: []].append(x) }
            if let group = groupIndex[edge.to] {
                for member in diagram.groups[group].members.compactMap({ nodeIndex[$0] }) { parents[member, default: []].append(x) }
            }
        }
        let keyed = items.enumerated().map { position, item -> (Item, Double?, Int) in
            let xs = item.nodes.flatMap { parents[$0] ?? [] }
            return (item, xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count), position)
        }
        return keyed.sorted { left, right in
            if left.0.excluded != right.0.excluded { return !left.0.excluded }
            switch (left.1, right.1) {
            case let (a?, b?): return a != b ? a < b : left.2 < right.2
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left.2 < right.2
            }
        }.map(\.0)
    }

    mutating func place(_ item: Item, left: Double, top: Double, row: Int) {
        var inner = (x: left, y: top)
        // Clearance for the edges that pass: the replica cards drawn behind a box stick out 8.
        rows[row].obstacles.append((left - 8)...(left + item.width + 12))
        for node in item.nodes { rowOfNode[node] = row }
        if let group = item.group {
            rowOfGroup[group] = row
            frames.append(Layout.GroupFrame(group: group, frame: Layout.Rect(x: left, y: top, width: item.width, height: item.height)))
            inner = (left + Layout.framePad, top + Layout.framePad + Layout.frameLabel)
        }
        for (slot, node) in item.nodes.enumerated() {
            let column = Double(slot % item.columns), row = Double(slot / item.columns)
            let frame = Layout.Rect(x: inner.x + column * (Layout.boxWidth + Layout.gap),
                                    y: inner.y + row * (Layout.boxHeight + Layout.lineGap / 2),
                                    width: Layout.boxWidth, height: Layout.boxHeight)
            boxes[node] = Layout.Box(node: node, frame: frame, label: Layout.label(diagram.nodes[node].name))
        }
    }
}
