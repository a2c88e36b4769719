import Foundation
import Testing
@testable import NinesKit

/// `--set PATH=VALUE`: a value set on the command line is read as if the file said it, and a bad
/// one is refused at the argument, naming what was expected.
struct ModelOverrideTests {
    static let model = """
        version: 1
        system: s
        components:
          db: { availability: 99.95%, mttr: 1h }
          api: { mtbf: 720h, mttr: 10m, replicas: 3, needs: 2, depends_on: [db] }
        objectives:
          front: { at: api, target: 99.9% }
        """

    static func load(_ arguments: [String], text: String = model) throws(DiagnosticError) -> SystemModel {
        try ModelLoader.load(documents: [("m.yaml", text)], overrides: try ModelOverride.parse(arguments))
    }

    static func errors(_ arguments: [String]) -> [Diagnostic] {
        do { _ = try load(arguments); return [] } catch { return error.diagnostics }
    }

    @Test func anOverrideReadsLikeTheSameValueInTheFile() throws {
        let overridden = try Self.load(["db.mttr=15m", "api.replicas=4", "objectives.front.target=99.95%", "period=year"])
        let edited = try ModelLoader.load(text: Self.model.replacingOccurrences(of: "mttr: 1h", with: "mttr: 15m")
            .replacingOccurrences(of: "replicas: 3", with: "replicas: 4").replacingOccurrences(of: "99.9%", with: "99.95%")
            .replacingOccurrences(of: "system: s", with: "system: s\nperiod: year"), file: "m.yaml")
        #expect(overridden.component(named: "db")?.figures == edited.component(named: "db")?.figures)
        #expect(overridden.component(named: "api")?.replicas == 4)
        #expect(overridden.objectives[0].target == edited.objectives[0].target)
        #expect(overridden.period == .year)
        #expect(overridden.overrides == ["db.mttr=15m", "api.replicas=4", "objectives.front.target=99.95%", "period=year"])
        #expect(try Self.load([]).overrides.isEmpty)
    }

    @Test func aFigureReplacesTheAlternativeFiguresAndNewFieldsAreAdded() throws {
        let model = try Self.load(["api.availability=99.9%", "db.common_cause=1%", "db.failover.detect=30s"])
        let edited = try ModelLoader.load(text: Self.model.replacingOccurrences(of: "mtbf: 720h", with: "availability: 99.9%"), file: "m.yaml")
        #expect(model.component(named: "api")?.figures == edited.component(named: "api")?.figures)
        #expect(model.component(named: "db")?.failover?.detect == 30.0 / 3600)
        let flow = try Self.load(["api.depends_on=[]"])
        #expect(flow.component(named: "api")?.dependencies.isEmpty == true)
    }

    @Test(arguments: [
        ("db.mttr=soon", "--set db.mttr=soon:1:15", "'mttr' of component 'db' must be a positive duration"),
        ("dbb.mttr=1m", "--set dbb.mttr=1m:1:7", "names unknown component 'dbb'; did you mean 'db'?"),
        ("db.mtr=1m", "--set db.mtr=1m:1:10", "unknown field 'mtr' in component 'db'; did you mean 'mttr'?"),
        ("api.needs=4", "--set api.needs=4:1:11", "'needs' of component 'api' is 4 but it has only 3 replicas"),
        ("objectives.fornt.target=1%", "--set objectives.fornt.target=1%:1:18", "unknown objective 'fornt'; did you mean 'front'?"),
        ("db.mttr", "--set db.mttr:1:7", "has no '='; write PATH=VALUE"),
        ("db.mttr=", "--set db.mttr=:1:14", "gives no value"),
        ("db..mttr=1m", "--set db..mttr=1m:1:10", "is not a path of names joined by '.'"),
        ("api=1", "--set api=1:1:7", "names no field; 'api' is a component; write COMPONENT.FIELD"),
        ("db.mttr.x=1", "--set db.mttr.x=1:1:15", "'db.mttr' is '1h' in the model, not a mapping of fields"),
    ])
    func aBadOverrideIsRefusedAtTheArgument(argument: String, location: String, message: String) {
        let errors = Self.errors([argument])
        #expect(errors.count == 1)
        #expect(errors.first?.location?.description == location)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
    }

    @Test func theArgumentIsQuotedUnderTheError() {
        do {
            _ = try Self.load(["db.availability=120%"])
            Issue.record("an availability of 120% was accepted")
        } catch {
            let rendered = error.diagnostics[0].rendered(in: error.sources["--set db.availability=120%"])
            #expect(rendered.hasSuffix("\n    --set db.availability=120%\n                          ^~~~"), "\(rendered)")
        }
    }
}
