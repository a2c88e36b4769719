/// Cross-checks what the files say: names resolve, layers exist, no component depends on itself
/// through a cycle. Produces the final `SystemModel` when nothing is wrong.
struct ModelValidator {
    let drafts: [ModelDraft]
    let diagnostics: DiagnosticCollector

    func merge(into first: ModelDraft) -> SystemModel? {
        var components: [Component] = []
        var objectives: [Objective] = []
        var layers: [Layer] = []
        var componentIndex: [String: Int] = [:]   // name → position in `components`
        let componentCount = drafts.reduce(0) { $0 + $1.components.count }
        componentIndex.reserveCapacity(componentCount)
        components.reserveCapacity(componentCount)
        var objectiveNames: [String: ModelLocation] = [:]
        for draft in drafts {
            for layer in draft.layers where !layers.contains(where: { $0.name == layer.name }) { layers.append(layer) }
            for component in draft.components {
                if let earlier = componentIndex[component.name] {
                    diagnostics.error(component.location, "component '\(component.name)' is defined twice; first at \(components[earlier].location)")
                    continue
                }
                componentIndex[component.name] = components.count
                components.append(component)
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
        let unread = drafts.reduce(into: Set<String>()) { $0.formUnion($1.unreadComponents) }
        let referencesCheckable = drafts.allSatisfy(\.componentsReadable)
        if components.isEmpty && unread.isEmpty && referencesCheckable {
            let at = drafts.lazy.compactMap(\.componentsLocation).first ?? first.systemLocation
            diagnostics.error(at, "the model has no components; add at least one under 'components'", length: at == first.systemLocation ? 1 : 10)
        }
        let memberLocations = drafts.reduce(into: [ModelLocation: [ModelLocation]]()) { $0.merge($1.groupMemberLocations) { old, _ in old } }
        let knownLayers = Layer.builtIn + layers.map(\.name)
        let names = components.map(\.name) + unread.sorted()   // candidates for "did you mean"
        for component in components {
            if !knownLayers.contains(component.layer) {
                diagnostics.error(component.location, "component '\(component.name)' is on unknown layer '\(component.layer)' "
                                  + "(declare it under 'layers' or use one of \(Layer.builtIn.joined(separator: ", ")))"
                                  + Suggestion.hint(for: component.layer, in: knownLayers))
            }
            if referencesCheckable {
                checkDependencies(of: component, known: componentIndex, unread: unread, names: names, memberLocations: memberLocations)
            }
        }
        for objective in objectives where referencesCheckable {
            for (position, name) in objective.components.enumerated() where componentIndex[name] == nil && !unread.contains(name) {
                let location = position < objective.componentLocations.count ? objective.componentLocations[position] : objective.location
                diagnostics.error(location, "objective '\(objective.name)' names unknown component '\(name)'"
                                  + Suggestion.hint(for: name, in: names), length: name.count)
            }
        }
        reportCycles(components, index: componentIndex)
        guard !diagnostics.hasErrors, let system = first.system else { return nil }
        var model = SystemModel(name: system, description: first.description, period: first.period ?? .month,
                                calendar: first.calendar ?? .standard, layers: layers, components: components,
                                objectives: objectives, sources: drafts.map(\.file))
        model.costs = drafts.lazy.compactMap(\.costs).first
        return model
    }

    private func checkDependencies(of component: Component, known: [String: Int], unread: Set<String>, names: [String],
                                   memberLocations: [ModelLocation: [ModelLocation]]) {
        var seen = Set<String>(minimumCapacity: component.dependencies.count)
        for dependency in component.dependencies {
            let (members, group): ([String], ModelLocation)
            switch dependency {
            case .component(let name, let at): (members, group) = ([name], at)
            case .group(_, let list, let at): (members, group) = (list, at)
            }
            let locations = memberLocations[group] ?? []
            for (position, name) in members.enumerated() {
                // A group's member is reported where it is written; the group's place is the fallback.
                let location = position < locations.count ? locations[position] : group
                if unread.contains(name) {
                    continue
                } else if known[name] == nil {
                    diagnostics.error(location, "component '\(component.name)' depends on unknown component '\(name)'"
                                      + Suggestion.hint(for: name, in: names), length: name.count)
                } else if name == component.name {
                    diagnostics.error(location, "component '\(name)' depends on itself")
                } else if !seen.insert(name).inserted, case .group = dependency {
                    diagnostics.error(location, "component '\(component.name)' lists '\(name)' more than once in its dependencies")
                }
            }
        }
    }

    /// Depth-first search with an explicit stack (no recursion, so deep chains cannot overflow), over
    /// positions rather than names. Unknown names and self-references are reported elsewhere.
    private func reportCycles(_ components: [Component], index: [String: Int]) {
        let edges = components.indices.map { position in
            components[position].dependencyNames.compactMap { index[$0] }.filter { $0 != position }
        }
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
                    let child = dependencies[top.next]
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
