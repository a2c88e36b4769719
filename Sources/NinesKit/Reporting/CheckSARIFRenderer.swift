/// `nines check` as SARIF 2.1.0 (GitHub code scanning and other static-analysis viewers): one run
/// of the tool "nines", one rule per kind of check, one result per check with its model location.
/// Passing checks are results of kind "pass" so viewers can close earlier alerts.
struct CheckSARIFRenderer: ReportRenderer {
    public init() {}

    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public func render(_ report: CheckReport) -> String {
        JSONReportRenderer.render(Self.log(report))
    }

    /// The SARIF document of `report`, before printing.
    static func log(_ report: CheckReport) -> Log {
        var ruleIDs: [String] = []
        for result in report.results where !ruleIDs.contains(result.rule) { ruleIDs.append(result.rule) }
        let rules = ruleIDs.map { Rule(id: $0, shortDescription: Message(text: description(of: $0))) }
        let results = report.results.map { result in
            SARIFResult(ruleId: result.rule, ruleIndex: ruleIDs.firstIndex(of: result.rule) ?? 0,
                        kind: result.status == .pass ? "pass" : "fail",
                        level: result.status == .pass ? "none" : (result.status == .fail ? "error" : "warning"),
                        message: Message(text: ([result.message] + result.details).joined(separator: "\n")),
                        locations: [Location(physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: result.file),
                            region: Region(startLine: result.line, startColumn: result.column)))],
                        partialFingerprints: ["ninesCheckId": result.id])
        }
        return Log(schema: schema, version: "2.1.0",
                   runs: [Run(tool: Tool(driver: Driver(name: "nines", rules: rules)),
                              results: results)])
    }

    static func description(of rule: String) -> String {
        switch rule {
        case "objective-target": return "The predicted availability meets the objective's target (with the required margin)."
        case "objective-rto": return "The worst recovery time on the objective's path is within its rto."
        case "objective-rpo": return "The worst data loss on the objective's path is within its rpo."
        case "policy-rto": return "Every objective recovers from the scenario within its class's resiliency policy rto."
        case "policy-rpo": return "No objective loses more data in the scenario than its class's resiliency policy rpo."
        case "policy-scenarios": return "A resiliency policy has a scenario of its class to check."
        case "model-note": return "A modelled failover or masking window could be applied."
        case "fmea-open-priority": return "No FMEA failure mode is still open with a high action priority."
        case "objectives-present": return "The model states at least one objective with a target, rto or rpo."
        default: return "Risk rule '\(rule)'."
        }
    }

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable { let tool: Tool; let results: [SARIFResult] }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable { let name: String; let rules: [Rule] }
    struct Rule: Encodable { let id: String; let shortDescription: Message }
    struct Message: Encodable { let text: String }
    struct SARIFResult: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let kind: String
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
    }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { let artifactLocation: ArtifactLocation; let region: Region }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable { let startLine: Int; let startColumn: Int }
}
