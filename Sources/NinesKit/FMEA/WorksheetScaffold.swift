/// A worksheet for a workshop to fill: blocks of prompts chosen by what each component is
/// (`Component.effectiveKind`), then the process and people prompts once for the whole system.
///
/// - `standard` and `minimal`: one block per kind, on the first component of that kind; a note
///   names the others it stands for. Ten app servers or three zones get one set, not ten or three.
/// - `full`: a block per component, but identical ones (same kind and definition apart from name,
///   description and dependencies, e.g. `nodes-az-a`, `nodes-az-b`) once, with the same note.
///
/// A prompt about a change that reaches every copy at once (a bad release) is asked of a block's
/// identical components together (`components: [app-1, app-2, app-3]`). Logical junctions (100%
/// available, no repair time, only there to join what they depend on) cannot fail themselves and
/// get no prompts.
package enum WorksheetScaffold {
    package struct Scaffold: Sendable {
        public var worksheet: FMEAWorksheet
        /// Comment lines to write before the row with that id: what a block stands for.
        public var notes: [String: [String]]
    }

    public static func build(for model: SystemModel, prompts level: PromptLevel = .standard) -> Scaffold {
        // A placed component's replicas (`web#1`), a write-ahead's expiry and a hanging share
        // (`payment#hang`) are the loader's expansion: prompts go to the components as written.
        let candidates = model.components.filter { !isJunction($0) && !$0.isMadeByLoader }
        var blocks: [(component: Component, others: [String], note: String)] = []
        if level == .full {
            var done = Set<String>()
            for component in candidates where !done.contains(component.name) {
                let twins = candidates.filter { $0.name != component.name && !done.contains($0.name) && identical($0, component) }.map(\.name)
                done.formUnion([component.name] + twins)
                blocks.append((component, twins, "identical"))
            }
        } else {
            var kinds: [ComponentKind] = []
            for component in candidates where !kinds.contains(component.effectiveKind) { kinds.append(component.effectiveKind) }
            for kind in kinds {
                let members = candidates.filter { $0.effectiveKind == kind }
                blocks.append((members[0], members.dropFirst().map(\.name), "same kind: copy a row where one differs"))
            }
        }
        var rows: [FailureMode] = []
        var notes: [String: [String]] = [:]
        for block in blocks {
            let kind = block.component.effectiveKind
            let layer = FailureModeCatalogue.layer(of: kind) ?? FMEALayer.defaultLayer(forModelLayer: block.component.layer)
            let prompts = take(FailureModeCatalogue.prompts(for: kind), level)
            let id = "\(block.component.name)-1"
            notes[id] = ["# \(kind.rawValue) prompts" + (block.others.isEmpty ? "" : ", standing for \(block.others.joined(separator: ", ")) too "
                         + "(\(block.note))")]
            let twins = block.others.compactMap(model.component(named:)).filter { identical($0, block.component) }.map(\.name)
            for (number, prompt) in prompts.enumerated() {
                let together = FailureModeCatalogue.hitEveryCopy.contains(prompt) ? twins : []
                rows.append(FailureMode(id: "\(block.component.name)-\(number + 1)", components: [block.component.name] + together,
                                        layer: layer, mode: prompt))
            }
        }
        if let front = frontDoor(model, among: candidates) {
            let prefix = model.component(named: "process") == nil ? "process" : "process-people"
            notes["\(prefix)-1"] = ["# process and people, once for the whole system (on its front door, \(front.name))"]
            for (number, prompt) in take(FailureModeCatalogue.processPrompts, level).enumerated() {
                rows.append(FailureMode(id: "\(prefix)-\(number + 1)", component: front.name, layer: "process", mode: prompt))
            }
        }
        return Scaffold(worksheet: FMEAWorksheet(failureModes: rows), notes: notes)
    }

    static func take(_ prompts: [String], _ level: PromptLevel) -> [String] {
        level.promptsPerSet.map { Array(prompts.prefix($0)) } ?? prompts
    }

    /// 100% available with no repair time and something to depend on: a junction, not a part.
    static func isJunction(_ component: Component) -> Bool {
        guard case .availability(let p, nil) = component.figures, p.down == 0 else { return false }
        return !component.dependencies.isEmpty
    }

    /// The same part under another name: kind, layer, figures, replicas and what protects it.
    static func identical(_ a: Component, _ b: Component) -> Bool {
        a.effectiveKind == b.effectiveKind && a.layer == b.layer && a.figures == b.figures && a.replicas == b.replicas
            && a.needs == b.needs && a.commonCause == b.commonCause && a.responsibility == b.responsibility
            && a.failover?.mode == b.failover?.mode && a.failover?.detect == b.failover?.detect
            && a.failover?.switchover == b.failover?.switchover && a.maskedFor == b.maskedFor
            && a.data?.replication == b.data?.replication && a.data?.backupEvery == b.data?.backupEvery
    }

    /// Where the process prompts go: the first of ours that an objective is measured at (else a
    /// root, else any component) and that is our own code; failing that, the first such part of ours.
    static func frontDoor(_ model: SystemModel, among candidates: [Component]) -> Component? {
        let names = Set(candidates.map(\.name))
        let ordered = model.objectives.flatMap(\.components) + model.roots.map(\.name) + candidates.map(\.name)
        let parts = ordered.filter(names.contains).compactMap(model.component(named:)).filter { $0.responsibility == .ours }
        return parts.first { $0.effectiveKind == .application } ?? parts.first ?? candidates.first
    }
}
