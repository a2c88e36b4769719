import Foundation
import Testing
@testable import NinesKit
import NinesTestSupport

@Suite struct WorksheetLoadingTests {
    @Test func readsEveryField() throws {
        let loaded = try FMEAFixtures.loadShop()
        #expect(loaded.model.name == "Test shop")
        #expect(!loaded.isEmbedded)
        let modes = loaded.worksheet.failureModes
        #expect(modes.map(\.id) == ["db-1", "db-2", "prov-1", "front-1", "front-2"])
        let db = modes[0]
        #expect(db.function == "store orders, carts")
        #expect(db.effectEndUser == "checkout fails\nsecond line")
        #expect(db.cause == "  leading spaces, trailing  ")
        #expect(db.scores == Scores(severity: 8, occurrence: 4, detection: 6))
        #expect(db.scoresAfter == Scores(severity: 8, occurrence: 2, detection: 3))
        #expect(db.treatment == .mitigate && db.status == .inProgress && db.due == "2027-02-28")
        #expect(db.rate?.text == "2/y" && abs(db.rate!.value - 2 / 8760) < 1e-18)
        #expect(db.outage == .duration(Stated(text: "30m", value: 0.5)))
        #expect(db.effectProbability?.value == 0.5)
        #expect(db.notes == "null")
        #expect(modes[1].layer == "storage")              // default from the model layer 'data'
        #expect(modes[1].outage == .untilRepaired)
        #expect(modes[2].layer == "vendor-process")       // declared under fmea_layers
        #expect(modes[3].scores == nil && modes[3].severity == 5)
        #expect(modes[4].isOpen == false && modes[3].isOpen)
    }

    @Test func failureModesInsideTheModelFile() throws {
        let text = try String(contentsOfFile: FMEAFixtures.shopModel, encoding: .utf8) + """
        scoring:
          rpn_thresholds: {high: 150, medium: 60}
        failure_modes:
          - id: x-1
            component: provider
            failure_mode: provider outage
            severity: 7
            occurrence: 5
            detection: 2
        """
        let loaded = try WorksheetLoader.load(text: text, file: "embedded.yaml")
        #expect(loaded.isEmbedded)
        #expect(loaded.worksheet.failureModes.count == 1)
        #expect(loaded.worksheet.effectiveScoring == .rpnThresholds(high: 150, medium: 60))
        #expect(loaded.model.components.count == 3)
    }

    /// `report` and `check` take the failure modes in model files from the tree loading kept, and
    /// the first file holding them counts; without being asked for, none are read.
    @Test func embeddedFailureModesComeFromTheLoadedTree() throws {
        let folder = try FMEAFixtures.scratch()
        let shop = folder.appendingPathComponent("shop.yaml").path
        let extra = folder.appendingPathComponent("extra.yaml").path
        try """
        version: 1
        system: extra
        components:
          cache: {availability: 99.9%}
        failure_modes:
          - {id: c-1, component: cache, failure_mode: evicted, severity: 4, occurrence: 3, detection: 2}
        """.write(toFile: extra, atomically: true, encoding: .utf8)
        let loaded = try ModelLoader.load(files: [shop, extra], failureModes: .embedded)
        #expect(loaded.worksheet?.failureModes.map(\.id) == ["c-1"])
        #expect(loaded.worksheet?.failureModes.first?.location.file == extra)
        #expect(try ModelLoader.load(files: [shop, extra], failureModes: .none).worksheet == nil)
        #expect(try ModelLoader.load(files: [shop], failureModes: .embedded).worksheet == nil)
    }

