import Testing
@testable import NinesKit

/// What a valid model file turns into: every field lands where the analysis expects it.
struct ModelLoaderTests {
    static let full = """
        version: 1
        system: Job runner
        description: Jobs submitted over an API
        period: quarter
        calendar: { year: 365.25d, month: year/12 }
        layers:
          edge: Load balancers and CDNs
        components:
          lb: { layer: edge, availability: 99.99%, mttr: 5m }
          node-a: { layer: platform, mtbf: 2000h, mttr: 20m }
          node-b: { layer: platform, rate: 4/y, mttr: 1h }
          db:
            layer: data
            availability: 0.9995
            replicas: 3
            needs: 2
            common_cause: 2%
            responsibility: provider
          api:
            mtbf: 720h
            mttr: 10m
            depends_on:
              - lb
              - any: [node-a, node-b]
              - k_of: { k: 1, of: [db] }
          sso: { layer: external, availability: 99.9%, responsibility: customer }
        objectives:
          submit: { at: api, target: 99.95%, kind: sla }
          complete: { path: [api, sso], period: 28d, rto: 15m, rpo: 5m }
        """

    @Test func everyFieldIsRead() throws {
        let model = try TestModels.load(Self.full, file: "runner.yaml")
        #expect(model.name == "Job runner" && model.description == "Jobs submitted over an API")
        #expect(model.period == .quarter)
        #expect(model.calendar == CalendarConvention(yearDays: 365.25, month: .twelfthOfYear))
        #expect(model.layers == [Layer(name: "edge", description: "Load balancers and CDNs")])
        #expect(model.components.map(\.name) == ["lb", "node-a", "node-b", "db", "api", "sso"])
        #expect(model.sources == ["runner.yaml"])

        let lb = try #require(model.component(named: "lb"))
        #expect(lb.figures == .availability(Probability(up: 0.9999, down: 1e-4), mttr: 5.0 / 60))
        #expect(lb.layer == "edge" && lb.location == ModelLocation(file: "runner.yaml", line: 9, column: 3))
        #expect(try #require(model.component(named: "node-a")).figures == .mtbf(2000, mttr: 1.0 / 3))
        #expect(try #require(model.component(named: "node-b")).figures == .rate(4.0 / 8760, mttr: 1))

        let db = try #require(model.component(named: "db"))
        #expect(db.replicas == 3 && db.needs == 2 && db.commonCause == 0.02 && db.responsibility == .provider)
        #expect(db.figures.probability == Probability(up: 0.9995, down: 5e-4))

        let api = try #require(model.component(named: "api"))
        #expect(api.layer == "software" && api.responsibility == .ours && api.replicas == 1 && api.needs == 1)
        #expect(api.dependencyNames == ["lb", "node-a", "node-b", "db"])
        guard api.dependencies.count == 3, case .component("lb", _) = api.dependencies[0],
              case .group(1, ["node-a", "node-b"], _) = api.dependencies[1], case .group(1, ["db"], _) = api.dependencies[2] else {
            Issue.record("dependencies read wrongly: \(api.dependencies)")
            return
        }
        #expect(model.roots.map(\.name) == ["api", "sso"])

        let submit = model.objectives[0], complete = model.objectives[1]
        #expect(submit.name == "submit" && submit.measure == .availability && submit.kind == .sla && submit.components == ["api"])
        #expect(submit.target == Probability(up: 0.9995, down: 5e-4) && submit.period == nil)
        #expect(complete.measure == .reliability && complete.kind == .slo && complete.components == ["api", "sso"])
        #expect(complete.period == .days(28) && complete.rto == 0.25 && complete.rpo == 5.0 / 60)
        #expect(complete.componentLocations == [ModelLocation(file: "runner.yaml", line: 29, column: 22),
                                                ModelLocation(file: "runner.yaml", line: 29, column: 27)])
    }

    /// Defaults: a month of 30 days, 365-day year, availability measured at a front door.
    @Test func defaults() throws {
        let model = try TestModels.load("""
            version: 1
            system: tiny
            components:
              app: { availability: 99.9% }
            """)
        #expect(model.period == .month && model.calendar == .standard && model.objectives.isEmpty)
        #expect(model.components[0].figures == .availability(Probability(up: 0.999, down: 0.001), mttr: nil))
    }

    /// Several files merge in order; the first names the system; components may depend across files.
    @Test func filesMerge() throws {
        let model = try ModelLoader.load(documents: [
            ("app.yaml", "version: 1\nsystem: shop\ncomponents:\n  web: { availability: 99.9%, depends_on: [db] }\n"),
            ("data.yaml", "version: 1\nsystem: data\nperiod: year\ncomponents:\n  db: { availability: 99.95% }\n"),
        ])
        #expect(model.name == "shop" && model.period == .month)
        #expect(model.components.map(\.name) == ["web", "db"] && model.sources == ["app.yaml", "data.yaml"])
        let analysis = AvailabilityAnalysis(model)
        #expect(Closeness.absolute(analysis.system().probability.down, 1 - 0.999 * 0.9995, within: 1e-16))
    }
}
