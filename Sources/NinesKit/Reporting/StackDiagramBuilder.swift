/// Builds the `StackDiagram` of a model from its availability report: which node stands for what,
/// in which layer order, which components cost the most downtime.
package enum StackDiagramBuilder {
    /// Past this many components a box per component is unreadable: the diagram shows one box per
    /// layer and responsibility, with counts.
    public static let collapseAbove = 200
    /// Components highlighted as costing the whole system the most downtime.
    public static let highlighted = 3

    public static func diagram(_ model: SystemModel, report: AvailabilityReport) -> StackDiagram {
        let index = Dictionary(model.components.indices.map { (model.components[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        let layers = orderedLayers(model, index: index)
        let layerIndex = Dictionary(layers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let costRanks = costRanks(report)
        var diagram = StackDiagram(system: model.name, layers: layers, nodes: [], groups: [], edges: [],
                                   componentCount: model.components.count, collapsed: model.components.count > collapseAbove,
                                   period: report.period)
        if diagram.collapsed {
            collapse(model, report: report, layerIndex: layerIndex, index: index, costRanks: costRanks, into: &diagram)
            return bounded(diagram) { diagram }
        }
        let collapsedForm = diagram
        expand(model, report: report, layerIndex: layerIndex, index: index, costRanks: costRanks, into: &diagram)
        return bounded(diagram) {
            var collapsed = collapsedForm
            collapsed.collapsed = true
            collapse(model, report: report, layerIndex: layerIndex, index: index, costRanks: costRanks, into: &collapsed)
            return collapsed
        }
    }

    /// The components costing the system figure the most downtime (rank 1 first), only those that
    /// cost any and count against the SLA: a customer's part is not ours to fix.
    static func costRanks(_ report: AvailabilityReport) -> [String: (rank: Int, hours: Double)] {
        guard let system = report.figures.last(where: { $0.kind == .system }) else { return [:] }
        let outside = Set(report.components.filter { !(Responsibility(rawValue: $0.responsibility)?.countsAgainstSLA ?? true) }.map(\.name))
        var ranks: [String: (rank: Int, hours: Double)] = [:]
        for contributor in system.contributors where contributor.downtimeHours > 0 && !outside.contains(contributor.component)
            && ranks.count < highlighted {
            ranks[contributor.component] = (ranks.count + 1, contributor.downtimeHours)
        }
        return ranks
    }

    /// One node per component, one group per distinct redundancy group.
    static func expand(_ model: SystemModel, report: AvailabilityReport, layerIndex: [String: Int], index: [String: Int],
                       costRanks: [String: (rank: Int, hours: Double)], into diagram: inout StackDiagram) {
        for (position, component) in model.components.enumerated() {
            let figures = report.components[position]
            let cost = costRanks[component.name]
            diagram.nodes.append(DiagramNode(
                id: "n\(position)", name: component.name, layer: layerIndex[component.layer]!, count: 1,
                availability: figures.availability, unavailability: figures.unavailability,
                replicas: component.replicas, needs: component.needs, responsibility: component.responsibility.rawValue,
                excludedFromSLA: !component.responsibility.countsAgainstSLA,
                failoverHours: component.failover.map { $0.detect + $0.switchover }, failoverMode: component.failover?.mode.rawValue,
                maskedForHours: component.maskedFor, costRank: cost?.rank, downtimeHours: cost?.hours))
            diagram.nodes[diagram.nodes.count - 1].pattern = Self.patternMark(component)
        }
        var groupIDs: [String: String] = [:]
        for (position, component) in model.components.enumerated() {
            let fallbackMarks = Dictionary(component.softDependencies.filter { $0.fallbackComponent != nil }.map { ($0.location, $0.mark) },
                                           uniquingKeysWith: { first, _ in first })
            for dependency in component.dependencies {
                switch dependency {
                case .component(let name, _):
                    guard let target = index[name] else { continue }
                    diagram.edges.append(DiagramEdge(from: "n\(position)", to: "n\(target)", masked: model.components[target].maskedFor != nil))
                case .group(let k, let members, let location):
                    let memberIDs = members.compactMap { index[$0].map { "n\($0)" } }
                    let key = "\(k):" + memberIDs.joined(separator: ",")
                    let id = groupIDs[key] ?? "g\(diagram.groups.count)"
                    if groupIDs[key] == nil {
                        groupIDs[key] = id
                        diagram.groups.append(DiagramGroup(id: id, kind: k == 1 ? "any" : "k_of", k: k, members: memberIDs))
                    }
                    var edge = DiagramEdge(from: "n\(position)", to: id, masked: false)
                    edge.soft = fallbackMarks[location]
                    diagram.edges.append(edge)
                }
            }
            // A soft dependency left the structure (its outage only degrades the caller): drawn with its mark.
            for soft in component.softDependencies where soft.fallbackComponent == nil {
                guard let target = index[soft.target] else { continue }
                var edge = DiagramEdge(from: "n\(position)", to: "n\(target)", masked: false)
                edge.soft = soft.mark
                diagram.edges.append(edge)
            }
            // A cache in front of its target: drawn as a masked edge, though nothing depends on the cache.
            if let cache = component.cache, let target = index[cache.target] {
                diagram.edges.append(DiagramEdge(from: "n\(position)", to: "n\(target)", masked: true))
            }
            // A write-ahead door forwards stored requests: a masked edge, though it no longer needs them to accept.
            for name in component.writeAhead?.downstream ?? [] {
                guard let target = index[name] else { continue }
                diagram.edges.append(DiagramEdge(from: "n\(position)", to: "n\(target)", masked: true))
            }
        }
    }

    /// One node per layer and SLA scope (in scope, or customer-responsible and out of scope), with
    /// counts; edges between them count the dependencies they stand for.
    static func collapse(_ model: SystemModel, report: AvailabilityReport, layerIndex: [String: Int], index: [String: Int],
                         costRanks: [String: (rank: Int, hours: Double)], into diagram: inout StackDiagram) {
        var nodeOf = [Int](repeating: 0, count: model.components.count)
        // Keyed by layer number and scope, not by a string made per component; and by index, since
        // iterating the components copies each (large) one.
        var keys: [Int: Int] = [:]
        for position in model.components.indices {
            let component = model.components[position]
            let excluded = !component.responsibility.countsAgainstSLA
            let key = layerIndex[component.layer]! * 2 + (excluded ? 1 : 0)
            let figures = report.components[position]
            if let existing = keys[key] {
                nodeOf[position] = existing
                diagram.nodes[existing].count += 1
                replicasAndFigures(figures, component, into: &diagram.nodes[existing])
            } else {
                let id = diagram.nodes.count
                keys[key] = id
                nodeOf[position] = id
                diagram.nodes.append(DiagramNode(
                    id: "n\(id)", name: excluded ? "\(component.layer) (outside the SLA)" : component.layer,
                    layer: layerIndex[component.layer]!, count: 1, availability: figures.availability,
                    unavailability: figures.unavailability, replicas: component.replicas, needs: component.needs,
                    responsibility: component.responsibility.rawValue, excludedFromSLA: excluded))
            }
            if let cost = costRanks[component.name] {
                let node = nodeOf[position]
                if diagram.nodes[node].costRank.map({ cost.rank < $0 }) ?? true { diagram.nodes[node].costRank = cost.rank }
                diagram.nodes[node].downtimeHours = (diagram.nodes[node].downtimeHours ?? 0) + cost.hours
                diagram.nodes[node].highlights.append(component.name)
            }
        }
        var edgeIndex: [Int: Int] = [:]   // from * nodes + to → position in edges
        var seenGroups = Set<GroupKey>()
        for position in model.components.indices {
            for dependency in model.components[position].dependencies {
                var targets: [String] = []
                switch dependency {
                case .component(let name, _): targets = [name]
                case .group(let k, let members, _):
                    targets = members
                    if seenGroups.insert(GroupKey(k: k, members: members)).inserted, let first = members.first, let member = index[first] {
                        diagram.nodes[nodeOf[member]].groupCount += 1
                    }
                }
                for name in targets {
                    guard let target = index[name] else { continue }
                    let from = nodeOf[position], to = nodeOf[target]
                    guard from != to else { continue }
                    let key = from * diagram.nodes.count + to
                    if let existing = edgeIndex[key] {
                        diagram.edges[existing].count += 1
                    } else {
                        edgeIndex[key] = diagram.edges.count
                        diagram.edges.append(DiagramEdge(from: "n\(from)", to: "n\(to)", masked: false))
                    }
                }
            }
        }
        for node in diagram.nodes.indices {
            diagram.nodes[node].highlights.sort { (costRanks[$0]?.rank ?? 0) < (costRanks[$1]?.rank ?? 0) }
        }
    }

    /// A redundancy group as the collapsed diagram counts it: the same k of the same members.
    private struct GroupKey: Hashable {
        let k: Int
        let members: [String]
    }

    /// A collapsed node shows its weakest member's availability and its largest replica count.
    private static func replicasAndFigures(_ figures: ComponentReport, _ component: Component, into node: inout DiagramNode) {
        if figures.unavailability > node.unavailability {
            node.availability = figures.availability
            node.unavailability = figures.unavailability
        }
        if component.replicas > node.replicas {
            node.replicas = component.replicas
            node.needs = component.needs
        }
    }

    /// "on az-a" for a replica, "placed on zones" (its pool) or "placed on 3 places" for the placed
    /// component, "cache for db" for a cache, "stores to job-store, keeps 24 h" for a write-ahead
    /// door; then the patterns on the component itself: "retry ×3" (its calls are retried),
    /// "blips 20/d" (transient faults), "detect 5 min" (time to notice an outage).
    static func patternMark(_ component: Component) -> String? {
        let stores = component.writeAhead.map { "stores to \($0.store), keeps \(Format.duration(hours: $0.retention))" }
        let retry = component.retry.map { "retry ×\($0.attempts)" }
        let blips = component.transient.map { "blips " + String(format: "%.3g", $0.rate * 24) + "/d" }
        let detect = component.placedReplica == nil ? component.detect.map { "detect \(Format.duration(hours: $0))" } : nil
        let marks = [placementOrCacheMark(component), stores, retry, blips, detect].compactMap { $0 }
        return marks.isEmpty ? nil : marks.joined(separator: "; ")
    }

    private static func placementOrCacheMark(_ component: Component) -> String? {
        if let replica = component.placedReplica { return "on \(replica.on)" }
        if let cache = component.cache { return "cache for \(cache.target)" }
        if let hanging = component.hangOf { return "hangs of \(hanging)" }
        if let hangs = component.hangs { return "hangs \(Format.share(hangs))" + (component.bulkhead ? ", bulkhead" : "") }
        if component.bulkhead { return "bulkhead" }
        guard let placement = component.placement else { return nil }
        if let pool = placement.poolName { return "placed on \(pool)" }
        let places = Set(placement.targets).count
        return "placed on \(places) place\(places == 1 ? "" : "s")"
    }
}
