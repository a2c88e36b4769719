import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// What each pattern buys (issue 22 item 9): the downtime per period of the same model without
/// the pattern minus the model's own, per objective, against hand computations.
@Suite struct PatternSavingsTests {
    static let text = """
        version: 1
        system: patterns
        period: month
        components:
          store: { layer: data, mtbf: 2000h, mttr: 1h }
          worker: { mtbf: 100h, mttr: 2h, detect: 30m }
          door: { mtbf: 1000h, mttr: 10m, depends_on: [store, worker], accepts_when_down: { store: store, retention: 4h } }
        objectives:
          submit: { at: door, target: 99.9% }
          complete: { path: [worker], target: 99% }
        """

    static func load(removing kind: PatternKind? = nil) throws -> SystemModel {
        try ModelLoader.load(parsed: [(file: "patterns.yaml", tree: YAMLParser.parse(text, file: "patterns.yaml"))], removing: kind).model
    }

    static func savings() throws -> PatternSavings {
        let model = try load()
        return PatternSavings(SLAPrediction(model)) { try? load(removing: $0) }
    }

    /// worker with its 30 min to notice: odds λ·(r + d) = 2.5/100, Q = 0.025/1.025; without it
    /// Q' = 0.02/1.02. submit = p_door·p_store·(1 − Q·e^(−4/2.5)) with the write-ahead, and
    /// p_door·p_store·(1 − Q) without; the 30-day month has 720 h. The flow sees all of Q: the
    /// write-ahead (no deadline) saves it nothing, the detection costs it 720·(Q − Q').
    @Test func savingsMatchTheHandComputation() throws {
        let savings = try Self.savings()
        let q = 0.025 / 1.025, plain = 0.02 / 1.02, p = (1000 / (1000 + 1.0 / 6)) * (2000.0 / 2001)
        #expect(savings.objectives.map(\.objective) == ["submit", "complete"])
        #expect(savings.objectives[0].savings.map(\.pattern) == [.detect, .writeAhead])
        let submit = Dictionary(uniqueKeysWithValues: savings.objectives[0].savings.map { ($0.pattern, $0.savedHours) })
        let complete = Dictionary(uniqueKeysWithValues: savings.objectives[1].savings.map { ($0.pattern, $0.savedHours) })
        let writeAhead = 720 * p * (q - q * exp(-4 / 2.5))
        #expect(Closeness.relative(try #require(submit[.writeAhead]), writeAhead, within: 1e-9), "\(submit)")
        let detect = 720 * p * ((1 - plain * exp(-4 / 2)) - (1 - q * exp(-4 / 2.5)))
        #expect(Closeness.relative(-(try #require(submit[.detect])), detect, within: 1e-9), "\(submit)")
        #expect(abs(try #require(complete[.writeAhead])) < 1e-12)
        #expect(Closeness.relative(try #require(complete[.detect]), -720 * (q - plain), within: 1e-9), "\(complete)")
    }

    /// Each remove rule takes its pattern out and nothing else.
    @Test func removingAPatternTakesOutOnlyThatPattern() throws {
        let without = try Self.load(removing: .writeAhead)
        #expect(without.component(named: "door")?.dependencyNames == ["store", "worker"])
        #expect(without.component(named: "worker")?.detect == 0.5)
        let undetected = try Self.load(removing: .detect)
        #expect(undetected.component(named: "worker")?.detect == nil)
        #expect(undetected.component(named: "door")?.writeAhead != nil)
        #expect(PatternKind.allCases.filter { $0.isUsed(in: try! Self.load()) } == [.detect, .writeAhead])
    }

    /// A pattern that only changes figures is priced on the structure already compiled, one that
    /// changes what depends on what is compiled again; either way the saving is the one a fresh
    /// compilation of the model without the pattern gives, to the last bit (the goldens rely on it).
    @Test(arguments: ["devops-job-runner", "three-zone-shop", "two-tier-service"])
    func figureOnlyPatternsReuseTheCompiledStructure(model name: String) throws {
        let path = "models/\(name).yaml"
        let text = try String(contentsOf: GoldenFiles.root.appendingPathComponent(path), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: path)
        let without = { (kind: PatternKind) in try? ModelLoader.load(documents: [(path, text)], removing: kind) }
        let prediction = SLAPrediction(model)
        let savings = PatternSavings(prediction, without: without)
        let excluded = Set(model.components.filter { !$0.responsibility.countsAgainstSLA }.map(\.name))
        let used = PatternKind.allCases.filter { $0.isUsed(in: model) }
        #expect(PatternKind.used(in: model) == used)   // the one pass asks what each pattern's does
        #expect(savings.objectives.allSatisfy { $0.savings.map(\.pattern) == used })
        for (position, kind) in used.enumerated() {
            let other = try #require(without(kind))
            let alike = CompiledStructure.compilesAlike(model, other)
            #expect(alike == [.detect, .retry, .transient, .failover].contains(kind), "\(kind)")
            let fresh = AvailabilityAnalysis(other, treatingAsPerfect: excluded, scope: .objectivesOnly)
            for index in model.objectives.indices {
                let saved = fresh.objective(index).probability.down - prediction.inScope.objective(index).probability.down
                #expect(savings.objectives[index].savings[position].savedUnavailability == saved, "\(kind) \(model.objectives[index].name)")
            }
        }
    }

    /// The model without a pattern is made from the loaded one without reading the files again,
    /// and it is the model loading the files without the pattern gives.
    @Test(arguments: ["devops-job-runner", "three-zone-shop"])
    func theModelWithoutAPatternIsTheFilesLoadedWithoutIt(model name: String) throws {
        let path = GoldenFiles.root.appendingPathComponent("models/\(name).yaml").path
        let loaded = try ModelLoader.load(files: [path], failureModes: .none)
        let used = PatternKind.allCases.filter { $0.isUsed(in: loaded.model) }
        #expect(!used.isEmpty)
        for kind in used {
            let reloaded = try ModelLoader.load(files: [path], failureModes: .none, removing: kind).model
            #expect(loaded.model(without: kind) == reloaded, "\(kind)")
        }
    }

    /// The renderers say it without computing: "saves", "costs", per the objective's period.
    @Test func theReportCarriesTheSavings() throws {
        let model = try Self.load()
        var report = ReportBuilder.availabilityReport(AvailabilityAnalysis(model), worksheet: nil, topRisks: 0)
        ReportBuilder.addPatternSavings(try Self.savings(), model: model, to: &report)
        let text = TextReportRenderer().render(report)
        #expect(text.contains("what each pattern buys"))
        #expect(text.contains("    write-ahead      saves "), "\(text)")
        #expect(text.contains("    detect           costs "), "\(text)")
        let markdown = ReportMarkdownRenderer().render(report)
        #expect(markdown.contains("| submit | write-ahead | saves "), "\(markdown)")
        let html = HTMLReportRenderer(workingFolder: "/").render(report)
        #expect(html.contains("<h2>What each pattern buys</h2>"))
    }
}
