/// The route the evaluator took for one figure, like a query planner's EXPLAIN: recorded by the
/// evaluation itself as it goes (never recomputed by a renderer) and carried on the figure.
package struct FigurePlan: Hashable, Sendable, Codable {
    package enum Kind: String, Hashable, Sendable, Codable {
        /// One pass over one decision diagram.
        case diagram
        /// Independent parts that must all hold: their figures multiply.
        case product
        /// At least k of independent members (Poisson-binomial of the members' figures).
        case atLeast
        /// Shared components' states enumerated, the rest planned again below.
        case conditioned
        /// Monte Carlo inside the certified structural interval.
        case sampled
        /// The certified interval alone (nothing left to sample with).
        case boundsOnly
    }

    public var kind: Kind
    /// What was done, in a line: "one diagram (412 nodes)".
    public var summary: String
    /// Why this route was taken.
    public var reason: String
    /// Components named by the step (the shared components conditioned on).
    public var components: [String]? = nil
    /// The plans of the parts, members or of a conditioned state (at most `shownParts`).
    public var parts: [FigurePlan]? = nil
    /// Parts not listed (beyond `shownParts`), so a 10k model's plan stays readable.
    public var partsNotShown: Int? = nil

    /// Parts listed per step.
    static let shownParts = 4

    init(_ kind: Kind, _ summary: String, reason: String, components: [String]? = nil, parts: [FigurePlan] = []) {
        self.kind = kind
        self.summary = summary
        self.reason = reason
        self.components = components
        if !parts.isEmpty {
            self.parts = Array(parts.prefix(Self.shownParts))
            if parts.count > Self.shownParts { partsNotShown = parts.count - Self.shownParts }
        }
    }

    /// One diagram; `whole` when it is the figure's whole structure, else a part of a larger plan.
    static func diagram(nodes: Int, whole: Bool) -> FigurePlan {
        FigurePlan(.diagram, "one diagram (\(Format.count(nodes)) node\(nodes == 1 ? "" : "s"))",
                   reason: whole ? "the structure compiled into one decision diagram within the node budget"
                       : "this part is one decision diagram: one pass over its nodes")
    }

    /// One diagram whose `modules` module variables each read a diagram of their own (`nodes`
    /// counts them all): a fault tree too large for one flat diagram.
    static func diagram(nodes: Int, modules: Int) -> FigurePlan {
        FigurePlan(.diagram, "one diagram over \(Format.count(modules)) module\(modules == 1 ? "" : "s") (\(Format.count(nodes)) nodes in all)",
                   reason: "the fault tree outgrew one flat diagram; each of its modules (gates whose inputs nothing else reads) "
                       + "was built alone and stands as one variable")
    }
}
