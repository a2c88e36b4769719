/// R(t) of one mission figure at evenly spaced times from 0 to its mission, for the HTML
/// report's reliability curve (`MissionReliability(…, curvePoints:)`).
package struct MissionCurve: Hashable, Sendable, Codable {
    /// The figure's name, as in `MissionFigure.name`.
    public let name: String
    public let missionHours: Double
    /// Ascending times, the first 0 and the last the mission.
    public let points: [Point]

    package struct Point: Hashable, Sendable, Codable {
        public let hours: Double
        /// R(t) as (up, down), down kept exact as in `MissionFigure.reliability`.
        public let reliability: Probability
    }
}
