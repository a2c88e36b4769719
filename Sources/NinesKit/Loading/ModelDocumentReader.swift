import Foundation

/// What one model file says, read field by field but not yet cross-checked.
struct ModelDraft {
    var file: String
    var system: String?
    var systemLocation: ModelLocation
    var description: String?
    var period: Period?
    var calendar: CalendarConvention?
    var layers: [Layer] = []
    var components: [Component] = []
    var objectives: [Objective] = []
    var scenarios: [Scenario] = []
    var policies: [ResiliencyPolicy] = []
    /// The layer and dependencies of every component entry that is a mapping, read or refused, in
    /// file order: cross-checked even when the component's figures are refused.
    var outlines: [ComponentOutline] = []
    /// What design changes cost (`costs:`), when the file says.
    var costs: ChangeCosts?
    /// Components named in the file but refused (already reported): known names, so references
    /// to them do not cause a second, misleading "unknown component" error.
    var unreadComponents: Set<String> = []
    /// False when the `components` section itself could not be read: references cannot be checked.
    var componentsReadable = true
    /// Where `components:` is written, when it is (an empty one is reported there).
    var componentsLocation: ModelLocation?
    /// Where each member of each redundancy group is written, by the group's location, so an
    /// unknown member is reported at itself rather than at its group.
    var groupMemberLocations: [ModelLocation: [ModelLocation]] = [:]
    /// Declared pools of places (`pools:`), for placements.
    var pools: [Pool] = []
    /// Declared repair crews (`repair_crews:`).
    var crews: [RepairCrew] = []
}

/// What is collected beside the entries while a file is read (the reader itself is a value):
/// where each group's members are written, and each component's outline.
final class DraftNotes {
    var groupMembers: [ModelLocation: [ModelLocation]] = [:]
    var outlines: [ComponentOutline] = []
}

/// What one chunk of the component entries gave, merged into the file's in file order.
private struct ComponentChunk: Sendable {
    var read: [Component]
    var unread: Set<String>
    var diagnostics: [Diagnostic]
    var outlines: [ComponentOutline]
    var groupMembers: [ModelLocation: [ModelLocation]]
}

/// Reads the top-level mapping of one model file and each component and objective in it.
struct ModelDocumentReader {
    let file: String
    let diagnostics: DiagnosticCollector
    private let notes = DraftNotes()
    /// How many chunks the component entries are read in at most (one: all on this thread).
    let componentChunks: Int

    init(file: String, diagnostics: DiagnosticCollector, componentChunks: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.file = file
        self.diagnostics = diagnostics
        self.componentChunks = componentChunks
    }

    /// Fewer entries than this are read on one thread: starting another costs more than it saves.
    static let componentsPerChunk = 2_000

    static let topLevelKeys = ["version", "system", "description", "period", "calendar", "layers", "components", "objectives",
                                "pools", "repair_crews", "costs", "scenarios", "policies"] + WorksheetReader.embeddedKeys
    static let componentKeys = ["layer", "kind", "description", "source", "availability", "mtbf", "mttr", "rate", "replicas", "needs",
                                "common_cause", "depends_on", "responsibility", "failover", "data", "masked_for",
                                "failure", "repair", "placement", "detect", "cache", "transient", "retry", "idempotent",
                                "accepts_when_down", "bulkhead", "selector", "hangs", "latent", "maintenance", "standby", "crew", "priority", "slo", "from"]
    /// The keys that give a component its figures; exactly one per component.
    static let figureKeys = ["availability", "mtbf", "rate", "failure", "slo", "from"]
    static let objectiveKeys = ["measure", "kind", "at", "path", "target", "period", "rto", "rpo", "mission", "degraded",
                                "counts_maintenance", "sli", "description"]

