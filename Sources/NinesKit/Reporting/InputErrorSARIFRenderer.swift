/// Input errors as SARIF 2.1.0: one result of level "error" per diagnostic under the rule
/// "input-valid", with the diagnostic's region, so code scanning marks the offending line.
struct InputErrorSARIFRenderer: ReportRenderer {
    package init() {}

    static let rule = "input-valid"

    package func render(_ report: InputErrorReport) -> String {
        typealias SARIF = CheckSARIFRenderer
        let results = report.diagnostics.map { diagnostic in
            SARIF.SARIFResult(
                ruleId: Self.rule, ruleIndex: 0, kind: "fail",
                level: diagnostic.severity == .error ? "error" : "warning",
                message: SARIF.Message(text: diagnostic.message),
                locations: diagnostic.location.map { location in
                    [SARIF.Location(physicalLocation: SARIF.PhysicalLocation(
                        artifactLocation: SARIF.ArtifactLocation(uri: location.file),
                        region: SARIF.Region(startLine: location.line, startColumn: location.column)))]
                } ?? [],
                partialFingerprints: ["ninesCheckId": Self.rule + ":" + diagnostic.description])
        }
        let rule = SARIF.Rule(id: Self.rule, shortDescription: SARIF.Message(text: "The model and worksheet files are valid input."))
        let log = SARIF.Log(schema: SARIF.schema, version: "2.1.0",
                            runs: [SARIF.Run(tool: SARIF.Tool(driver: SARIF.Driver(name: "nines", rules: [rule])), results: results)])
        return JSONReportRenderer.render(log)
    }
}
