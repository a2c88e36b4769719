/// Cross-checks what the files say: names resolve, layers exist, no component depends on itself
/// through a cycle. Produces the final `SystemModel` when nothing is wrong.
///
/// The checks run over every component's outline, its figures refused or not, so one run shows
/// a bad field, an unknown layer and a misspelt reference of the same component together.
struct ModelValidator {
    let drafts: [ModelDraft]
    let diagnostics: DiagnosticCollector

    func merge(into first: ModelDraft) -> SystemModel? {
        var components: [Component] = []
        var outlines: [ComponentOutline] = []
        var objectives: [Objective] = []
        var layers: [Layer] = []
        var outlineIndex: [String: Int] = [:]   // name → position in `outlines`
        let outlineCount = drafts.reduce(0) { $0 + $1.outlines.count }
        outlineIndex.reserveCapacity(outlineCount)
        var objectiveNames: [String: ModelLocation] = [:]
        for draft in drafts {
            for layer in draft.layers where !layers.contains(where: { $0.name == layer.name }) { layers.append(layer) }
            // Positions first, by index (no copy of an outline); the outlines kept are appended after.
            var kept: [Int] = []
            for index in draft.outlines.indices {
                let name = draft.outlines[index].name
                if let earlier = outlineIndex.updateValue(outlines.count + kept.count, forKey: name) {   // one hash per name
                    outlineIndex[name] = earlier   // the first definition keeps its place
                    let location = earlier < outlines.count ? outlines[earlier].location : draft.outlines[kept[earlier - outlines.count]].location
                    diagnostics.error(draft.outlines[index].location, "component '\(name)' is defined twice; first at \(location)")
                    continue
                }
                kept.append(index)
            }
            let redefined = kept.count < draft.outlines.count
            if !redefined && outlines.isEmpty {
                outlines = draft.outlines   // every one a first definition: the draft's array, not a copy
            } else {
                outlines.reserveCapacity(outlineCount)
                for index in kept { outlines.append(draft.outlines[index]) }
            }
            if !redefined && components.isEmpty {
                components = draft.components   // every one a first definition: the draft's array, not a copy
            } else {
                // A second definition is reported above; only the first one's component is kept.
                for component in draft.components where outlineIndex[component.name].map({ outlines[$0].location == component.location }) ?? true {
                    components.append(component)
                }
            }
            for objective in draft.objectives {
                if let earlier = objectiveNames[objective.name] {
                    diagnostics.error(objective.location, "objective '\(objective.name)' is defined twice; first at \(earlier)")
                    continue
                }
                objectiveNames[objective.name] = objective.location
                objectives.append(objective)
            }
        }
        // Names whose entries were refused (and reported) still count as defined, so nothing is reported twice.
        let unread = drafts.reduce(into: Set<String>()) { $0.formUnion($1.unreadComponents) }.filter { outlineIndex[$0] == nil }
        let referencesCheckable = drafts.allSatisfy(\.componentsReadable)
        if outlines.isEmpty && unread.isEmpty && referencesCheckable {
            let at = drafts.lazy.compactMap(\.componentsLocation).first ?? first.systemLocation
            diagnostics.error(at, "the model has no components; add at least one under 'components'", length: at == first.systemLocation ? 1 : 10)
        }
        // One file (the usual case): its own table, not a copy of every entry rehashed.
        let memberLocations = drafts.count == 1 ? drafts[0].groupMemberLocations
            : drafts.reduce(into: [ModelLocation: [ModelLocation]]()) { $0.merge($1.groupMemberLocations) { old, _ in old } }
        let names = outlines.map(\.name) + unread.sorted()   // candidates for "did you mean"
        // Each dependency is looked up once, for the checks and for the cycle search (by position).
        let (edges, problems) = DependencyCheck(outlines: outlines, known: outlineIndex, unread: unread, names: names,
                                                knownLayers: Layer.builtIn + layers.map(\.name), memberLocations: memberLocations,
                                                reporting: referencesCheckable).run()
        diagnostics.append(contentsOf: problems)
        for objective in objectives where referencesCheckable {
            for (position, name) in objective.components.enumerated() where outlineIndex[name] == nil && !unread.contains(name) {
                let location = position < objective.componentLocations.count ? objective.componentLocations[position] : objective.location
                diagnostics.error(location, "objective '\(objective.name)' names unknown component '\(name)'"
                                  + Suggestion.hint(for: name, in: names), length: name.count)
            }
        }
        let validator = ScenarioValidator(diagnostics: diagnostics)
        let policies = validator.check(drafts.flatMap(\.policies))
        let scenarios = validator
            .check(drafts.flatMap(\.scenarios), known: outlineIndex, unread: unread, names: names, checkable: referencesCheckable)
        reportCycles(outlines, edges: edges)
        let crews = checkCrews(components)
        guard !diagnostics.hasErrors, let system = first.system else { return nil }
        var model = SystemModel(name: system, description: first.description, period: first.period ?? .month,
                                calendar: first.calendar ?? .standard, layers: layers, components: components,
                                objectives: objectives, sources: drafts.map(\.file))
        model.costs = drafts.lazy.compactMap(\.costs).first
        model.scenarios = scenarios
        model.policies = policies
        model.crews = crews
        return model
    }

    /// The crews of every file (first declaration kept), and every component's crew known.
    private func checkCrews(_ components: [Component]) -> [RepairCrew] {
        var crews: [RepairCrew] = []
        for crew in drafts.flatMap(\.crews) {
            if let earlier = crews.first(where: { $0.name == crew.name }) {
                diagnostics.error(crew.location, "crew '\(crew.name)' is defined twice; first at \(earlier.location)", length: crew.name.count)
            } else {
                crews.append(crew)
            }
        }
        let names = crews.map(\.name)
        for component in components {
            guard let membership = component.crew, !names.contains(membership.crew) else { continue }
            diagnostics.error(membership.location, "component '\(component.name)' names unknown crew '\(membership.crew)'"
                              + (names.isEmpty ? "; declare it under 'repair_crews', e.g. '\(membership.crew): {size: 1}'"
                                               : Suggestion.hint(for: membership.crew, in: names)), length: membership.crew.count)
        }
        return crews
    }

    /// Depth-first search with an explicit stack (no recursion, so deep chains cannot overflow), over
    /// positions rather than names. Unknown names and self-references are reported elsewhere.
    /// `edges`: the positions each component depends on (`DependencyCheck`).
    private func reportCycles(_ components: [ComponentOutline], edges: DependencyCheck.Edges) {
        enum Mark { case unvisited, active, done }
        var marks = [Mark](repeating: .unvisited, count: components.count)
        for start in components.indices where marks[start] == .unvisited {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            var path: [Int] = [start]
            marks[start] = .active
            while let top = stack.last {
                let dependencies = edges[top.node]
                if top.next < dependencies.count {
                    stack[stack.count - 1].next += 1
                    let child = dependencies[dependencies.startIndex + top.next]
                    switch marks[child] {
                    case .active:
                        let cycleStart = path.firstIndex(of: child) ?? 0
                        let cycle = path[cycleStart...] + [child]
                        diagnostics.error(components[child].location,
                                          "dependency cycle: " + cycle.map { "'\(components[$0].name)'" }.joined(separator: " → "))
                        return
                    case .done: continue
                    case .unvisited:
                        marks[child] = .active
                        stack.append((child, 0))
                        path.append(child)
                    }
                } else {
                    marks[top.node] = .done
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
    }
}
