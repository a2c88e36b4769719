import Foundation

/// One design change `nines advise` may suggest, as the `--set` overrides that express it and as
/// the same edit made to a loaded model (so a candidate is evaluated without reading the files
/// again). `apply` does exactly what `ModelLoader` does with `overrides`: every number in an
/// override is written first and read back with the loader's own parser, so the two cannot differ.
package struct DesignChange: Hashable, Sendable {
    /// What kind of change: the key of `costs:` that prices it.
    package enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case replica, needs, failover, mttr, detect, commonCause = "common-cause", masking, responsibility
        case retry, bulkhead, placement, breaker
    }

    public let kind: Kind
    public let component: String
    /// What the change is, in words ("add a 4th replica of job-api (2 of 4 needed)").
    public let change: String
    /// The overrides, `PATH=VALUE`, that make the change (`nines report --set …`).
    public let set: [String]
    /// The same change made to the loaded component; nil for a change of the structure the loader
    /// builds (a retry, a bulkhead, placement, detection time), which only a reload with `set` makes.
    let edit: (@Sendable (inout Component) -> Void)?

    init(_ kind: Kind, _ component: String, _ change: String, set: [String], edit: (@Sendable (inout Component) -> Void)?) {
        self.kind = kind
        self.component = component
        self.change = change
        self.set = set
        self.edit = edit
    }

    /// Whether the change alters what the loader builds, so evaluating it means loading the model
    /// again with its overrides (`AdviceEvaluator`), not replacing one figure.
    var isStructural: Bool { edit == nil }

    public static func == (lhs: DesignChange, rhs: DesignChange) -> Bool {
        lhs.kind == rhs.kind && lhs.component == rhs.component && lhs.set == rhs.set
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(component)
        hasher.combine(set)
    }

    /// `model` with this change made.
    func applied(to model: SystemModel) -> SystemModel {
        var changed = model
        if let edit, let index = changed.components.firstIndex(where: { $0.name == component }) { edit(&changed.components[index]) }
        changed.overrides += set
        return changed
    }
}

/// Values as an override writes them, and read back as the loader reads them.
enum OverrideText {
    /// A duration in the largest unit that keeps it above 1 (`90s` → `1.5m`), up to 6 decimals.
    static func duration(hours: Double) -> (text: String, hours: Double) {
        let (value, unit) = hours >= 1 ? (hours, "h") : hours * 60 >= 1 ? (hours * 60, "m") : (hours * 3600, "s")
        let text = decimal(value) + unit
        guard case .success(let read) = QuantityParser.duration(text, positive: true) else { return (text, hours) }
        return (text, read)
    }

    /// A share as a percentage (`0.01` → `1%`), up to 6 decimals.
    static func percent(_ share: Double) -> (text: String, share: Double) {
        let text = decimal(share * 100) + "%"
        guard case .success(let read) = QuantityParser.fraction(text) else { return (text, share) }
        return (text, read.up)
    }

    /// Up to 6 decimals, without trailing zeros or an exponent.
    static func decimal(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
