import Foundation
import Testing
@testable import NinesKit

/// The HTML report's minimal cut sets (a table per figure, the top set outlined on the diagram)
/// and its mission reliability curve R(t).
struct HTMLCutSetsAndCurveTests {
    /// λ1 = 1/5000 h and λ2 = 1/20000 h in series (app needs db), no repair during the mission:
    /// R(t) = e^{−(λ1+λ2)t} (Rausand & Høyland, *System Reliability Theory*, 2nd ed., §4.2, series
    /// structure of exponential units). A redundant pair of web servers sits beside it.
    static let yaml = """
    version: 1
    system: Series
    components:
      db: { layer: data, mtbf: 5000h, mttr: 4h }
      app: { layer: software, mtbf: 20000h, mttr: 2h, depends_on: [db] }
      web: { layer: network, mtbf: 1000h, mttr: 1h, replicas: 2, needs: 1 }
    objectives:
      checkout: { at: app }
      pages: { at: web }
    """
    static let λ = 1.0 / 5000 + 1.0 / 20000
    static let missionHours = 8760.0

    static func page() throws -> (AvailabilityReport, String) {
        let model = try ModelLoader.load(text: yaml, file: "series.yaml")
        let analysis = AvailabilityAnalysis(model)
        let prediction = SLAPrediction(model, full: analysis)
        var report = ReportBuilder.availabilityReport(analysis, prediction: prediction)
        ReportBuilder.addCutSets(MinimalCutSets(prediction, maxOrder: 2), to: &report)
        let mission = MissionReliability(analysis, missionHours: missionHours, curvePoints: ReportPictureBuilder.curvePoints)
        report.missionReliability = mission.figures
        report.picture = ReportPictureBuilder.picture(report, model: model, missionCurves: mission.curves)
        return (report, HTMLReportRenderer().render(report))
    }

    @Test func curvePointsFollowTheSeriesOfTwoExponentials() throws {
        let (report, html) = try Self.page()
        let chart = try #require(report.picture?.reliabilityCurves.first { $0.name == "checkout" })
        #expect(chart.path.count == ReportPictureBuilder.curvePoints + 1)
        // Halfway: t = 4380 h, R = e^{−0.25e-3 · 4380} = e^{−1.095} = 0.33454 by hand.
        let t = Self.missionHours / 2
        let failed = -expm1(-Self.λ * t)
        #expect(abs((1 - failed) - 0.33454) < 1e-5)
        // A year fails with probability 1 − e^{−2.19} = 0.888: the y axis spans R from 0 to 1.
        #expect(chart.reliabilityTicks.last?.value == 0)
        let plot = ReportPictureBuilder.curvePlot
        let point = chart.path[ReportPictureBuilder.curvePoints / 2]
        #expect(abs(point.x - (plot.x + plot.width / 2)) < 1e-9)
        #expect(abs(point.y - (plot.y + plot.height * failed)) < 1e-9)
        #expect(abs(chart.reliabilityAtEnd - exp(-Self.λ * Self.missionHours)) < 1e-12)
        // The page draws that point on the curve's path.
        #expect(html.contains(String(format: " L%.2f,%.2f ", point.x, point.y)))
        #expect(html.contains("<path class=\"curve\" d=\"M\(String(format: "%.2f,%.2f", plot.x, plot.y)) L"))
        #expect(html.contains("<section id=\"mission\">"))
    }

    @Test func aShortMissionStretchesTheAxisToItsFailureProbability() {
        // R(10 h) = e^{−0.0025}: fails with probability 0.0025, so the axis runs from 1 down to 0.99.
        let points = (0...10).map { step in
            let t = Double(step)
            return MissionCurve.Point(hours: t, reliability: Probability(up: exp(-Self.λ * t), down: -expm1(-Self.λ * t)))
        }
        let chart = ReportPictureBuilder.reliabilityCurve(MissionCurve(name: "o", missionHours: 10, points: points))
        #expect(abs((chart.reliabilityTicks.last?.value ?? 0) - 0.99) < 1e-12)
        let plot = ReportPictureBuilder.curvePlot
        #expect(abs(chart.path[10].y - (plot.y + plot.height * -expm1(-Self.λ * 10) / 0.01)) < 1e-9)
    }

    @Test func cutSetTablesListEachObjectivesSetsAndTheDiagramOutlinesTheTopOne() throws {
        let (report, html) = try Self.page()
        let checkout = try #require(report.figures.first { $0.name == "checkout" }?.cutSets)
        // Single failures of db (Q = 4/5004) and app (2/20002); db is the more probable.
        #expect(checkout.cutSets.map(\.events) == [["db"], ["app"]])
        #expect(html.contains("<section id=\"cut-sets\">"))
        #expect(html.contains("<table class=\"cut-sets\" data-objective=\"checkout\">"))
        #expect(html.contains("<tr class=\"cut-set\"><td class=\"num\">1</td><td>db</td><td class=\"num\">1</td>"))
        #expect(html.contains("<tr class=\"cut-set\"><td class=\"num\">2</td><td>app</td><td class=\"num\">1</td>"))
        let pages = try #require(report.figures.first { $0.name == "pages" }?.cutSets?.cutSets.first)
        #expect(pages.order == 2 && pages.components == ["web"])
        #expect(html.contains("<td>\(pages.events.joined(separator: " + "))</td><td class=\"num\">2</td>"))
        // The diagram marks db (checkout's first set) and web (pages'), not app.
        #expect(html.contains("<g class=\"component\" data-name=\"db\" data-layer=\"data\" data-top-cut-set=\"checkout\">"))
        #expect(html.contains("<g class=\"component\" data-name=\"web\" data-layer=\"network\" data-top-cut-set=\"pages\">"))
        #expect(!html.contains("data-name=\"app\" data-layer=\"software\" data-top-cut-set"))
        #expect(html.components(separatedBy: "class=\"top-cut-set\"").count == 3)
        #expect(!html.contains("<script"))
    }
}
