/// A mission figure's R(t) from 0 to its mission, laid out in SVG user units (pixels) for the
/// HTML report: the renderer prints these numbers (see `ReportPictureBuilder.reliabilityCurve`).
package struct ReliabilityCurveChart: Hashable, Sendable, Codable {
    package typealias Point = StackDiagramLayout.Point

    /// A gridline: where it goes (x for times, y for reliabilities) and the value it marks.
    package struct Tick: Hashable, Sendable, Codable {
        public var at: Double
        public var value: Double
    }

    /// The figure's name, as in `MissionFigure.name`.
    public var name: String
    public var missionHours: Double
    public var width: Double
    public var height: Double
    /// The plotting area, inside the axis labels.
    public var plot: StackDiagramLayout.Rect
    /// The curve, one point per time of `MissionCurve.points`.
    public var path: [Point]
    /// Times (hours, along x) and reliabilities (R, along y) marked on the axes.
    public var timeTicks: [Tick]
    public var reliabilityTicks: [Tick]
    /// R at the mission's end.
    public var reliabilityAtEnd: Double
}