    /// `--fmea`: the worksheet is read once, against the model given; its `model:` line is not
    /// followed (here it names a file that does not exist).
    @Test func aGivenWorksheetIsReadAgainstTheLoadedModel() throws {
        let folder = try FMEAFixtures.scratch()
        let shop = folder.appendingPathComponent("shop.yaml").path
        let worksheet = folder.appendingPathComponent("w.fmea.yaml").path
        try "version: 1\nmodel: gone.yaml\nfailure_modes:\n  - {id: d-1, component: db, failure_mode: full disk}\n"
            .write(toFile: worksheet, atomically: true, encoding: .utf8)
        let loaded = try ModelLoader.load(files: [shop], failureModes: .worksheet(worksheet))
        #expect(loaded.worksheet?.failureModes.map(\.id) == ["d-1"])
    }

    /// A worksheet of another model gets one error at its first foreign row; a typo gets "did you mean".
    @Test(arguments: [
        ("job-api", "w.fmea.yaml:4:5: error: failure mode 'd-1' is about component 'job-api', which the model (shop.yaml) does not have; "
            + "is 'w.fmea.yaml' the worksheet of another model (its 'model:' names 'other.yaml')?"),
        ("dbb", "w.fmea.yaml:4:26: error: 'component' of failure mode 'd-1' names unknown component 'dbb'; did you mean 'db'?"),
    ])
    func aWorksheetAboutOtherComponentsIsRefused(component: String, expected: String) throws {
        let folder = try FMEAFixtures.scratch()
        let shop = folder.appendingPathComponent("shop.yaml").path
        let worksheet = folder.appendingPathComponent("w.fmea.yaml").path
        try "version: 1\nmodel: other.yaml\nfailure_modes:\n  - {id: d-1, component: \(component), failure_mode: full disk}\n"
            .write(toFile: worksheet, atomically: true, encoding: .utf8)
        do {
            _ = try ModelLoader.load(files: [shop], failureModes: .worksheet(worksheet))
            Issue.record("the worksheet was accepted")
        } catch {
            let messages = error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
            #expect(messages == [expected])
        }
    }

    @Test func customActionPriorityTable() throws {
        let loaded = try FMEAFixtures.loadWorksheet("""
        version: 1
        model: shop.yaml
        scoring:
          name: team table
          action_priority:
            - {severity: 9-10, occurrence: 1-10, detection: 1-10, priority: H}
            - {severity: 1-8, occurrence: 7-10, detection: 1-10, priority: M}
            - {severity: 1-10, occurrence: 1-10, detection: 1-10, priority: L}
        failure_modes:
          - {id: a, component: db, failure_mode: x, severity: 9, occurrence: 1, detection: 1}
        """)
        let scoring = loaded.worksheet.effectiveScoring
        #expect(scoring.summary == "team table action priority")
        #expect(scoring.priority(Scores(severity: 9, occurrence: 1, detection: 1)) == .high)
        #expect(scoring.priority(Scores(severity: 3, occurrence: 8, detection: 1)) == .medium)
        #expect(scoring.priority(Scores(severity: 8, occurrence: 6, detection: 10)) == .low)
    }

