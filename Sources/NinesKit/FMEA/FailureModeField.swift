/// The fields of a worksheet row. Their raw values are the YAML keys and the CSV column names;
/// their declaration order is the CSV column order (stable: new fields are only ever appended).
package enum FailureModeField: String, Sendable, CaseIterable {
    case id, component, layer, function
    case failureMode = "failure_mode"
    case effectLocal = "effect_local"
    case effectEndUser = "effect_end_user"
    case cause, prevention
    case detectionControls = "detection_controls"
    case severity, occurrence, detection
    case recommendedAction = "recommended_action"
    case treatment, owner, due, status
    case severityAfter = "severity_after"
    case occurrenceAfter = "occurrence_after"
    case detectionAfter = "detection_after"
    case rate, outage
    case effectProbability = "effect_probability"
    case notes

    /// Fields every row must give.
    public static let required: [FailureModeField] = [.id, .component, .failureMode]

    /// Fields holding ratings 1–10.
    public var isScore: Bool {
        [.severity, .occurrence, .detection, .severityAfter, .occurrenceAfter, .detectionAfter].contains(self)
    }

    /// The text of this field in `mode`, exactly as it would be written; nil when the row does not give it.
    public func text(of mode: FailureMode) -> String? {
        switch self {
        case .id: return mode.id
        case .component: return mode.componentList
        case .layer: return mode.layer
        case .function: return mode.function
        case .failureMode: return mode.mode
        case .effectLocal: return mode.effectLocal
        case .effectEndUser: return mode.effectEndUser
        case .cause: return mode.cause
        case .prevention: return mode.prevention
        case .detectionControls: return mode.detectionControls
        case .severity: return mode.severity.map(String.init)
        case .occurrence: return mode.occurrence.map(String.init)
        case .detection: return mode.detection.map(String.init)
        case .recommendedAction: return mode.recommendedAction
        case .treatment: return mode.treatment?.rawValue
        case .owner: return mode.owner
        case .due: return mode.due
        case .status: return mode.status?.rawValue
        case .severityAfter: return mode.severityAfter.map(String.init)
        case .occurrenceAfter: return mode.occurrenceAfter.map(String.init)
        case .detectionAfter: return mode.detectionAfter.map(String.init)
        case .rate: return mode.rate?.text
        case .outage: return mode.outage?.text
        case .effectProbability: return mode.effectProbability?.text
        case .notes: return mode.notes
        }
    }
}