    func read(_ root: YAMLValue) -> ModelDraft {
        var draft = ModelDraft(file: file, systemLocation: root.location)
        guard let top = MappingReader(root, context: "the model", diagnostics: diagnostics) else {
            draft.componentsReadable = false
            return draft
        }
        if top.has("model") && top.has("failure_modes") && !top.has("components") && !top.has("system") {
            // An FMEA worksheet given where a model belongs: one message that says so, not three.
            diagnostics.error(top.keyLocation("model"), "this is an FMEA worksheet (it names its model with 'model:'), not a model; "
                              + "rank it with 'nines fmea rank \(file)', or give the model and add '--fmea \(file)'")
            draft.componentsReadable = false
            return draft
        }
        readVersion(top)
        // A misspelt required key is reported once, as an unknown field with its "did you mean".
        draft.system = top.scalar("system", required: !top.misspells("system", known: Self.topLevelKeys),
                                  expected: "the system's name, e.g. 'system: Web shop'")?.text
        draft.systemLocation = top.keyLocation("system")
        draft.description = top.string("description")
        draft.period = top.parsed("period", expected: "a period", PeriodParser.parse)
        if let calendar = top.value("calendar") { draft.calendar = readCalendar(calendar) }
        if let layers = top.value("layers") { draft.layers = readLayers(layers) }
        if let pools = top.value("pools") { draft.pools = PlacementReader(diagnostics: diagnostics).readPools(pools) }
        if let crews = top.value("repair_crews") { draft.crews = CrewReader(diagnostics: diagnostics).readCrews(crews) }
        if top.has("components") { draft.componentsLocation = top.keyLocation("components") }
        if let components = top.value("components") {
            let entries = readComponents(components)
            draft.components = entries.read
            draft.unreadComponents = entries.unread
            draft.componentsReadable = entries.readable
        } else {
            draft.componentsReadable = false
            if top.has("components") {
                diagnostics.error(top.keyLocation("components"), "'components' must be a mapping from name to fields, found nothing")
            } else if !top.misspells("components", known: Self.topLevelKeys) {
                top.missing("components", expected: "a mapping from component name to its figures")
            }
        }
        if let objectives = top.value("objectives") {
            draft.objectives = readEntries(objectives, what: "objectives") { readObjective(name: $0, at: $1, $2) }.read
        }
        if let costs = top.value("costs") {
            draft.costs = CostReader(diagnostics: diagnostics).read(costs, components: draft.components.map(\.name) + draft.unreadComponents.sorted())
        }
        if let scenarios = top.value("scenarios") { draft.scenarios = readScenarios(scenarios) }
        if let policies = top.value("policies") { draft.policies = readPolicies(policies) }
        top.rejectUnknownKeys(known: Self.topLevelKeys)
        draft.groupMemberLocations = notes.groupMembers
        draft.outlines = notes.outlines
        return draft
    }

    private func readVersion(_ top: MappingReader) {
        guard let scalar = top.scalar("version", required: !top.misspells("version", known: Self.topLevelKeys),
                                      expected: "the format version, 1") else { return }
        guard let version = QuantityParser.integer(scalar.text), ModelLoader.supportedVersions.contains(version) else {
            diagnostics.error(scalar.location, "unsupported model format version '\(scalar.clipped)'; this nines reads version "
                              + ModelLoader.supportedVersions.map(String.init).joined(separator: ", "), length: scalar.text.count)
            return
        }
    }

    private func readCalendar(_ value: YAMLValue) -> CalendarConvention? {
        guard let calendar = MappingReader(value, context: "'calendar'", diagnostics: diagnostics) else { return nil }
        var convention = CalendarConvention.standard
        if let year = calendar.scalar("year", expected: "'365d' or '365.25d'") {
            switch year.text {
            case "365d", "365": convention.yearDays = 365
            case "365.25d", "365.25": convention.yearDays = 365.25
            default: diagnostics.error(year.location, "'year' of 'calendar' must be '365d' or '365.25d', found '\(year.clipped)'")
            }
        }
        if let month = calendar.scalar("month", expected: "'30d' or 'year/12'") {
            if let rule = CalendarConvention.MonthRule(rawValue: month.text) {
                convention.month = rule
            } else {
                diagnostics.error(month.location, "'month' of 'calendar' must be '30d' or 'year/12', found '\(month.clipped)'")
            }
        }
        calendar.rejectUnknownKeys(known: ["year", "month"])
        return convention
    }

    private func readLayers(_ value: YAMLValue) -> [Layer] {
        readEntries(value, what: "layers") { name, _, body in
            if case .scalar(let scalar) = body { return Layer(name: name, description: scalar.isNull ? nil : scalar.text) }
            guard let fields = MappingReader(body, context: "layer '\(name)'", diagnostics: diagnostics) else { return nil }
            defer { fields.rejectUnknownKeys(known: ["description", "detect"]) }
            return Layer(name: name, description: fields.string("description"), detect: fields.duration("detect", positive: false))
        }.read
    }

    /// Reads a mapping of named entries (components, objectives, layers) in file order; `read` gets
    /// the name, the name's location and the body. Also returns the names whose entries were refused.
    func readEntries<T>(_ value: YAMLValue, what: String, _ read: (String, ModelLocation, YAMLValue) -> T?)
        -> (read: [T], unread: Set<String>, readable: Bool) {
        guard case .mapping(let pairs, _) = value else {
            diagnostics.error(value.location, "'\(what)' must be a mapping from name to fields, found \(value.kindDescription)")
            return ([], [], false)
        }
        let (result, unread) = readEntries(pairs[...], capacity: pairs.count, what: what, read)
        return (result, unread, true)
    }

    /// Reads the entries `pairs` of a mapping in order, as `readEntries(_:what:_:)` does.
    private func readEntries<T>(_ pairs: ArraySlice<(key: YAMLScalar, value: YAMLValue)>, capacity: Int, what: String,
                                _ read: (String, ModelLocation, YAMLValue) -> T?) -> (read: [T], unread: Set<String>) {
        var result: [T] = []
        result.reserveCapacity(capacity)
        var unread: Set<String> = []
        for (key, body) in pairs {
            guard NameRules.isValid(key.text) else {
                diagnostics.error(key.location, "'\(key.clipped)' is not a valid name in '\(what)'; " + NameRules.explanation,
                                  length: key.text.count)
                unread.insert(key.text)
                continue
            }
            if let entry = read(key.text, key.location, body) { result.append(entry) } else { unread.insert(key.text) }
        }
        return (result, unread)
    }

