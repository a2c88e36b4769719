/// The stack diagram of a model as plain data: layers top to bottom, one node per component (or,
/// past `StackDiagramBuilder.collapseAbove` components, one per layer and responsibility with
/// counts), redundancy groups and `depends_on` edges. `StackDiagramLayout` places it; the SVG, DOT
/// and Mermaid renderers print it and never compute.
///
/// Times are hours; availabilities are fractions.
package struct StackDiagram: Hashable, Sendable, Codable {
    public var system: String
    /// Layers in drawing order, top (callers) to bottom (what everything stands on).
    public var layers: [DiagramLayer]
    public var nodes: [DiagramNode]
    public var groups: [DiagramGroup]
    public var edges: [DiagramEdge]
    /// Components in the model; more than `nodes.count` when the diagram is collapsed.
    public var componentCount: Int
    /// True when nodes stand for many components each (large models).
    public var collapsed: Bool
    /// The period the nodes' `downtimeHours` are per ("month").
    public var period: String
    /// Edges left out because a path of drawn edges implies them (`StackDiagramEdgeBound`, past
    /// `StackDiagramBuilder.edgeBound` edges).
    public var impliedEdges: Int = 0
    /// Edges not drawn at all past the bound, after leaving out implied ones and collapsing.
    public var undrawnEdges: Int = 0
}

package struct DiagramLayer: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    public var colour: LayerColour
}

package struct DiagramNode: Hashable, Sendable, Codable {
    /// An identifier safe in every output format ("n0", "n1", …).
    public var id: String
    /// The component's name; for a collapsed node, its layer and responsibility ("software").
    public var name: String
    /// Index into `StackDiagram.layers`.
    public var layer: Int
    /// Components this node stands for (1 unless collapsed).
    public var count: Int
    /// Availability with everything it depends on; for a collapsed node, the lowest of its members.
    public var availability: Double
    public var unavailability: Double
    public var replicas: Int
    public var needs: Int
    /// "ours", "provider", "customer" or "out-of-scope".
    public var responsibility: String
    /// Left out of SLA figures (customer-responsible or out of scope): drawn set apart.
    public var excludedFromSLA: Bool
    /// Detection plus switch time of an active-passive or active-active failover.
    public var failoverHours: Double?
    public var failoverMode: String?
    /// Outages shorter than this are hidden from callers (cache, queue, store-and-forward).
    public var maskedForHours: Double?
    /// 1 for the component that costs the whole system the most downtime, then 2, 3.
    public var costRank: Int?
    /// Downtime per period the whole system would save if this component never failed.
    public var downtimeHours: Double?
    /// Redundancy groups among the members (collapsed nodes only).
    public var groupCount: Int = 0
    /// For a collapsed node: its members that cost the most downtime, most first.
    public var highlights: [String] = []
    /// The resilience pattern the box stands for: where a placed component's replicas run
    /// ("placed on zones"), where this replica runs ("on az-a"), what a cache fronts ("cache for db").
    public var pattern: String?
    /// The objectives whose most probable minimal cut set includes this component (HTML report
    /// only, set by `ReportPictureBuilder`); nil elsewhere.
    public var topCutSetOf: [String]? = nil
}

/// A redundancy group of one `depends_on` entry: at least `k` of `members` must be up.
package struct DiagramGroup: Hashable, Sendable, Codable {
    public var id: String
    /// "any" or "k_of".
    public var kind: String
    public var k: Int
    /// Node ids, in the model's order.
    public var members: [String]
}

package struct DiagramEdge: Hashable, Sendable, Codable {
    /// The node that depends.
    public var from: String
    /// The node or group depended on.
    public var to: String
    /// The dependency masks short outages (`masked_for` on the node depended on).
    public var masked: Bool
    /// Plain dependencies between collapsed nodes: how many component edges this one stands for.
    public var count: Int = 1
    /// A dependency the caller can do without: "soft", "fallback static" or "fallback to NAME"
    /// (to the group of the target and its fallback).
    public var soft: String? = nil
}

/// Colours of one layer, as CSS hex: the box outline, the box fill and the band behind the row.
package struct LayerColour: Hashable, Sendable, Codable {
    public var stroke: String
    public var fill: String
    public var band: String
}
