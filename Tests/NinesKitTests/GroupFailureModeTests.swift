import Foundation
import Testing
@testable import NinesKit

/// A failure mode that takes several components down together (`components: [...]`), costed as
/// their joint outage. Three app servers of 99% each behind `any:`; a bad release strikes
/// 12 times a year and keeps whatever it hits down for 1 h, so r = 12/8760 and q = r / (1 + r).
@Suite struct GroupFailureModeTests {
    static func worksheet(_ components: String, groups: String = "") throws(DiagnosticError) -> LoadedWorksheet {
        let text = """
            version: 1
            system: App servers
            period: month
            components:
              app-1: { availability: 99% }
              app-2: { availability: 99% }
              app-3: { availability: 99% }
              front: { availability: 100%, depends_on: [{ any: [app-1, app-2, app-3] }] }
            objectives:
              shop: { at: front, target: 99% }
            \(groups)
            failure_modes:
              - id: release-1
                \(components)
                failure_mode: bad release
                rate: 12/y
                outage: 1h
            """
        return try WorksheetLoader.load(text: text, file: "apps.yaml")
    }

    static let q = (12.0 / 8760) / (1 + 12.0 / 8760)

    /// All three down: the objective is down for all of q, 720 h × q = 0.985 h a month.
    @Test func everyMemberCostsTheGroupsOutage() throws {
        let loaded = try Self.worksheet("components: [app-1, app-2, app-3]")
        #expect(loaded.worksheet.failureModes[0].components == ["app-1", "app-2", "app-3"])
        let impact = try #require(FailureModeImpact.compute(loaded.worksheet, analysis: AvailabilityAnalysis(loaded.model))["release-1"])
        let expected = Self.q * 720
        #expect(abs(expected - 0.98495) < 1e-5)
        #expect(abs(impact.objectives[0].downtimeHours - expected) < expected * 1e-9)
        #expect(abs(impact.visibleDowntimeHours - expected) < expected * 1e-9)
        // Each member is down for the same q of the time.
        let members = FailureModeImpact.componentUnavailability(loaded.worksheet, impacts: ["release-1": impact])
        #expect(members.map(\.component) == ["app-1", "app-2", "app-3"])
        #expect(members.allSatisfy { abs($0.probability.down - Self.q) < 1e-15 })
    }

    /// One member only: its Birnbaum importance, the chance both others are down, 0.01² = 1e-4.
    @Test func oneMemberCostsOnlyItsShare() throws {
        let loaded = try Self.worksheet("component: app-1")
        let impact = try #require(FailureModeImpact.compute(loaded.worksheet, analysis: AvailabilityAnalysis(loaded.model))["release-1"])
        let expected = Self.q * 1e-4 * 720
        #expect(abs(impact.objectives[0].downtimeHours - expected) < expected * 1e-9)
    }

    /// Two of three down: the objective then rests on app-3 alone, so the slope is
    /// A(both up) − A(both down) = 1 − 0.99 = 0.01.
    @Test func twoMembersCostTheChanceTheThirdIsDownToo() throws {
        let loaded = try Self.worksheet("components: [app-1, app-2]")
        let impact = try #require(FailureModeImpact.compute(loaded.worksheet, analysis: AvailabilityAnalysis(loaded.model))["release-1"])
        let expected = Self.q * 0.01 * 720
        #expect(abs(impact.objectives[0].downtimeHours - expected) < expected * 1e-9)
    }

    /// The CSV column holds them comma-separated; YAML writes them back as a list.
    @Test func csvAndYAMLCarryTheList() throws {
        let loaded = try Self.worksheet("components: [app-1, app-2, app-3]")
        let csv = WorksheetCSV.export(loaded.worksheet)
        #expect(csv.contains("\nrelease-1,\"app-1, app-2, app-3\",application,"))
        let modes = try WorksheetCSV.read(csv, file: "w.csv", model: loaded.model)
        #expect(modes == loaded.worksheet.failureModes.map { var mode = $0; mode.location = modes[0].location; return mode })
        let yaml = WorksheetYAMLWriter.write(loaded.worksheet, system: "x", modelReference: "apps.yaml", model: loaded.model)
        #expect(yaml.contains("  - id: release-1\n    components: [app-1, app-2, app-3]\n    failure_mode: bad release\n"))
        let ranked = RiskReportBuilder.report(loaded.worksheet, analysis: AvailabilityAnalysis(loaded.model),
                                              filter: RiskRanking.Filter(component: "app-2"))
        #expect(ranked.risks.map(\.component) == ["app-1, app-2, app-3"])
    }

