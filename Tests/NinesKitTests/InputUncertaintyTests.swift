import Foundation
import Testing
import NinesTestSupport
@testable import NinesKit

/// Input uncertainty (docs/uncertainty.md): ranges and lognormal figures load with located
/// errors, the report's figure is the one at the inputs' medians, and the propagated percentiles
/// and chance of meeting a target match hand computations.
struct InputUncertaintyTests {
    /// One component whose availability is somewhere in 99.9 %..99.99 %, log-uniform: its
    /// unavailability q has ln q uniform on [ln 1e-4, ln 1e-3]. By hand: the availability's 5th
    /// percentile is 1 − q₉₅ with q₉₅ = 1e-4 · 10^0.95 = 8.912509e-4; the median 1 − 10^-3.5;
    /// P(A ≥ 99.95 %) = P(q ≤ 5e-4) = ln 5 / ln 10 = 0.698970.
    @Test func aLogUniformRangeGivesItsPercentilesAndChanceOfMeetingTheTarget() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: one
            components:
              web: { availability: 99.9%..99.99% }
            objectives:
              front: { at: web, target: 99.95% }
            """, file: "m.yaml")
        let web = try #require(model.components.first)
        #expect(abs(web.figures.probability.down - pow(10, -3.5)) < 1e-18)   // the median is the report's figure
        let propagation = UncertaintyPropagation(AvailabilityAnalysis(model), samples: 10_000)
        let front = try #require(propagation.objectives.first)
        #expect(front.notPropagated == nil)
        #expect(abs(front.p5.down - 1e-4 * pow(10, 0.95)) / (1e-4 * pow(10, 0.95)) < 1e-3)
        #expect(abs(front.p95.down - 1e-4 * pow(10, 0.05)) / (1e-4 * pow(10, 0.05)) < 1e-3)
        #expect(abs(front.p50.down - pow(10, -3.5)) / pow(10, -3.5) < 1e-3)
        #expect(abs(try #require(front.probabilityMeetingTarget) - log(5) / log(10)) < 1e-3)
        // Mean of a log-uniform q on [a, b]: (b − a) / ln(b / a).
        #expect(abs(front.meanUnavailability - 9e-4 / log(10)) / (9e-4 / log(10)) < 2e-3)
    }

    /// Fourteen nines: the report keeps each percentile's unavailability whole. Rebuilt as 1 − A
    /// from the availability (the HTML table did), 1e-14.5 comes back with a relative error of
    /// about 1e-2; kept whole it is the propagation's own figure, to the last digit.
    @Test func theReportKeepsDeepNinesUnavailabilitiesWhole() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: deep
            components:
              vault: { availability: 99.999999999999%..99.9999999999999% }
            objectives:
              keep: { at: vault, target: 99.99999999999% }
            """, file: "m.yaml")
        let propagation = UncertaintyPropagation(AvailabilityAnalysis(model), samples: 2_000)
        let figure = try #require(propagation.objectives.first)
        let report = try #require(ReportBuilder.uncertaintyReport(propagation, model: model))
        let keep = try #require(report.objectives.first)
        #expect(keep.unavailabilityAtMedians == figure.atMedians.down)
        #expect(abs(keep.unavailabilityAtMedians - pow(10, -14.5)) / pow(10, -14.5) < 1e-9)
        #expect(keep.unavailabilityP95 == figure.p5.down && keep.unavailabilityP5 == figure.p95.down)
        #expect(keep.unavailabilityP50 == figure.p50.down)
        #expect(keep.unavailabilityP5 <= keep.unavailabilityP50 && keep.unavailabilityP50 <= keep.unavailabilityP95)
        #expect(abs((1 - keep.availabilityAtMedians) - keep.unavailabilityAtMedians) / keep.unavailabilityAtMedians > 1e-6)
    }

    /// Two components in series, independent: Q = 1 − (1 − q_a)(1 − q_b), so the mean over the
    /// inputs is E[q_a] + E[q_b] − E[q_a]·E[q_b]. q = r / (m + r) with m lognormal (median M,
    /// σ = ln 3 / 1.645 for an error factor of 3): E[q] by Simpson's rule over the normal density,
    /// written here independently of the propagation.
    @Test func aSeriesPairsMeanMatchesNumericalIntegration() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: pair
            components:
              a: { mtbf: {distribution: lognormal, median: 2000h, error_factor: 3}, mttr: 2h }
              b: { mtbf: {distribution: lognormal, median: 500h, sigma: 0.5}, mttr: 1h, depends_on: [a] }
            objectives:
              front: { at: b }
            """, file: "m.yaml")
        func expectedQ(median: Double, sigma: Double, mttr: Double) -> Double {
            let steps = 4_000, from = -9.0, to = 9.0, h = (to - from) / Double(steps)
            var sum = 0.0
            for i in 0...steps {
                let z = from + Double(i) * h
                let weight = i == 0 || i == steps ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
                let m = median * exp(sigma * z)
                sum += weight * mttr / (m + mttr) * exp(-z * z / 2) / (2 * Double.pi).squareRoot()
            }
            return sum * h / 3
        }
        let qa = expectedQ(median: 2000, sigma: log(3) / 1.6448536269514722, mttr: 2)
        let qb = expectedQ(median: 500, sigma: 0.5, mttr: 1)
        let expected = qa + qb - qa * qb
        let propagation = UncertaintyPropagation(AvailabilityAnalysis(model), samples: 20_000)
        let front = try #require(propagation.objectives.first)
        #expect(abs(front.meanUnavailability - expected) / expected < 5e-3)
        #expect(front.probabilityMeetingTarget == nil)
        #expect(propagation.inputs.map(\.component) == ["a", "b"])
    }

    /// A drawn figure means what the same figure written in the file means: with a spread too
    /// small to matter, every draw of a placed component with common cause, detection and blips
    /// gives the report's own figure, so the loader's derivation is replayed exactly.
    @Test func aDrawAtTheMedianReproducesTheLoadedFigureThroughPlacementDetectionAndBlips() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: placed
            components:
              az-a: { layer: physical, availability: 99.99%, mttr: 1h }
              az-b: { layer: physical, availability: 99.99%, mttr: 1h }
              az-c: { layer: physical, availability: 99.99%, mttr: 1h }
              web:
                mtbf: {distribution: lognormal, median: 300h, sigma: 0.000001}
                mttr: {distribution: lognormal, median: 3h, sigma: 0.000001}
                replicas: 3
                needs: 2
                common_cause: 5%
                detect: 10m
                transient: { rate: 4/d, duration: 30s }
                placement: [az-a, az-b, az-c]
            objectives:
              front: { at: web, target: 99.9% }
            """, file: "m.yaml")
        let propagation = UncertaintyPropagation(AvailabilityAnalysis(model), samples: 200)
        let front = try #require(propagation.objectives.first)
        #expect(front.notPropagated == nil)
        for figure in [front.p5, front.p50, front.p95] {
            #expect(abs(figure.down - front.atMedians.down) / front.atMedians.down < 1e-4)
        }
    }

    /// Drilled, maintained and standby parts are drawn too: the loader's folding is replayed on
    /// each draw. One draw of each MTBF (samples: 1), read back from the same seeded Latin
    /// hypercube; each objective is one part, so its figure is the part's, by hand (q = r/(m + r)):
    /// - windows every T, d long, counted (unannounced): Q = q + (1 − q)·d/T (a series of the
    ///   instance and the windows);
    /// - drills every T, τ long, repair r: Q ≈ λT/2 + τ/T + λr for small λT (Rausand & Høyland,
    ///   System Reliability Theory, 2nd ed., §10.3), to 1 %;
    /// - cold standby of two, one needed, a perfect switch: the birth–death chain 0 → 1 → 2 failed
    ///   (rate λ each, repairs μ and 2μ), Q = π₂ = (ρ²/2)/(1 + ρ + ρ²/2) with ρ = λ/μ.
    @Test func drilledMaintainedAndStandbyPartsAreDrawnThroughTheirFolding() throws {
        let model = try ModelLoader.load(text: """
            version: 1
            system: folded
            components:
              db: { mtbf: 500h..2000h, mttr: 2h, maintenance: { every: 7d, duration: 1h, announced: false } }
              vault: { mtbf: 100000h..400000h, mttr: 2h, latent: { test_every: 30d, test_duration: 1h } }
              pair: { mtbf: 100h..400h, mttr: 10h, replicas: 2, standby: { mode: cold } }
            objectives:
              maintained: { at: db }
              drilled: { at: vault }
              standby: { at: pair }
            """, file: "m.yaml")
        let propagation = UncertaintyPropagation(AvailabilityAnalysis(model), samples: 1)
        #expect(propagation.inputs.map(\.component) == ["db", "vault", "pair"])
        let draws = UncertaintyPropagation.latinHypercube(inputs: propagation.inputs.map(\.distribution), samples: 1,
                                                          seed: UncertaintyPropagation.defaultSeed)
        let (db, vault, pair) = (draws[0][0], draws[1][0], draws[2][0])
        #expect(db != 1000 && vault != 200_000 && pair != 200)   // not the medians
        let q = 2 / (db + 2), share = 1 / (7 * 24.0)
        let maintained = q + (1 - q) * share
        let lambda = 1 / vault, period = 30 * 24.0
        let drilled = lambda * period / 2 + 1 / period + lambda * 2
        let rho = (1 / pair) / (1 / 10.0)
        let standby = (rho * rho / 2) / (1 + rho + rho * rho / 2)
        let figures = propagation.objectives.map(\.p50.down)
        #expect(abs(figures[0] - maintained) / maintained < 1e-12)
        #expect(abs(figures[1] - drilled) / drilled < 1e-2)
        #expect(abs(figures[2] - standby) / standby < 1e-9)
        // and not the figures at the medians, which the draws used to keep
        for objective in propagation.objectives { #expect(abs(objective.p50.down - objective.atMedians.down) > 1e-3 * objective.atMedians.down) }
    }

    /// The report's figures at the inputs' medians are exactly those of the same model with the
    /// medians written as plain figures.
    @Test func theReportsFigureIsTheModelAtTheMedians() throws {
        func analysis(_ mttr: String, _ availability: String) throws -> AvailabilityAnalysis {
            AvailabilityAnalysis(try ModelLoader.load(text: """
                version: 1
                system: s
                components:
                  a: { availability: \(availability) }
                  b: { mtbf: 1000h, mttr: \(mttr), depends_on: [a] }
                objectives:
                  front: { at: b, target: 99.9% }
                """, file: "m.yaml"))
        }
        let ranged = try analysis("30m..2h", "99%..99.99%")
        let plain = try analysis("1h", "99.9%")
        #expect(ranged.objectives[0].probability.down == plain.objectives[0].probability.down)
    }

    /// Standard normal quantiles as tabulated (Abramowitz & Stegun, table 26.5; 16 digits from
    /// any arbitrary-precision inverse erf): z₀.₉₅ = 1.6448536269514722, z₀.₉₇₅ = 1.959963984540054,
    /// z₀.₀₀₁ = −3.090232306167813, z₁e-10 = −6.361340902404056.
    @Test func standardNormalQuantilesMatchTables() {
        for (p, z) in [(0.95, 1.6448536269514722), (0.975, 1.959963984540054), (0.001, -3.090232306167813),
                       (1e-10, -6.361340902404056), (0.5, 0.0)] {
            #expect(abs(StandardNormal.quantile(p) - z) < 1e-13, "p = \(p)")
            if p == 0.95 { #expect(abs(InputDistribution.z95 - z) < 1e-15) }
            // 1 − p is rounded for tiny p (1 − 1e-10 is not a double), so the symmetry holds from 0.001 on.
            if p >= 0.001 { #expect(abs(StandardNormal.quantile(1 - p) + z) < 1e-12, "p = \(1 - p)") }
        }
    }

    /// The draws' pass over the objectives' diagrams alone gives, node for node, what the whole-BDD
    /// pass gives, for any variable probabilities.
    @Test func theDiagramsAlonePassEqualsTheWholePass() throws {
        let model = try ModelLoader.load(files: [GoldenFiles.root.appendingPathComponent("models/retail-omnichannel.yaml").path])
        let structure = AvailabilityAnalysis(model).structure
        let roots = structure.objectives.compactMap { form -> BDD.Ref? in
            if case .diagram(let root) = form { root } else { nil }
        }
        #expect(!roots.isEmpty)
        var draws = DiagramDraws(structure.bdd, roots: roots)
        var random = Xoshiro256StarStar(seed: 7)
        for _ in 0..<20 {
            let down = structure.componentAtLevel.map { _ in random.nextOpenUnit() * 0.01 }
            let variables = down.map { Probability(up: 1 - $0, down: $0) }
            draws.evaluate(up: variables.map(\.up), down: down)
            let whole = NodeProbabilities(structure.bdd, variables: variables)
            for root in roots { #expect(draws.unavailability(of: root) == whole[root].down) }
        }
    }

    /// The draws' shortcut for a component without failover or masking (its own k-of-n figure in
    /// both views, no frequency) is what `EffectiveAvailability` makes of it, bit for bit, on
    /// every such component of the bundled models.
    @Test func theShortcutWithoutFailoverOrMaskingIsTheEffectiveFigure() throws {
        var replicated = 0
        for file in ["models/devops-job-runner.yaml", "models/retail-omnichannel.yaml", "models/two-tier-service.yaml",
                     "models/three-zone-shop.yaml"] {
            let model = try ModelLoader.load(files: [GoldenFiles.root.appendingPathComponent(file).path])
            let plain = model.components.filter { $0.failover == nil && $0.maskedFor == nil && $0.completionWindow == nil }
            replicated += plain.filter { $0.replicas > 1 }.count
            for component in plain {
                let own = OwnAvailability.probability(figures: component.figures, replicas: component.replicas,
                                                      needs: component.needs, beta: component.commonCause)
                let full = EffectiveAvailability(component)
                #expect(full.effective.probability == own && full.masked.probability == own, "\(file): \(component.name)")
            }
        }
        #expect(replicated > 0)   // the k-of-n case is among them
    }

    @Test func badRangesAndDistributionsAreLocatedErrors() {
        let text = """
            version: 1
            system: bad
            components:
              a: { mttr: 2h..15, mtbf: 1000h }
              b: { availability: 100%..99.9% }
              c: { mtbf: {distribution: lognormla, median: 100h, sigma: 1}, mttr: 1h }
              d: { mtbf: {distribution: lognormal, median: 100h}, mttr: 1h }
              e: { mtbf: 1000h, mttr: 1h..1h }
              f: { rate: {distribution: log-uniform, low: 1/y}, mttr: 1h }
            """
        #expect {
            _ = try ModelLoader.load(text: text, file: "m.yaml")
        } throws: { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } ?? []
            let expected = [
                "4:14: 'mttr' of component 'a' must be a range 'LOW..HIGH' of positive durations, e.g. '15m..2h', found '2h..15'",
                "5:22: 'availability' of component 'b' must be a range 'LOW..HIGH' of availabilities below 100%, e.g. '99.9%..99.99%', found '100%..99.9%'",
                "6:29: 'distribution' of the distribution of 'mtbf' of component 'c' must be 'lognormal' or 'log-uniform', found 'lognormla'; did you mean 'lognormal'?",
                "7:14: the distribution of 'mtbf' of component 'd' needs one of 'sigma' (of ln x, e.g. 0.7) or 'error_factor' (x95/x50, e.g. 3)",
                "8:27: the range of 'mttr' of component 'e' has two equal ends; give the figure alone when it is known",
                "9:14: the distribution of 'rate' of component 'f' is missing 'high' (a positive rate)",
            ]
            for line in expected where !messages.contains(line) { Issue.record("missing: \(line)\nall: \(messages)") }
            return messages.count == expected.count
        }
    }
}
