import Foundation
import Testing
@testable import NinesKit

/// Figures at the edges of what a double holds. The loader refuses times outside 1 ms … 1,000,000 y,
/// rates outside those bounds and availabilities below one in a million, so every derived figure
/// (MTBF + MTTR, λ·MTTR, λ = q / (p·MTTR)) stays finite; at the limits themselves every figure is a
/// probability and the JSON report encodes. Models built in code may go further: probabilities
/// still never become NaN.
struct ExtremeFiguresTests {
    static let refused: [(String, String)] = [
        ("rate: 1e-320/h, mttr: 1h", "'rate' of component 'unit' must be a rate of at least 1 per 1000000y, found '1e-320/h'"),
        ("rate: 1e300/s, mttr: 1h", "'rate' of component 'unit' must be a rate of at most 1 per ms, found '1e300/s'"),
        ("mtbf: 2e304y, mttr: 1h", "'mtbf' of component 'unit' must be a duration of at most 1000000y, found '2e304y'"),
        ("mtbf: 1000h, mttr: 1e-300s", "'mttr' of component 'unit' must be a duration of at least 1ms, found '1e-300s'"),
        ("availability: 1e-300", "'availability' of component 'unit' must be an availability of at least 0.000001 (0.0001%), found '1e-300'"),
    ]

    @Test(arguments: refused)
    func figuresBeyondTheLimitsAreRefused(figure: String, message: String) {
        do {
            _ = try ModelLoader.load(text: Self.yaml(figure), file: "extreme.yaml")
            Issue.record("\(figure) was accepted")
        } catch {
            #expect(error.diagnostics.map(\.message) == [message, message.replacingOccurrences(of: "'unit'", with: "'single'")])
        }
    }

    static let limits = [
        "mtbf: 1ms, mttr: 1000000y",
        "mtbf: 1000000y, mttr: 1ms",
        "rate: 1/ms, mttr: 1000000y",
        "rate: 1 per 1000000y, mttr: 1ms",
        "availability: 0.000001, mttr: 1ms",
        "availability: 0.0001%, mttr: 1000000y",
        "availability: 99.99999999999999999999%, mttr: 1ms",
    ]

    @Test(arguments: limits)
    func figuresAtTheLimitsStayFinite(figure: String) throws {
        let model = try TestModels.load(Self.yaml(figure))
        let analysis = AvailabilityAnalysis(model)
        for component in model.components {
            let own = OwnAvailability(component)
            #expect(Self.isProbability(component.figures.probability) && Self.isProbability(own.probability), "\(figure): \(component.name)")
            let finite = own.frequency.map { $0.isFinite && $0 >= 0 } ?? (component.figures.mttr == nil)
            #expect(finite, "\(figure): \(component.name) w \(String(describing: own.frequency))")
        }
        let system = analysis.system()
        #expect(Self.isProbability(system.probability), "\(figure): \(system.probability)")
        #expect(system.frequency.map(\.isFinite) ?? false, "\(figure): w \(String(describing: system.frequency))")
        let json = JSONReportRenderer.render(ReportBuilder.availabilityReport(analysis))
        #expect(!json.contains("nan") && json.contains("\"figures\""))
    }

    /// In code nothing is bounded: a rate whose inverse overflows, times whose sum overflows, times
    /// 600 orders of magnitude apart.
    @Test func probabilitiesNeverBecomeNaN() {
        let tiny = Double.leastNormalMagnitude / 16   // 1/tiny overflows
        let figures: [UnitFigures] = [.rate(tiny, mttr: 1), .mtbf(1e308, mttr: 1e308), .mtbf(1e-300, mttr: 1e300),
                                      .mtbf(1e300, mttr: 1e-300), .rate(1e300, mttr: 1e300), .mtbf(.infinity, mttr: 1)]
        for figure in figures {
            #expect(Self.isProbability(figure.probability), "\(figure): \(figure.probability)")
            let own = OwnAvailability(figures: figure, replicas: 3, needs: 2, beta: 0.1)
            #expect(Self.isProbability(own.probability), "\(figure): \(own.probability)")
        }
        #expect(UnitFigures.mtbf(1e308, mttr: 1e308).probability == Probability(up: 0.5, down: 0.5))
        #expect(UnitFigures.rate(tiny, mttr: 1).probability.down == tiny)
    }

    static func yaml(_ figure: String) -> String {
        """
        version: 1
        system: extreme
        components:
          unit: { \(figure), replicas: 3, needs: 2, common_cause: 10% }
          single: { \(figure) }
          top: { availability: 100%, depends_on: [unit, single] }
        """
    }

    static func isProbability(_ p: Probability) -> Bool {
        (0...1).contains(p.up) && (0...1).contains(p.down) && abs(p.up + p.down - 1) < 1e-12
    }
}