    @Test func incompleteCustomTableIsRefused() {
        let errors = FMEAFixtures.errors("""
        version: 1
        model: shop.yaml
        scoring:
          action_priority:
            - {severity: 2-10, occurrence: 1-10, detection: 1-10, priority: H}
        failure_modes: []
        """)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("no rule for severity 1, occurrence 1, detection 1") == true)
    }

    @Test(arguments: [
        ("    component: db\n    failure_mode: x\n    severity: 11\n", ":7:15: error: 'severity' of failure mode 'r1' must be a whole number from 1 to 10, found '11'"),
        ("    component: db\n    failure_mode: x\n    occurrence: 2.5\n", "'occurrence' of failure mode 'r1' must be a whole number from 1 to 10, found '2.5'"),
        ("    component: db\n    failure_mode: x\n    detection: high\n", "'detection' of failure mode 'r1' must be a whole number from 1 to 10, found 'high'"),
        ("    component: dbb\n    failure_mode: x\n", ":5:16: error: 'component' of failure mode 'r1' names unknown component 'dbb'; did you mean 'db'?"),
        ("    component: db\n", "'failure_mode' of failure mode 'r1' is missing"),
        ("    failure_mode: x\n", "'component' of failure mode 'r1' is missing"),
        ("    component: db\n    failure_mode: x\n    severty: 3\n", "unknown field 'severty' in failure mode 1; did you mean 'severity'?"),
        ("    component: db\n    failure_mode: x\n    layer: netwrok\n", "must be an FMEA layer"),
        ("    component: db\n    failure_mode: x\n    treatment: mitigat\n", "did you mean 'mitigate'?"),
        ("    component: db\n    failure_mode: x\n    status: closed\n", "'status' of failure mode 'r1' must be one of 'open', 'in-progress', 'done', 'accepted'"),
        ("    component: db\n    failure_mode: x\n    due: 2027-02-30\n", "must be a date as YYYY-MM-DD, found '2027-02-30'"),
        ("    component: db\n    failure_mode: x\n    rate: 2/y\n", "'rate' of failure mode 'r1' is given without 'outage'"),
        ("    component: db\n    failure_mode: x\n    rate: -2/y\n    outage: 1h\n", "must be a positive rate"),
        ("    component: provider\n    failure_mode: x\n    rate: 1/y\n    outage: until-repaired\n",
         "is 'until-repaired' but component 'provider' has no 'mttr' in the model"),
        ("    component: db\n    failure_mode: x\n    severity: [1]\n", "'severity' of failure mode 'r1' must be text, found a list"),
    ])
    func badRowsAreLocated(body: String, expected: String) {
        let errors = FMEAFixtures.errors(FMEAFixtures.row(body))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains(expected) == true, "\(errors)")
    }

    @Test func layerListIsChecked() {
        let errors = FMEAFixtures.errors("version: 1\nmodel: shop.yaml\nfmea_layers: [ok, \"not ok\"]\nfailure_modes: []\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains(":3:19: error: 'fmea_layers' must list layer names, found 'not ok'") == true, "\(errors)")
    }

    @Test func duplicateIDsPointAtTheSecond() {
        let errors = FMEAFixtures.errors("""
        version: 1
        model: shop.yaml
        failure_modes:
          - {id: a, component: db, failure_mode: x}
          - {id: a, component: db, failure_mode: y}
        """)
        #expect(errors.count == 1)
        #expect(errors.first?.contains(":5:10: error: 'id' of failure mode 'a' repeats id 'a', first used at") == true, "\(errors)")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let errors = FMEAFixtures.errors("""
        version: 1
        model: shop.yaml
        failure_modes:
          - {id: a, component: db, failure_mode: x, severity: 0}
          - {id: b, component: nope, failure_mode: y}
          - {component: db, failure_mode: z}
        """)
        #expect(errors.count == 3, "\(errors)")
    }

    @Test func missingModelIsLocated() {
        let errors = FMEAFixtures.errors("version: 1\nmodel: missing.yaml\nfailure_modes: []\n")
        #expect(errors.contains { $0.contains("w.fmea.yaml:2:8: error: the model 'missing.yaml' named here does not load") }, "\(errors)")
        #expect(errors.contains { $0.contains("missing.yaml:1:1: error: no such file") })
    }

    /// `model:` is resolved from the two paths alone, never against the current folder.
    @Test(arguments: [
        ("shop.yaml", "models/shop.fmea.yaml", "models/shop.yaml"),
        ("../shared/shop.yaml", "models/shop.fmea.yaml", "shared/shop.yaml"),
        ("../../shop.yaml", "shop.fmea.yaml", "../../shop.yaml"),
        ("./a/../shop.yaml", "/srv/w/shop.fmea.yaml", "/srv/w/shop.yaml"),
        ("/etc/shop.yaml", "models/shop.fmea.yaml", "/etc/shop.yaml"),
    ])
    func modelPathsResolveLexically(path: String, worksheet: String, expected: String) {
        #expect(WorksheetLoader.resolve(path, relativeTo: worksheet) == expected)
    }
}