    /// A worksheet's named group stands for its members, costs the same, and is written back by name.
    @Test func aGroupNameStandsForItsMembers() throws {
        let loaded = try Self.worksheet("component: app-servers", groups: "fmea_groups: { app-servers: [app-1, app-2, app-3] }")
        let mode = loaded.worksheet.failureModes[0]
        #expect(mode.components == ["app-1", "app-2", "app-3"] && mode.group == "app-servers")
        let impact = try #require(FailureModeImpact.compute(loaded.worksheet, analysis: AvailabilityAnalysis(loaded.model))["release-1"])
        #expect(abs(impact.objectives[0].downtimeHours - Self.q * 720) < Self.q * 720 * 1e-9)
        let csv = WorksheetCSV.export(loaded.worksheet)
        #expect(csv.contains("\nrelease-1,app-servers,application,"))
        #expect(try WorksheetCSV.read(csv, file: "w.csv", model: loaded.model, groups: loaded.worksheet.groups)[0].components == mode.components)
        let yaml = WorksheetYAMLWriter.write(loaded.worksheet, system: "x", modelReference: "apps.yaml", model: loaded.model)
        #expect(yaml.contains("fmea_groups:\n  app-servers: [app-1, app-2, app-3]\nfailure_modes:\n  - id: release-1\n    component: app-servers\n"))
    }

    /// `--fmea` reads a separate worksheet against the model given: its groups are no strangers.
    @Test func aSeparateWorksheetWithGroups() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nines-groups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("apps.yaml").path, worksheet = folder.appendingPathComponent("apps.fmea.yaml").path
        try "version: 1\nsystem: a\ncomponents:\n  app-1: { availability: 99% }\n  app-2: { availability: 99% }\n"
            .write(toFile: model, atomically: true, encoding: .utf8)
        try "version: 1\nmodel: apps.yaml\nfmea_groups: { apps: [app-1, app-2] }\nfailure_modes:\n  - { id: r, component: apps, failure_mode: x }\n"
            .write(toFile: worksheet, atomically: true, encoding: .utf8)
        let loaded = try ModelLoader.load(files: [model], failureModes: .worksheet(worksheet))
        #expect(loaded.worksheet?.failureModes.first?.components == ["app-1", "app-2"])
    }

    @Test(arguments: [
        ("fmea_groups: { app-1: [app-2] }", "group 'app-1' in 'fmea_groups' has the name of a component; name the group otherwise"),
        ("fmea_groups: { apps: [app-1, app-7] }", "group 'apps' in 'fmea_groups' names unknown component 'app-7'; did you mean 'app-1'?"),
        ("fmea_groups: { apps: [] }", "group 'apps' in 'fmea_groups' must list its components"),
    ])
    func badGroupsAreLocated(groups: String, message: String) {
        do {
            _ = try Self.worksheet("component: app-1", groups: groups)
            Issue.record("loaded: \(groups)")
        } catch {
            #expect(error.diagnostics.contains { $0.description.contains(message) }, "\(error.diagnostics.map(\.description))")
        }
    }

    @Test(arguments: [
        ("components: [app-1, app-9]", "names unknown component 'app-9'; did you mean 'app-1'?"),
        ("components: [app-1, app-1]", "names 'app-1' twice"),
        ("components: app-1", "'components' of failure mode 'release-1' must be a list of component names such as [app-1, app-2], found"),
        ("component: app-1\n    components: [app-2]", "failure mode 'release-1' gives both 'component' and 'components'; give one"),
        ("component: app-1,", "names an empty component name in 'app-1,'; separate several components with commas"),
    ])
    func badListsAreLocated(components: String, message: String) {
        do {
            _ = try Self.worksheet(components)
            Issue.record("loaded: \(components)")
        } catch {
            #expect(error.diagnostics.contains { $0.description.contains(message) }, "\(error.diagnostics.map(\.description))")
        }
    }
}
