import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

/// `nines advise`: every promised saving is what `report --set` with the suggestion's overrides
/// gives, figures against hand computations, and the sets against brute force.
struct AdviceTests {
    /// The objective's SLA unavailability when the model is loaded again with `overrides`, the way
    /// `nines report --set` reads it (a fresh load, a fresh compilation).
    static func slaUnavailability(files: [String], overrides: [String], objective: String) throws -> Double {
        let model = try ModelLoader.load(files: files, failureModes: .none, overrides: try ModelOverride.parse(overrides)).model
        let prediction = SLAPrediction(model)
        let index = try #require(model.objectives.firstIndex { $0.name == objective })
        return prediction.objectives[index].figure.probability.down
    }

    /// The model files loaded again with more overrides, as `nines advise` gives `Advice` to
    /// evaluate structural changes.
    static func reload(files: [String]) -> AdviceReload {
        { extra in try? ModelLoader.load(files: files, failureModes: .none, overrides: ModelOverride.parse(extra)).model }
    }

    @Test(arguments: GoldenFiles.models)
    func everySuggestionSavesWhatReportWithItsOverridesGives(name: String) throws {
        let file = GoldenFiles.root.appendingPathComponent("models/\(name).yaml").path
        let model = try ModelLoader.load(files: [file])
        let analysis = AvailabilityAnalysis(model)
        for objective in model.objectives {
            let advice = Advice(analysis, objective: objective.name, reload: Self.reload(files: [file]))
            let before = try Self.slaUnavailability(files: [file], overrides: [], objective: objective.name)
            #expect(abs(before - advice.current.probability.down) <= 1e-12 * max(before, 1e-300) + 1e-15)
            for suggestion in advice.suggestions {
                let after = try Self.slaUnavailability(files: [file], overrides: suggestion.change.set, objective: objective.name)
                let saved = (before - after) * advice.periodHours
                #expect(abs(saved - suggestion.downtimeSavedHours) <= 0.01 * suggestion.downtimeSavedHours,
                        "\(name) \(objective.name): \(suggestion.change.set) promised \(suggestion.downtimeSavedHours) h, report gives \(saved) h")
            }
        }
    }

    /// Changes that add or tune a pattern of docs/patterns.md (failover, a queue or cache in front,
    /// retries, bulkheads, placement, detection).
    static let patternKinds: Set<DesignChange.Kind> = [.failover, .masking, .retry, .bulkhead, .placement, .detect]

    @Test(arguments: GoldenFiles.models)
    func eachBundledModelGetsAtLeastThreeKindsOfChangeIncludingAPattern(name: String) throws {
        let file = GoldenFiles.root.appendingPathComponent("models/\(name).yaml").path
        let model = try ModelLoader.load(files: [file])
        let analysis = AvailabilityAnalysis(model)
        let kinds = Set(model.objectives.flatMap {
            Advice(analysis, objective: $0.name, reload: Self.reload(files: [file])).suggestions.map(\.change.kind)
        })
        #expect(kinds.count >= 3, "\(name): \(kinds)")
        #expect(!kinds.isDisjoint(with: Self.patternKinds), "\(name): \(kinds)")
    }

    static let series = """
        version: 1
        system: series
        components:
          db: { availability: 99.9%, mttr: 1h }
          api: { availability: 99.9%, mttr: 1h, depends_on: [db] }
          sso: { layer: external, availability: 99%, responsibility: customer }
          web: { mtbf: 999h, mttr: 1h, depends_on: [api, sso] }
        objectives:
          front: { at: web, target: 99.95% }
        """

    /// Hand computation: api, db and web in series (sso is the customer's: perfect in the SLA
    /// figure), each down 0.001 (web: 1 h / (999 h + 1 h)). A second api replica (1 of 2) is down
    /// 0.001² = 1e-6; halving web's repair gives 0.5 / 999.5.
    @Test func savingsMatchAHandComputation() throws {
        let model = try ModelLoader.load(text: Self.series, file: "series.yaml")
        let advice = Advice(AvailabilityAnalysis(model))
        let month = 720.0   // the default calendar: a month is 30 d
        let now = 1 - 0.999 * 0.999 * 0.999
        #expect(abs(advice.current.probability.down - now) < 1e-15)
        let replica = try #require(advice.suggestions.first { $0.change.set == ["api.replicas=2"] })
        let withReplica = 1 - 0.999 * (1 - 1e-6) * 0.999
        #expect(abs(replica.downtimeSavedHours - (now - withReplica) * month) < 1e-9)
        let repair = try #require(advice.suggestions.first { $0.change.set == ["web.mttr=30m"] })
        let withRepair = 1 - 0.999 * 0.999 * (999.0 / 999.5)
        #expect(abs(repair.downtimeSavedHours - (now - withRepair) * month) < 1e-9)
        #expect(abs((replica.budgetShare ?? 0) - replica.downtimeSavedHours / (0.0005 * month)) < 1e-12)
        // sso is excluded already, so nothing is proposed for it; the ceiling is everything perfect.
        #expect(!advice.suggestions.contains { $0.change.component == "sso" })
        #expect(advice.ceiling.probability.down == 0)
        #expect(advice.suggestions.map(\.downtimeSavedHours) == advice.suggestions.map(\.downtimeSavedHours).sorted(by: >))
    }

    /// The smallest set against brute force: every subset of the searched suggestions loaded with
    /// its overrides, the fewest that reach the target.
    @Test func smallestSetIsTheFewestChangesThatReachTheTarget() throws {
        let text = Self.series.replacingOccurrences(of: "target: 99.95%", with: "target: 99.99%")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-advice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("series.yaml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let advice = Advice(AvailabilityAnalysis(try ModelLoader.load(files: [file])))
        let pool = Array(advice.suggestions.prefix(Advice.smallestSetPool))
        var fewest: Int?
        for mask in 1..<(1 << pool.count) {
            let members = pool.indices.filter { mask & (1 << $0) != 0 }
            guard members.count < (fewest ?? .max) else { continue }
            let down = try Self.slaUnavailability(files: [file], overrides: members.flatMap { pool[$0].change.set }, objective: "front")
            if down <= 0.0001 { fewest = members.count }
        }
        let found = try #require(advice.smallestSet)
        #expect(found.changes.count == fewest)
        let check = try Self.slaUnavailability(files: [file], overrides: found.changes.flatMap(\.set), objective: "front")
        #expect(abs(check - found.probability.down) <= 1e-12)
        #expect(found.probability.down <= 0.0001)
    }

    static let priced = """
        version: 1
        system: priced
        components:
          db: { layer: data, mtbf: 2000h, mttr: 2h }
          api: { mtbf: 720h, mttr: 30m, depends_on: [db] }
        objectives:
          front: { at: api, target: 99.95% }
        costs:
          replica: { default: 200/month, db: 900/month }
          failover: { default: 150/month, db: 400/month }
          mttr: 3600/year
          masking: { api: 250/month, db: 250/month }
        """

    /// The cheapest set against brute force over every subset of the priced changes, each subset
    /// loaded with its overrides and priced by hand from the prices above.
    @Test func cheapestSetIsTheCheapestThatReachesTheTargetByBruteForce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nines-advice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("priced.yaml").path
        try Self.priced.write(toFile: file, atomically: true, encoding: .utf8)
        let advice = Advice(AvailabilityAnalysis(try ModelLoader.load(files: [file])))
        let prices: [String: Double] = ["replica/db": 900, "replica/api": 200, "failover/db": 400, "failover/api": 150,
                                        "mttr/db": 3600 * 720 / 8760, "mttr/api": 3600 * 720 / 8760,   // 3600/year over a 30 d month of a 365 d year
                                         "masking/api": 250, "masking/db": 250]
        let pool = advice.suggestions
        #expect(pool.count >= 6 && pool.count <= Advice.cheapestSetPool)
        for item in pool {
            #expect(abs((item.costPerPeriod ?? -1) - prices["\(item.change.kind.rawValue)/\(item.change.component)"]!) < 1e-9, "\(item.change.set)")
        }
        var cheapest: Double?
        for mask in 1..<(1 << pool.count) {
            let members = pool.indices.filter { mask & (1 << $0) != 0 }
            let cost = members.reduce(0.0) { $0 + prices["\(pool[$1].change.kind.rawValue)/\(pool[$1].change.component)"]! }
            guard cost < (cheapest ?? .infinity) else { continue }
            let down = try Self.slaUnavailability(files: [file], overrides: members.flatMap { pool[$0].change.set }, objective: "front")
            if down <= 0.0005 { cheapest = cost }
        }
        let found = try #require(advice.cheapestSet)
        #expect(abs((found.costPerPeriod ?? -1) - (cheapest ?? -2)) < 1e-9)
        let check = try Self.slaUnavailability(files: [file], overrides: found.changes.flatMap(\.set), objective: "front")
        #expect(check <= 0.0005)
        #expect(abs(check - found.probability.down) <= 1e-12)
    }

    static let mixed = """
        version: 1
        system: mixed
        components:
          db: { layer: data, mtbf: 2000h, mttr: 1h, detect: 30m }
          payment: { mtbf: 30m, mttr: 2s, transient: { rate: 1/h, duration: 1s } }
          api: { mtbf: 720h, mttr: 30m, depends_on: [db, payment] }
        objectives:
          front: { at: api, target: 99.9% }
        costs:
          replica: { default: 200/month, db: 900/month, payment: 5000/month }
          mttr: 100/month
          retry: 20/month
          detect: 30/month
        """

    /// Structural changes (a retry, a detection time) take part in both set searches: the smallest
    /// and the cheapest set against brute force over every subset of the pools searched, each
    /// subset loaded with its overrides (a fresh load and compilation, as `report --set`) and
    /// priced by hand. Payment's short outages (q ≈ 1.1e-3, 2 s each) are more than the 0.1 % budget
    /// alone; a retry hides most of them and a second payment replica costs 5000, so the cheapest
    /// answer takes the retry. Payment's blips make its repair-time change structural too.
    @Test func setsWithStructuralChangesMatchBruteForce() throws {
        let reload: AdviceReload = { extra in
            try? ModelLoader.load(documents: [("mixed.yaml", Self.mixed)], overrides: ModelOverride.parse(extra))
        }
        func unavailability(_ overrides: [String]) throws -> Double {
            let model = try #require(reload(overrides))
            return SLAPrediction(model).objectives[0].figure.probability.down
        }
        let advice = Advice(AvailabilityAnalysis(try ModelLoader.load(text: Self.mixed, file: "mixed.yaml")), reload: reload)
        let prices: [String: Double] = ["replica/db": 900, "replica/api": 200, "replica/payment": 5000, "mttr/db": 100,
                                        "mttr/api": 100, "mttr/payment": 100, "retry/payment": 20, "detect/db": 30]
        let priced = advice.suggestions.filter { $0.costPerPeriod != nil }
        #expect(priced.count == prices.count && priced.count <= Advice.cheapestSetPool)
        #expect(priced.filter(\.change.isStructural).count == 3)
        var cheapest: Double?
        for mask in 1..<(1 << priced.count) {
            let members = priced.indices.filter { mask & (1 << $0) != 0 }
            let cost = members.reduce(0.0) { $0 + prices["\(priced[$1].change.kind.rawValue)/\(priced[$1].change.component)"]! }
            guard cost < (cheapest ?? .infinity) else { continue }
            if try unavailability(members.flatMap { priced[$0].change.set }) <= 0.001 { cheapest = cost }
        }
        let found = try #require(advice.cheapestSet)
        #expect(abs((found.costPerPeriod ?? -1) - (try #require(cheapest))) < 1e-9)
        #expect(found.changes.contains { $0.kind == .retry })
        #expect(abs(try unavailability(found.changes.flatMap(\.set)) - found.probability.down) <= 1e-12)

        #expect(advice.suggestions.filter(\.change.isStructural).count <= Advice.structuralInSets)   // all of them combined
        let pool = Array(advice.suggestions.prefix(Advice.smallestSetPool))
        #expect(pool.contains { $0.change.isStructural })
        var fewest: Int?
        for mask in 1..<(1 << pool.count) {
            let members = pool.indices.filter { mask & (1 << $0) != 0 }
            guard members.count < (fewest ?? .max) else { continue }
            if try unavailability(members.flatMap { pool[$0].change.set }) <= 0.001 { fewest = members.count }
        }
        let smallest = try #require(advice.smallestSet)
        #expect(smallest.changes.count == fewest)
        #expect(abs(try unavailability(smallest.changes.flatMap(\.set)) - smallest.probability.down) <= 1e-12)
    }

    @Test func badCostsAreRefusedWithTheirLocation() {
        let text = Self.priced.replacingOccurrences(of: "mttr: 3600/year", with: "mtr: 3600/year")
            .replacingOccurrences(of: "api: 250/month, db: 250/month", with: "apii: 250/month, db: lots")
        do {
            _ = try ModelLoader.load(text: text, file: "priced.yaml")
            Issue.record("bad costs were accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("priced.yaml:11:3: error: unknown kind of change 'mtr' in 'costs'; did you mean 'mttr'?") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("priced.yaml:12:14: error: 'masking' of 'costs' prices unknown component 'apii'; did you mean 'api'?") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("priced.yaml:12:35: error: a price in 'costs' ('masking') must be an amount per period") }, "\(messages)")
        }
    }
}
