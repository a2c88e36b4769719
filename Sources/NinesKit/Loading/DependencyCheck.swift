/// The per-component cross-checks of the merged outlines: each component's layer is known, and
/// every name it depends on resolves (not to itself, no group member twice). A large model's
/// components are checked in chunks on the processor's cores (`OrderedChunks`), each chunk into
/// its own diagnostics, joined in model order: the same errors in the same order as one loop.
struct DependencyCheck: Sendable {
    let outlines: [ComponentOutline]
    /// Name → position in `outlines`.
    let known: [String: Int]
    /// Names whose entries were refused (and reported): defined, but not resolvable.
    let unread: Set<String>
    /// Candidates for "did you mean".
    let names: [String]
    let knownLayers: [String]
    /// Where each member of each group is written, by the group's location.
    let memberLocations: [ModelLocation: [ModelLocation]]
    /// False when a `components:` section could not be read: unknown names are then not reported.
    let reporting: Bool

    /// Components per chunk, at least: below, one loop on this thread.
    static let componentsPerChunk = 2_000

    /// The positions each component depends on (itself left out), by position, and what is wrong;
    /// in at most `chunks` chunks.
    func run(chunks chunkCount: Int = OrderedChunks.sharedCoreChunks) -> (edges: Edges, diagnostics: [Diagnostic]) {
        var chunks = OrderedChunks.map(count: outlines.count, chunks: chunkCount, minimumChunk: Self.componentsPerChunk) { range in
            check(range)
        }
        var edges = Edges()
        swap(&edges, &chunks[0].edges)   // its arrays unshared, so appending to them copies nothing
        var diagnostics: [Diagnostic] = []
        for index in chunks.indices {
            if index > 0 { edges.append(chunks[index].edges) }
            diagnostics += chunks[index].diagnostics
        }
        return (edges, diagnostics)
    }

    /// Every component's dependencies by position, in two flat arrays (not an array per component:
    /// at 100,000 components those were as many allocations, and as many frees).
    struct Edges: Sendable, Equatable {
        /// Component c's targets are `targets[start[c]..<start[c + 1]]`.
        private(set) var start = [0]
        private(set) var targets: [Int] = []

        subscript(position: Int) -> ArraySlice<Int> { targets[start[position]..<start[position + 1]] }

        var count: Int { start.count - 1 }

        mutating func reserve(_ components: Int) { start.reserveCapacity(components + 1) }

        /// The next component's targets.
        mutating func close() { start.append(targets.count) }

        mutating func add(_ target: Int) { targets.append(target) }

        /// The edges of the components after these, their positions already counted from 0.
        mutating func append(_ later: Edges) {
            let offset = targets.count
            start += later.start.dropFirst().map { $0 + offset }
            targets += later.targets
        }
    }

    private func check(_ range: Range<Int>) -> (edges: Edges, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        var edges = Edges()
        edges.reserve(range.lowerBound == 0 ? outlines.count : range.count)   // the first chunk: room for every component
        // The outline that last listed each position: a repeat is found without a set per component.
        var listedBy = [Int](repeating: -1, count: outlines.count)
        for position in range {
            let layer = outlines[position].layer   // by index: reading fields, not copying the outline
            if !knownLayers.contains(layer) {
                diagnostics.error(outlines[position].layerLocation ?? outlines[position].location,
                                  "component '\(outlines[position].name)' is on unknown layer '\(layer)' "
                                  + "(declare it under 'layers' or use one of \(Layer.builtIn.joined(separator: ", ")))"
                                  + Suggestion.hint(for: layer, in: knownLayers), length: layer.count)
            }
            dependencies(at: position, into: &edges, listedBy: &listedBy, diagnostics: diagnostics)
            edges.close()
        }
        return (edges, diagnostics.diagnostics)
    }

    /// Adds the positions the component at `position` depends on, itself left out; with
    /// `reporting`, also reports unknown names, itself and a group's repeated member.
    private func dependencies(at position: Int, into edges: inout Edges, listedBy: inout [Int], diagnostics: DiagnosticCollector) {
        let component = outlines[position].name
        for dependency in outlines[position].dependencies {
            let (members, group): ([String], ModelLocation)
            switch dependency {
            case .component(let name, let at): (members, group) = ([name], at)
            case .group(_, let list, let at): (members, group) = (list, at)
            }
            // A group's member is reported where it is written; the group's place is the fallback.
            // Looked up only for a report: hashing a location per dependency cost more than the checks.
            func location(_ position: Int) -> ModelLocation {
                let locations = memberLocations[group] ?? []
                return position < locations.count ? locations[position] : group
            }
            for (member, name) in members.enumerated() {
                let target = known[name]
                if let target, target != position { edges.add(target) }
                guard reporting else { continue }
                if !unread.isEmpty && unread.contains(name) {
                    continue
                } else if let target {
                    if target == position {
                        diagnostics.error(location(member), "component '\(name)' depends on itself")
                    } else if listedBy[target] != position {
                        listedBy[target] = position
                    } else if case .group = dependency {
                        diagnostics.error(location(member), "component '\(component)' lists '\(name)' more than once in its dependencies")
                    }
                } else {
                    diagnostics.error(location(member), "component '\(component)' depends on unknown component '\(name)'"
                                      + Suggestion.hint(for: name, in: names), length: name.count)
                }
            }
        }
    }
}