    /// The component entries, in chunks on the processor's cores (most of a large file): each
    /// chunk read by its own reader into its own collector and notes, merged in file order, so the
    /// components, outlines and diagnostics are those one loop over the entries gives, in its order.
    private func readComponents(_ value: YAMLValue) -> (read: [Component], unread: Set<String>, readable: Bool) {
        guard case .mapping(let pairs, _) = value else { return readEntries(value, what: "components") { readComponent(name: $0, at: $1, $2) } }
        let file = self.file
        var chunks = OrderedChunks.map(count: pairs.count, chunks: componentChunks, minimumChunk: Self.componentsPerChunk) { range in
            let reader = ModelDocumentReader(file: file, diagnostics: DiagnosticCollector())
            // The first chunk has room for every entry, so the others are appended to it in place.
            let entries = reader.readEntries(pairs[range], capacity: range.lowerBound == 0 ? pairs.count : range.count,
                                             what: "components") { reader.readComponent(name: $0, at: $1, $2) }
            return ComponentChunk(read: entries.read, unread: entries.unread, diagnostics: reader.diagnostics.diagnostics,
                                  outlines: reader.notes.outlines, groupMembers: reader.notes.groupMembers)
        }
        var read: [Component] = []
        swap(&read, &chunks[0].read)
        var unread: Set<String> = []
        for index in chunks.indices {
            if index > 0 { read += chunks[index].read }
            chunks[index].read = []
            unread.formUnion(chunks[index].unread)
            diagnostics.append(contentsOf: chunks[index].diagnostics)
            if notes.outlines.isEmpty { swap(&notes.outlines, &chunks[index].outlines) } else { notes.outlines += chunks[index].outlines }
            // The same group location twice is one group reached through an alias: the same members.
            notes.groupMembers.merge(chunks[index].groupMembers) { _, later in later }
        }
        return (read, unread, true)
    }

