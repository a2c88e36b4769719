/// What a component the loader made in the user's place stands for, in the user's terms: the
/// hanging share of `payment` (`payment#hang`) is "payment hung", the write-ahead door's expiring
/// requests (`door#retention`) are "door requests expired". Lists of contributors show that
/// instead of the internal name, which no model file holds.
package struct HiddenPart: Hashable, Sendable {
    /// The user's component the hidden one belongs to.
    public let component: String
    /// What happens to it when the hidden component is down: "hung", "requests expired".
    public let part: String

    /// The hidden parts of `model`'s components, by their internal name.
    static func all(in model: SystemModel) -> [String: HiddenPart] {
        var parts: [String: HiddenPart] = [:]
        for component in model.components where component.isMadeByLoader {
            if let hanging = component.hangOf {
                parts[component.name] = HiddenPart(component: hanging, part: "hung")
            } else if component.name.hasSuffix(WriteAheadExpansion.retentionSuffix) {
                parts[component.name] = HiddenPart(component: String(component.name.dropLast(WriteAheadExpansion.retentionSuffix.count)),
                                                   part: "requests expired")
            }
        }
        return parts
    }
}
