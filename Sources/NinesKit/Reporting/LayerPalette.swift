/// The colours of the talk's stack diagrams: software blue, the infrastructure platform green
/// (physical, network and data in shades of green, since the talk draws them as platform), external
/// integrations yellow. Layers a model declares get colours of their own, in declaration order.
package enum LayerPalette {
    static let builtIn: [String: LayerColour] = [
        "software": LayerColour(stroke: "#1d4ed8", fill: "#dbeafe", band: "#eff6ff"),
        "platform": LayerColour(stroke: "#15803d", fill: "#dcfce7", band: "#f0fdf4"),
        "data": LayerColour(stroke: "#047857", fill: "#d1fae5", band: "#ecfdf5"),
        "network": LayerColour(stroke: "#0f766e", fill: "#ccfbf1", band: "#f0fdfa"),
        "physical": LayerColour(stroke: "#4d7c0f", fill: "#ecfccb", band: "#f7fee7"),
        "external": LayerColour(stroke: "#a16207", fill: "#fef08a", band: "#fefce8"),
    ]

    /// Purple, orange, pink, slate, indigo, brown: none is blue, green or yellow.
    static let declared: [LayerColour] = [
        LayerColour(stroke: "#7e22ce", fill: "#f3e8ff", band: "#faf5ff"),
        LayerColour(stroke: "#c2410c", fill: "#ffedd5", band: "#fff7ed"),
        LayerColour(stroke: "#be185d", fill: "#fce7f3", band: "#fdf2f8"),
        LayerColour(stroke: "#475569", fill: "#e2e8f0", band: "#f8fafc"),
        LayerColour(stroke: "#4338ca", fill: "#e0e7ff", band: "#eef2ff"),
        LayerColour(stroke: "#92400e", fill: "#fde68a", band: "#fffbeb"),
    ]

    /// The colour of `layer`; `declaredIndex` is its position among the model's declared layers.
    public static func colour(for layer: String, declaredIndex: Int?) -> LayerColour {
        if let colour = builtIn[layer] { return colour }
        return declared[(declaredIndex ?? 0) % declared.count]
    }
}