    private func readComponent(name: String, at location: ModelLocation, _ body: YAMLValue) -> Component? {
        guard let fields = MappingReader(body, context: "component '\(name)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: Self.componentKeys) }
        let layer = fields.string("layer") ?? "software"
        let reader = DistributionReader(diagnostics: diagnostics)
        let failure = reader.read("failure", of: fields)
        let repair = reader.read("repair", of: fields)
        var uncertain: [UncertainInput] = []
        let figures = readFigures(fields, failure: failure, repair: repair, uncertain: &uncertain)
        let statedReplicas = fields.integer("replicas", in: 1...10_000)
        let replicas = statedReplicas ?? 1
        let needs = fields.integer("needs", in: 1...10_000) ?? 1
        // A refused 'replicas' is reported already; comparing 'needs' with the default would mislead.
        if needs > replicas, fields.has("needs"), statedReplicas != nil || !fields.has("replicas") {
            diagnostics.error(fields.keyLocation("needs"), "'needs' of component '\(name)' is \(needs) but it has only \(replicas) replica\(replicas == 1 ? "" : "s"); k of n needs 1 ≤ k ≤ n")
        }
        var commonCause = 0.0
        if let beta = fields.fraction("common_cause") {
            commonCause = beta.up
            if beta.up >= 1 {
                diagnostics.error(fields.keyLocation("common_cause"), "'common_cause' of component '\(name)' must be below 100% "
                                  + "(the share of failures that strike every replica at once), found '\(fields.scalar("common_cause")?.clipped ?? "")'")
            }
        }
        var softDependencies: [SoftDependency] = []
        let dependencies = fields.value("depends_on").map { readDependencies($0, owner: name, soft: &softDependencies) } ?? []
        notes.outlines.append(ComponentOutline(name: name, location: location, layer: layer,
                                               layerLocation: fields.entries.first { $0.key.text == "layer" }?.value.location,
                                               dependencies: dependencies))
        let responsibility = fields.choice("responsibility", as: Responsibility.self) ?? .ours
        let kind = fields.choice("kind", as: ComponentKind.self)
        let failover = fields.value("failover").flatMap { readFailover($0, owner: name, listedStandby: replicas > needs) }
        let data = fields.value("data").flatMap { readData($0, owner: name) }
        let maskedFor = fields.duration("masked_for", positive: true)
        let description = fields.string("description") ?? fields.string("source")
        guard let figures else { return nil }
        var component = Component(name: name, layer: layer, figures: figures, replicas: replicas, needs: min(needs, replicas),
                                  commonCause: commonCause, dependencies: dependencies, responsibility: responsibility,
                                  failover: failover, data: data, maskedFor: maskedFor, description: description,
                                  location: location)
        component.kind = kind
        component.failure = failure
        component.repair = repair
        component.detect = fields.duration("detect", positive: false)
        component.cache = fields.value("cache").flatMap { readCache($0, owner: name) }
        if let flag = fields.scalar("idempotent", expected: "true or false") {
            switch flag.text {
            case "true": component.idempotency = Idempotency(idempotent: true, location: fields.keyLocation("idempotent"))
            case "false": component.idempotency = Idempotency(idempotent: false, location: fields.keyLocation("idempotent"))
            default: diagnostics.error(flag.location, "'idempotent' of component '\(name)' must be true or false, found '\(flag.clipped)'",
                                       length: flag.text.count)
            }
        }
        component.transient = fields.value("transient").flatMap { readTransient($0, owner: name) }
        component.writeAhead = fields.value("accepts_when_down").flatMap { readWriteAhead($0, owner: name, at: fields.keyLocation("accepts_when_down")) }
        component.retry = fields.value("retry").flatMap { readRetry($0, owner: name, at: fields.keyLocation("retry")) }
        if component.retry != nil, dependencies.isEmpty, fields.has("retry") {
            diagnostics.error(fields.keyLocation("retry"), "'retry' of component '\(name)' has nothing to retry: "
                              + "it applies to the calls to the components in 'depends_on', and there are none", length: 5)
        }
        if let transient = component.transient, failure != nil || repair != nil {
            diagnostics.error(transient.location, "'transient' of component '\(name)' cannot go with a 'failure' or 'repair' "
                              + "distribution: its blips are folded into the mean figures; give 'mtbf'/'rate' and 'mttr' instead")
        }
        if component.detect != nil, figures.mttr == nil || repair != nil {
            diagnostics.error(fields.keyLocation("detect"), "'detect' of component '\(name)' needs a mean repair time "
                              + "('mttr', not a 'repair' distribution) to add the time to notice to", length: 6)
        }
        component.softDependencies = softDependencies
        component.bulkhead = fields.flag("bulkhead") ?? false
        if let hangs = fields.fraction("hangs") {
            component.hangs = hangs.up
            component.hangsLocation = fields.keyLocation("hangs")
            if hangs.up <= 0 {
                diagnostics.error(fields.keyLocation("hangs"), "'hangs' of component '\(name)' must be above 0% (the share of its outages "
                                  + "in which calls wait instead of failing); leave it out when none do", length: 5)
            } else if replicas > 1 || failover != nil || failure != nil || repair != nil || fields.has("placement") {
                diagnostics.error(fields.keyLocation("hangs"), "'hangs' of component '\(name)' goes with one instance and mean figures: "
                                  + "not with 'replicas', 'placement', 'failover' or a 'failure'/'repair' distribution", length: 5)
            }
        }
        if !uncertain.isEmpty {   // in the order the figures are written about: availability, mtbf, rate, mttr
            let order = UncertainInput.Field.allCases
            component.uncertainty = InputUncertainty(inputs: uncertain.sorted { order.firstIndex(of: $0.field)! < order.firstIndex(of: $1.field)! },
                                                     stated: figures)
        }
        component.placement = PlacementReader(diagnostics: diagnostics).read(fields, owner: name, replicas: replicas,
                                                                             needs: min(needs, replicas))
        component.latent = fields.value("latent").flatMap { readLatent($0, owner: name) }
        if let latent = component.latent { checkLatent(latent, of: component) }
        component.maintenance = fields.value("maintenance").flatMap { readMaintenance($0, owner: name) }
        if let maintenance = component.maintenance { checkMaintenance(maintenance, of: component) }
        component.standby = StandbyReader(diagnostics: diagnostics).read(fields, component: component)
        component.crew = CrewReader(diagnostics: diagnostics).readMembership(fields, component: component)
        component.promise = readPromise(fields, figures: figures, owner: name)
        component.selector = fields.value("selector").flatMap { KubernetesSelectorReader(diagnostics: diagnostics).read($0, owner: name) }
        return component
    }

    /// The bundled catalogue's entry a `catalogue:provider/service` availability names; reported when none.
    private func catalogueEntry(_ scalar: YAMLScalar, context: String) -> ProviderCatalogue.Entry? {
        let reference = String(scalar.text.dropFirst(ProviderCatalogue.prefix.count))
        if let entry = ProviderCatalogue.bundled.entry(reference) { return entry }
        let known = ProviderCatalogue.bundled.entries.map(\.reference)
        diagnostics.error(scalar.location, "'availability' of \(context) names '\(scalar.clipped)', which is not in the catalogue "
                          + "(`nines catalogue` lists it)" + Suggestion.hint(for: reference, in: known), length: scalar.text.count)
        return nil
    }

    /// Exactly one of: `availability` (optionally with `mttr`), `mtbf` + `mttr`, `rate` + `mttr`.
    /// A `failure:` distribution stands for `mtbf` and a `repair:` one for `mttr` (their means).
    /// Each figure may be stated with its uncertainty (a range or a distribution): the figure is then
    /// its median, and the input is added to `uncertain`.
    private func readFigures(_ fields: MappingReader, failure: TimeDistribution? = nil, repair: TimeDistribution? = nil,
                             uncertain: inout [UncertainInput]) -> UnitFigures? {
        let given = Self.figureKeys.filter(fields.has)
        if given.count > 1 {
            diagnostics.error(fields.keyLocation(given[1]), "\(fields.context) gives both '\(given[0])' and '\(given[1])'; give one of 'availability', 'mtbf' + 'mttr', 'rate' + 'mttr', 'slo' or 'from'")
            return nil
        }
        if fields.has("mttr") && fields.has("repair") {
            diagnostics.error(fields.keyLocation("repair"), "\(fields.context) gives both 'mttr' and 'repair'; give one")
            return nil
        }
        let ranges = UncertainFigureReader(diagnostics: diagnostics)
        var refused = false
        func figure(_ field: UncertainInput.Field, plain: () -> Double?) -> Double? {
            switch ranges.read(field, of: fields) {
            case .none: return plain()
            case .some(.none): refused = true; return nil
            case .some(.some(let input)): uncertain.append(input); return input.distribution.median
            }
        }
        let mttr = figure(.mttr) { fields.duration("mttr", positive: true) } ?? (refused ? nil : repair?.mean)
        switch given.first {
        case "availability":
            if case .scalar(let scalar)? = fields.value("availability"), scalar.text.hasPrefix(ProviderCatalogue.prefix) {
                guard let entry = catalogueEntry(scalar, context: fields.context) else { return nil }
                return .availability(entry.availability, mttr: mttr)
            }
            let stated: Probability?
            switch ranges.read(.availability, of: fields) {
            case .none: stated = fields.availability("availability")
            case .some(.none): stated = nil
            case .some(.some(let input)):
                uncertain.append(input)
                stated = Probability(up: 1 - input.distribution.median, down: input.distribution.median)
            }
            guard let availability = stated else { return nil }
            return .availability(availability, mttr: mttr)
        case "mtbf":
            let mtbf = figure(.mtbf) { fields.duration("mtbf", positive: true) }
            if !fields.has("mttr") && !fields.has("repair") && !fields.misspells("mttr", known: Self.componentKeys) { fields.missing("mttr", expected: "the mean time to repair, e.g. '30m', needed with 'mtbf'") }
            guard let mtbf, let mttr else { return nil }
            return .mtbf(mtbf, mttr: mttr)
        case "rate":
            let rate = figure(.rate) { fields.rate("rate") }
            if !fields.has("mttr") && !fields.has("repair") && !fields.misspells("mttr", known: Self.componentKeys) { fields.missing("mttr", expected: "the mean time to repair, e.g. '30m', needed with 'rate'") }
            guard let rate, let mttr else { return nil }
            return .rate(rate, mttr: mttr)
        case "slo":
            guard let promised = fields.availability("slo") else { return nil }
            return .availability(promised, mttr: mttr)
        case "from":
            // Resolved once every file is read (`ObjectiveReferences`); perfect until then.
            return fields.has("from") ? .availability(.perfect, mttr: mttr) : nil
        case "failure":
            if !fields.has("mttr") && !fields.has("repair") && !fields.misspells("mttr", known: Self.componentKeys) { fields.missing("repair", expected: "a repair distribution or 'mttr', needed with 'failure'") }
            guard let failure, let mttr else { return nil }
            return .mtbf(failure.mean, mttr: mttr)
        default:
            // A misspelt figure ('availabilty') is reported once, as an unknown field with its "did you mean".
            if !Self.figureKeys.contains(where: { fields.misspells($0, known: Self.componentKeys) }) {
                diagnostics.error(fields.location, "\(fields.context) has no reliability figures; give 'availability' (e.g. 99.95%), "
                                  + "'mtbf' + 'mttr', or 'rate' + 'mttr'")
            }
            return nil
        }
    }

    /// `slo: 99.9%` or `from: PATH#OBJECTIVE` (the reference checked for its form here, followed later).
    private func readPromise(_ fields: MappingReader, figures: UnitFigures, owner: String) -> DependencyPromise? {
        if fields.has("slo"), case .availability(let promised, _) = figures {
            return DependencyPromise(source: .declared, target: promised, location: fields.keyLocation("slo"))
        }
        guard let reference = fields.scalar("from", expected: "PATH#OBJECTIVE, another model's objective") else { return nil }
        let parts = reference.text.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, NameRules.isValid(String(parts[1])) else {
            diagnostics.error(reference.location, "'from' of component '\(owner)' must be PATH#OBJECTIVE, e.g. "
                              + "'../payments/nines.yaml#checkout', found '\(reference.clipped)'", length: reference.text.count)
            return nil
        }
        return DependencyPromise(source: .objective(path: String(parts[0]), name: String(parts[1])), target: .perfect,
                                 location: reference.location)
    }

    private func readDependencies(_ value: YAMLValue, owner: String, soft: inout [SoftDependency]) -> [Dependency] {
        guard case .sequence(let items, _) = value else {
            let hint = if case .scalar(let scalar) = value, !scalar.isNull { "; write it as a list: [\(scalar.clipped)]" } else { "" }
            diagnostics.error(value.location, "'depends_on' of component '\(owner)' must be a list, found \(value.kindDescription)" + hint)
            return []
        }
        // Sized once: kept by every component for the whole run (`compactMap` would leave spare room).
        var dependencies: [Dependency] = []
        dependencies.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .scalar(let scalar) where !scalar.isNull:
                dependencies.append(.component(scalar.text, scalar.location))
            case .mapping(let pairs, _) where pairs.contains(where: { $0.key.text == "on" }):
                if let (dependency, entry) = SoftDependencyReader(diagnostics: diagnostics, notes: notes).read(item, owner: owner) {
                    soft.append(entry)
                    dependencies.append(dependency)
                }
            case .mapping:
                if let group = readGroup(item, owner: owner) { dependencies.append(group) }
            default:
                diagnostics.error(item.location, "each entry of 'depends_on' of component '\(owner)' must be a component name, "
                                  + "{any: [...]}, {k_of: {k: 2, of: [...]}} or {on: NAME, soft: true | fallback: ...}, found \(item.kindDescription)")
            }
        }
        return dependencies
    }

    private func readGroup(_ item: YAMLValue, owner: String) -> Dependency? {
        guard let group = MappingReader(item, context: "a redundancy group of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { group.rejectUnknownKeys(known: ["any", "k_of"]) }
        if group.has("any") && group.has("k_of") {
            diagnostics.error(group.keyLocation("k_of"), "a redundancy group of '\(owner)' gives both 'any' and 'k_of'; "
                              + "give one per group, e.g. {any: [a, b]} or {k_of: {k: 2, of: [a, b, c]}}")
            return nil
        }
        if group.has("any") {
            guard let members = group.nameList("any") else { return nil }
            if members.isEmpty { diagnostics.error(group.location, "an 'any' group of '\(owner)' needs at least one member"); return nil }
            notes.groupMembers[group.location] = members.map(\.location)
            return .group(k: 1, members: members.map(\.name), group.location)
        }
        if let kOf = group.value("k_of") {
            guard let fields = MappingReader(kOf, context: "'k_of' of '\(owner)'", diagnostics: diagnostics) else { return nil }
            defer { fields.rejectUnknownKeys(known: ["k", "of"]) }
            let k = fields.integer("k", in: 1...10_000, required: true)
            guard let members = fields.nameList("of", required: true) else { return nil }
            if let k, k > members.count {
                diagnostics.error(fields.keyLocation("k"), "'k' of 'k_of' of '\(owner)' is \(k) but the group has only "
                                  + "\(members.count) member\(members.count == 1 ? "" : "s"); k of n needs 1 ≤ k ≤ n")
            }
            // A bad or missing 'k' is reported already, so no model is built from this group: its
            // members are kept so that a misspelt one is reported in the same run.
            notes.groupMembers[group.location] = members.map(\.location)
            return .group(k: min(k ?? 1, max(1, members.count)), members: members.map(\.name), group.location)
        }
        diagnostics.error(group.location, "a redundancy group of '\(owner)' must be {any: [...]} or {k_of: {k: 2, of: [...]}}")
        return nil
    }

    private func readFailover(_ value: YAMLValue, owner: String, listedStandby: Bool) -> Failover? {
        guard let fields = MappingReader(value, context: "'failover' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["mode", "detect", "switch", "success", "figures"]) }
        let figures = fields.choice("figures", as: Failover.Figures.self)
        if figures != nil, listedStandby {
            diagnostics.error(fields.keyLocation("figures"), "'figures' of 'failover' of '\(owner)' goes with 'replicas' equal to 'needs' "
                              + "(no standby listed); with more replicas than needed the standbys are listed and the figures are each instance's")
        }
        let mode = fields.choice("mode", as: Failover.Mode.self) ?? .activePassive
        let detect = fields.duration("detect", positive: false) ?? 0
        let switchover = fields.duration("switch", positive: false) ?? 0
        let success = fields.fraction("success")?.up ?? 1
        var failover = Failover(mode: mode, detect: detect, switchover: switchover, success: success, location: fields.location)
        failover.figures = figures ?? .service
        return failover
    }

    private func readCache(_ value: YAMLValue, owner: String) -> Cache? {
        guard let fields = MappingReader(value, context: "'cache' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["for", "window"]) }
        let target = fields.scalar("for", required: true, expected: "the component the cache stands in front of")
        let window = fields.duration("window", positive: true, required: true)
        guard let target, let window else { return nil }
        return Cache(target: target.text, window: window, location: fields.location, targetLocation: target.location)
    }

    private func readTransient(_ value: YAMLValue, owner: String) -> TransientFaults? {
        guard let fields = MappingReader(value, context: "'transient' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["rate", "duration"]) }
        let rate = fields.rate("rate")
        if rate == nil, !fields.has("rate") { fields.missing("rate", expected: "how often the blips come, e.g. '20/d'") }
        let duration = fields.duration("duration", positive: true, required: true)
        guard let rate, let duration else { return nil }
        return TransientFaults(rate: rate, duration: duration, location: fields.location)
    }

    private func readLatent(_ value: YAMLValue, owner: String) -> LatentFailures? {
        guard let fields = MappingReader(value, context: "'latent' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["test_every", "test_duration", "coverage", "demand_every"]) }
        let every = fields.duration("test_every", positive: true, required: true)
        let duration = fields.duration("test_duration", positive: false) ?? 0
        let coverage = readCoverage(fields, owner: owner)
        let demandEvery = fields.duration("demand_every", positive: true)
        if let coverage, coverage < 1, demandEvery == nil, !fields.has("demand_every") {
            diagnostics.error(fields.keyLocation("coverage"), "'latent' of '\(owner)' with 'coverage' below 100% needs 'demand_every': "
                              + "how often a real demand (or the mission's end) finds the failures a drill misses, e.g. '5y'", length: 8)
        }
        if coverage == 1, demandEvery != nil {
            diagnostics.error(fields.keyLocation("demand_every"), "'demand_every' of '\(owner)' needs 'coverage' below 100%: "
                              + "drills that find every failure leave nothing for a demand to find", length: 12)
        }
        guard let every, let coverage else { return nil }
        guard duration < every else {
            diagnostics.error(fields.keyLocation("test_duration"), "'test_duration' of '\(owner)' must be shorter than "
                              + "'test_every': a drill cannot last longer than the time between drills", length: 13)
            return nil
        }
        return LatentFailures(testEvery: every, testDuration: duration, coverage: coverage, demandEvery: demandEvery,
                              location: fields.location)
    }

    /// The share of failures a drill finds, in (0, 100%]; 100% when not given, nil when refused.
    private func readCoverage(_ fields: MappingReader, owner: String) -> Double? {
        guard fields.has("coverage") else { return 1 }
        guard let coverage = fields.fraction("coverage") else { return nil }
        guard coverage.up > 0 else {
            diagnostics.error(fields.keyLocation("coverage"), "'coverage' of '\(owner)' must be above 0% and at most 100% "
                              + "(the share of failures a drill finds), found '\(fields.scalar("coverage")?.clipped ?? "")'", length: 8)
            return nil
        }
        return coverage.up
    }

    /// A drilled part is one instance with a failure rate and a mean repair: the drill cycle's
    /// closed form (DrillCycle) covers that and nothing the other keys would add to it.
    private func checkLatent(_ latent: LatentFailures, of component: Component) {
        let name = component.name
        var clashes: [String] = []
        if component.replicas > 1 { clashes.append("'replicas' above 1 (drill each instance as its own component)") }
        if component.failover != nil { clashes.append("'failover'") }
        if component.placement != nil { clashes.append("'placement'") }
        if component.failure != nil || component.repair != nil { clashes.append("a 'failure' or 'repair' distribution") }
        if component.transient != nil { clashes.append("'transient'") }
        for clash in clashes {
            diagnostics.error(latent.location, "'latent' of component '\(name)' cannot go with \(clash)")
        }
        if component.figures.failureRate == nil || component.figures.mttr == nil {
            diagnostics.error(latent.location, "'latent' of component '\(name)' needs a failure rate and a mean repair time "
                              + "(give 'mtbf' or 'rate' and 'mttr'): a drill finds failures and a repair ends them")
        }
    }

    private func readMaintenance(_ value: YAMLValue, owner: String) -> Maintenance? {
        guard let fields = MappingReader(value, context: "'maintenance' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["every", "duration", "announced"]) }
        let every = fields.duration("every", positive: true, required: true)
        let duration = fields.duration("duration", positive: true, required: true)
        let announced = flag("announced", in: fields, of: "'maintenance' of '\(owner)'") ?? true
        guard let every, let duration else { return nil }
        guard duration < every else {
            diagnostics.error(fields.keyLocation("duration"), "'duration' of 'maintenance' of '\(owner)' must be shorter than "
                              + "'every': a window cannot last longer than the time between windows", length: 8)
            return nil
        }
        return Maintenance(every: every, duration: duration, announced: announced, location: fields.location)
    }

    /// A `true`/`false` field; nil (after a located error) for anything else, or when absent.
    private func flag(_ key: String, in fields: MappingReader, of owner: String) -> Bool? {
        guard let flag = fields.scalar(key, expected: "true or false") else { return nil }
        switch flag.text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error(flag.location, "'\(key)' of \(owner) must be true or false, found '\(flag.clipped)'", length: flag.text.count)
            return nil
        }
    }

    /// Windows on one instance's calendar: replicas in windows of their own would need a schedule
    /// (rolling or not) that the model does not say.
    private func checkMaintenance(_ maintenance: Maintenance, of component: Component) {
        var clashes: [String] = []
        if component.replicas > 1 { clashes.append("'replicas' above 1 (give each instance its own component and windows)") }
        if component.placement != nil { clashes.append("'placement'") }
        if component.failover != nil { clashes.append("'failover'") }
        if component.latent != nil { clashes.append("'latent' (a drill is the window: give 'test_duration')") }
        for clash in clashes {
            diagnostics.error(maintenance.location, "'maintenance' of component '\(component.name)' cannot go with \(clash)")
        }
    }

    private func readRetry(_ value: YAMLValue, owner: String, at location: ModelLocation) -> RetryPolicy? {
        guard let fields = MappingReader(value, context: "'retry' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["attempts", "backoff", "timeout"]) }
        let attempts = fields.integer("attempts", in: 1...1000, required: true)
        let backoff = fields.duration("backoff", positive: false) ?? 0
        let timeout = fields.duration("timeout", positive: true, required: true)
        guard let attempts, let timeout else { return nil }
        return RetryPolicy(attempts: attempts, backoff: backoff, timeout: timeout, location: location)
    }

    private func readWriteAhead(_ value: YAMLValue, owner: String, at location: ModelLocation) -> WriteAhead? {
        guard let fields = MappingReader(value, context: "'accepts_when_down' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["store", "retention", "deadline", "downstream"]) }
        let store = fields.scalar("store", required: true, expected: "the component the requests are written to before processing")
        let retention = fields.duration("retention", positive: true, required: true)
        let deadline = fields.duration("deadline", positive: true)
        let downstream = fields.nameList("downstream")
        guard let store, let retention else { return nil }
        return WriteAhead(store: store.text, retention: retention, deadline: deadline, downstream: downstream?.map(\.name),
                          location: location, storeLocation: store.location, downstreamLocations: downstream?.map(\.location) ?? [])
    }

    private func readData(_ value: YAMLValue, owner: String) -> DataProtection? {
        guard let fields = MappingReader(value, context: "'data' of '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["replication", "lag", "backup_every", "backup_duration", "restore"]) }
        let replication = fields.choice("replication", as: DataProtection.Replication.self) ?? .none
        let lag = fields.duration("lag", positive: false)
        if replication == .async && lag == nil && !fields.has("lag") {
            fields.missing("lag", expected: "the replication lag of async replication, e.g. '5s'")
        }
        return DataProtection(replication: replication, lag: lag, backupEvery: fields.duration("backup_every", positive: true),
                              backupDuration: fields.duration("backup_duration", positive: false),
                              restore: fields.duration("restore", positive: false), location: fields.location)
    }

    private func readObjective(name: String, at location: ModelLocation, _ body: YAMLValue) -> Objective? {
        guard let fields = MappingReader(body, context: "objective '\(name)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: Self.objectiveKeys) }
        let at = fields.scalar("at", expected: "a component name")
        let path = fields.nameList("path")
        var components: [String] = []
        var componentLocations: [ModelLocation] = []
        switch (at, path) {
        case (let at?, nil):
            components = [at.text]
            componentLocations = [at.location]
        case (nil, let path?):
            if path.isEmpty { diagnostics.error(fields.keyLocation("path"), "'path' of objective '\(name)' is empty; list the components of the flow") }
            components = path.map(\.name)
            componentLocations = path.map(\.location)
        case (.some, .some):
            diagnostics.error(fields.keyLocation("path"), "objective '\(name)' gives both 'at' and 'path'; give one")
            return nil
        case (nil, nil):
            if !fields.has("at") && !fields.has("path") && !fields.misspells("at", known: Self.objectiveKeys)
                && !fields.misspells("path", known: Self.objectiveKeys) {
                fields.missing("at", expected: "the front-door component, or 'path' with the components of a flow")
            }
            return nil
        }
        let measure = fields.choice("measure", as: Objective.Measure.self) ?? (path == nil ? .availability : .reliability)
        let kind = fields.choice("kind", as: Objective.Kind.self) ?? .slo
        var objective = Objective(name: name, measure: measure, kind: kind, components: components,
                                  target: fields.availability("target"),
                                  period: fields.parsed("period", expected: "a period", PeriodParser.parse),
                                  rto: fields.duration("rto", positive: false), rpo: fields.duration("rpo", positive: false),
                                  description: fields.string("description"), location: location, componentLocations: componentLocations)
        objective.mission = fields.duration("mission", positive: true)
        if let degraded = fields.choice("degraded", as: DegradedAccounting.self) {
            objective.degraded = degraded
            objective.degradedLocation = fields.keyLocation("degraded")
        }
        objective.countsMaintenance = flag("counts_maintenance", in: fields, of: "objective '\(name)'") ?? true
        objective.sli = fields.value("sli").flatMap { SLIReader(diagnostics: diagnostics).read($0, objective: name) }
        if fields.has("target") { objective.targetLocation = fields.keyLocation("target") }
        return objective
    }
}

/// Component, objective and layer names: ASCII letters, digits, '-' and '_' (so `--set name.field=…`
/// stays unambiguous, and two names that look alike in a review are alike: a Cyrillic 'а' is not
/// a Latin 'a', so non-ASCII letters are refused rather than compared for confusables).
enum NameRules {
    static let explanation = "names use ASCII letters, digits, '-' and '_', up to 100 characters"

    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 100 && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"): return true
            default: return false
            }
        }
    }
}

/// `day`, `week`, `month`, `quarter`, `year`, or a rolling window in days such as `28d`.
package enum PeriodParser {
    public static func parse(_ text: String) -> Result<Period, QuantityParser.Failure> {
        let expected = "one of 'day', 'week', 'month', 'quarter', 'year' or a number of days such as '28d'"
        switch text {
        case "day": return .success(.day)
        case "week": return .success(.week)
        case "month": return .success(.month)
        case "quarter": return .success(.quarter)
        case "year": return .success(.year)
        default:
            guard text.hasSuffix("d"), let days = QuantityParser.decimal(String(text.dropLast())), days > 0, days <= 3660 else {
                return .failure(.init(expected))
            }
            return .success(.days(days))
        }
    }
}
