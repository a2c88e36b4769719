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
        // By index: a `for component in` loop copies every (large) component out of the array.
        for index in model.components.indices where model.components[index].isMadeByLoader {
            let name = model.components[index].name
            if let hanging = model.components[index].hangOf {
                parts[name] = HiddenPart(component: hanging, part: "hung")
            } else if name.hasSuffix(WriteAheadExpansion.retentionSuffix) {
                parts[name] = HiddenPart(component: String(name.dropLast(WriteAheadExpansion.retentionSuffix.count)),
                                         part: "requests expired")
            }
        }
        return parts
    }
}
