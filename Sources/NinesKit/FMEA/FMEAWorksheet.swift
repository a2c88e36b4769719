/// A system's FMEA worksheet: its failure modes in worksheet order and how they are scored.
public struct FMEAWorksheet: Hashable, Sendable {
    /// The model file the worksheet names (`model:`), as written; nil when the failure modes live in the model file.
    public var modelReference: String?
    /// The scoring the worksheet states; nil means the AIAG-VDA 2019 table.
    public var scoring: FMEAScoring?
    /// Layers the worksheet adds to the built-in FMEA layers.
    public var extraLayers: [String]
    /// Named sets of components a row may name instead of listing them (`fmea_groups:`).
    public var groups: [FailureModeGroup] = []
    public var failureModes: [FailureMode]

    public init(modelReference: String? = nil, scoring: FMEAScoring? = nil,
                extraLayers: [String] = [], failureModes: [FailureMode]) {
        self.modelReference = modelReference
        self.scoring = scoring
        self.extraLayers = extraLayers
        self.failureModes = failureModes
    }

    public var effectiveScoring: FMEAScoring { scoring ?? .standard }
}

/// A name for components that fail together in a workshop's eyes (`fmea_groups: {app-servers:
/// [app-1, app-2, app-3]}`): a row with `component: app-servers` takes all of them down at once.
public struct FailureModeGroup: Hashable, Sendable {
    public var name: String
    public var components: [String]

    public init(name: String, components: [String]) {
        self.name = name
        self.components = components
    }
}

/// The layers an FMEA walks through, top of the stack first (after the talk: application,
/// container, virtualization, network, storage, hardware, then what lies outside: external
/// dependencies and process/people).
public enum FMEALayer {
    public static let builtIn = ["application", "container", "virtualization", "network", "storage", "hardware", "external", "process"]

    /// The FMEA layer a component of a model layer starts in, when a row does not say.
    public static func defaultLayer(forModelLayer layer: String) -> String {
        switch layer {
        case "software": return "application"
        case "platform": return "container"
        case "physical": return "hardware"
        case "network": return "network"
        case "data": return "storage"
        case "external": return "external"
        default: return builtIn.contains(layer) ? layer : "application"
        }
    }
}
