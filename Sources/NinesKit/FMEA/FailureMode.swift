/// One row of an FMEA worksheet: how one component can fail, what it does, why, what guards
/// against it, how it scores, and what the team decided to do about it.
///
/// Quantities keep the text the worksheet used next to their value, so a worksheet written back
/// (YAML or CSV) says exactly what it said when read. Times are hours, rates per hour.
public struct FailureMode: Hashable, Sendable {
    public var id: String
    /// The components one occurrence takes down together, in the order written: one, or several
    /// (`components: [app-1, app-2, app-3]`, e.g. a bad release that hits every app server).
    public var components: [String]
    /// The worksheet group (`fmea_groups:`) the row names instead of listing `components`.
    public var group: String?
    /// The first (usually the only) component; its model layer gives the default FMEA layer.
    public var component: String {
        get { components[0] }
        set { components[0] = newValue }
    }
    /// FMEA layer (application, container, virtualization, network, storage, hardware, external,
    /// process, or one the worksheet declares).
    public var layer: String
    public var function: String?
    /// The failure mode itself, e.g. "primary crashes".
    public var mode: String
    public var effectLocal: String?
    public var effectEndUser: String?
    public var cause: String?
    public var prevention: String?
    public var detectionControls: String?
    /// Ratings before the action, 1–10; nil while the workshop has not scored them.
    public var severity: Int?
    public var occurrence: Int?
    public var detection: Int?
    public var recommendedAction: String?
    public var treatment: Treatment?
    public var owner: String?
    /// Due date, ISO 8601 (YYYY-MM-DD).
    public var due: String?
    /// As written; a row without a status is open.
    public var status: Status?
    /// Ratings after the action, as far as the team has re-scored them; missing ones stay as before.
    public var severityAfter: Int?
    public var occurrenceAfter: Int?
    public var detectionAfter: Int?
    /// Expected occurrences per hour, when the team estimated a rate (e.g. `2/y`).
    public var rate: Stated<Double>?
    /// How long one occurrence takes the component down.
    public var outage: Outage?
    /// MIL-STD-1629A β: probability that an occurrence has the stated end-user effect (default 1).
    public var effectProbability: Stated<Double>?
    public var notes: String?
    public var location: ModelLocation

    public init(id: String, component: String, layer: String, mode: String,
                location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1)) {
        self.init(id: id, components: [component], layer: layer, mode: mode, location: location)
    }

    /// - Parameter components: at least one name.
    public init(id: String, components: [String], layer: String, mode: String,
                location: ModelLocation = ModelLocation(file: "<memory>", line: 1, column: 1)) {
        precondition(!components.isEmpty, "a failure mode is about at least one component")
        self.id = id
        self.components = components
        self.layer = layer
        self.mode = mode
        self.location = location
    }

    /// Ratings before the action, once all three are given.
    public var scores: Scores? {
        guard let severity, let occurrence, let detection else { return nil }
        return Scores(severity: severity, occurrence: occurrence, detection: detection)
    }

    /// Ratings after the action: the re-scored ones, the others unchanged. Nil when nothing was re-scored.
    public var scoresAfter: Scores? {
        guard severityAfter != nil || occurrenceAfter != nil || detectionAfter != nil, let scores else { return nil }
        return Scores(severity: severityAfter ?? scores.severity, occurrence: occurrenceAfter ?? scores.occurrence,
                      detection: detectionAfter ?? scores.detection)
    }

    /// Whether the row still asks for work: open or in progress.
    public var isOpen: Bool { effectiveStatus == .open || effectiveStatus == .inProgress }

    public var effectiveStatus: Status { status ?? .open }

    /// True when the row has both a rate and an outage duration, so it can be costed in downtime.
    public var isQuantified: Bool { rate != nil && outage != nil }

    /// The components as the worksheet's `component` column writes them: the group's name, or
    /// the names themselves ("app-1, app-2, app-3").
    public var componentList: String { group ?? components.joined(separator: ", ") }
}

/// A value with the exact text it was written as.
public struct Stated<Value: Hashable & Sendable>: Hashable, Sendable {
    public var text: String
    public var value: Value

    public init(text: String, value: Value) {
        self.text = text
        self.value = value
    }
}

/// How long one occurrence of a failure mode keeps its component down.
public enum Outage: Hashable, Sendable {
    /// A stated duration, hours.
    case duration(Stated<Double>)
    /// Until the component is repaired: its mean time to repair from the model.
    case untilRepaired

    public static let untilRepairedText = "until-repaired"

    public var text: String {
        switch self {
        case .duration(let stated): return stated.text
        case .untilRepaired: return Self.untilRepairedText
        }
    }
}

/// Risk treatment decided for a failure mode.
public enum Treatment: String, Hashable, Sendable, Codable, CaseIterable {
    case mitigate, transfer, accept, avoid
}

/// Where the action on a failure mode stands.
public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    case open
    case inProgress = "in-progress"
    case done
    /// The risk is knowingly accepted; nothing more will be done.
    case accepted
}
