/// What the cross-checks need of one component entry: its name, layer and dependencies, where
/// each is written. Kept even when the component's figures are refused, so an unknown layer or a
/// misspelt reference is reported in the same run as a bad availability, not after it is fixed.
struct ComponentOutline {
    var name: String
    /// Where the component's name is written.
    var location: ModelLocation
    var layer: String
    /// Where the `layer:` value is written; nil when the layer is the default.
    var layerLocation: ModelLocation?
    var dependencies: [Dependency]

    /// Every name the component depends on, group members included.
    var dependencyNames: [String] { dependencies.componentNames }
}
