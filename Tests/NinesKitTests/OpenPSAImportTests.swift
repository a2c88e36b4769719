import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines import openpsa` and `nines export --format openpsa`: figures of imported trees against
/// hand computation and brute force, located errors, the round trip, and a tree that needs the
/// fault-tree variable order.
@Suite struct OpenPSAImportTests {
    static let folder = "Tests/NinesKitTests/Fixtures/openpsa/"

    static func imported(_ files: [String]) throws -> SystemModel {
        let result = try OpenPSAImport.run(files: files.map { GoldenFiles.root.appendingPathComponent(folder + $0).path })
        return try ModelLoader.load(text: result.yaml, file: "imported.yaml")
    }

    static func topFailure(_ model: SystemModel) -> (q: Double, method: FigureMethod) {
        let figure = AvailabilityAnalysis(model).objective(0)
        return (figure.probability.down, figure.method)
    }

    /// SCRAM's core test 'Atleast' (tests/bench_core_tests.cc) states 0.098; by hand
    /// ab + ac + bc − 2abc = 0.02 + 0.03 + 0.06 − 0.012.
    @Test func twoOfThreeMatchesTheHandFigure() throws {
        let top = Self.topFailure(try Self.imported(["two-of-three.xml"]))
        #expect(top.method == .exact)
        #expect(abs(top.q - 0.098) < 1e-15)
    }

    /// Nested formulas, house events (one true, one false), a parameter and an exponential at the
    /// default mission time, against every state of the nine basic events that remain.
    @Test func pumpsMatchBruteForce() throws {
        let model = try Self.imported(["pumps.xml"])
        #expect(model.component(named: "operator") == nil)   // decided by the false house event
        let p: [String: Double] = ["pump-a": -expm1(-2e-5 * 8760), "pump-b": 0.03, "bus": 1e-3, "sensor-1": 0.05, "sensor-2": 0.05,
                                   "sensor-3": 0.05, "motor-b": 0.02, "tank": 1.5e-4, "valve": 2.5e-3]
        let names = p.keys.sorted()
        var expected = 0.0
        for state in 0..<(1 << names.count) {
            var failed: [String: Bool] = [:]
            var weight = 1.0
            for (bit, name) in names.enumerated() {
                let down = state & (1 << bit) != 0
                failed[name] = down
                weight *= down ? p[name]! : 1 - p[name]!
            }
            let f = { (name: String) in failed[name]! }
            let sensors = [f("sensor-1"), f("sensor-2"), f("sensor-3")].filter { $0 }.count >= 2
            let trainA = f("pump-a") || f("bus") || sensors
            let trainB = f("pump-b") || f("bus") || f("sensor-3") || f("motor-b")
            if (trainA && trainB) || f("tank") || f("valve") { expected += weight }
        }
        let top = Self.topFailure(model)
        #expect(top.method == .exact)
        #expect(abs(top.q - expected) <= 1e-12 * expected, "\(top.q) vs \(expected)")
    }

    @Test func availabilityKeepsEveryDigitOfTheProbability() {
        #expect(DecimalComplement.complement(of: "1.2e-17") == "0.999999999999999988")
        #expect(DecimalComplement.complement(of: "0.25") == "0.75")
        #expect(DecimalComplement.complement(of: "7.2E-5") == "0.999928")
        #expect(DecimalComplement.complement(of: "1") == nil)
    }

    @Test func nonCoherentGateIsRefusedWhereItStands() throws {
        let error = try #require(throws: DiagnosticError.self) { try Self.imported(["not-gate.xml"]) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].location?.line == 7)
        #expect(error.diagnostics[0].location?.column == 9)
        #expect(error.diagnostics[0].message.contains("'not' is not a coherent gate"))
    }

    @Test func entityDeclarationsAreRefusedBeforeParsing() throws {
        let error = try #require(throws: DiagnosticError.self) { try Self.imported(["entities.xml"]) }
        #expect(error.diagnostics.map { $0.location?.line } == [2])
        #expect(error.diagnostics[0].message.contains("document type declarations are not accepted"))
    }

    @Test func everyProblemOfAFileIsLocated() throws {
        let error = try #require(throws: DiagnosticError.self) { try Self.imported(["undefined.xml"]) }
        let lines = error.diagnostics.map { "\($0.location!.line):\($0.location!.column): \($0.message)" }
        #expect(lines == ["7:9: 'pmup' is not defined; did you mean 'pump'?",
                          "11:37: the probability of basic event 'pump' must be in [0, 1], found 1.5"])
    }

    @Test func cyclesAndDeepNestingAreRefused() throws {
        let cycle = "<opsa-mef><define-fault-tree name=\"c\">\n<define-gate name=\"top\"><or><gate name=\"g\"/><basic-event name=\"e\"/></or></define-gate>\n"
            + "<define-gate name=\"g\"><or><gate name=\"h\"/><basic-event name=\"e\"/></or></define-gate>\n"
            + "<define-gate name=\"h\"><and><gate name=\"g\"/><basic-event name=\"e\"/></and></define-gate>\n"
            + "<define-basic-event name=\"e\"><float value=\"0.1\"/></define-basic-event></define-fault-tree></opsa-mef>\n"
        let error = try #require(throws: DiagnosticError.self) { try OpenPSAImport.convert([("cycle.xml", cycle)]) }
        #expect(error.diagnostics.contains { $0.message == "gate 'g' is an input of itself (a cycle)" && $0.location?.line == 4 })
        let deep = "<opsa-mef>" + String(repeating: "<or>", count: 100) + String(repeating: "</or>", count: 100) + "</opsa-mef>"
        let tooDeep = try #require(throws: DiagnosticError.self) { try OpenPSAImport.convert([("deep.xml", deep)]) }
        #expect(tooDeep.diagnostics[0].message == "elements nest deeper than 64 levels")
    }

    /// Export then import gives the same objective figure (the model has no failover or masking,
    /// whose figures a fault tree holds only folded into one probability).
    @Test func exportThenImportKeepsTheFigure() throws {
        let yaml = """
            version: 1
            system: round trip
            components:
              web: { availability: 99.9%, replicas: 3, needs: 2, depends_on: [db, { any: [zone-a, zone-b] }] }
              db: { availability: 99.95%, depends_on: [{ k_of: { k: 2, of: [zone-a, zone-b, zone-c] } }] }
              zone-a: { availability: 99.5% }
              zone-b: { availability: 99.5% }
              zone-c: { availability: 99.5% }
            objectives:
              front: { at: web }
            """
        let model = try ModelLoader.load(text: yaml, file: "round-trip.yaml")
        let xml = OpenPSAExport.xml(model)
        let back = try ModelLoader.load(text: OpenPSAImport.convert([("exported.xml", xml)]).yaml, file: "back.yaml")
        let original = AvailabilityAnalysis(model).objective(0).probability.down
        let again = AvailabilityAnalysis(back).objective(0).probability.down
        #expect(abs(original - again) <= 1e-12 * original, "\(original) vs \(again)")
    }
}
