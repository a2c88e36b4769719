/// Input errors as JUnit XML: a suite "input" with one failing test case per file, its failure
/// listing every diagnostic of the file as `file:line:column: error: message`, so a CI test
/// report (GitLab's, Jenkins') shows an invalid model as a failure instead of an empty report.
struct InputErrorJUnitRenderer: ReportRenderer {
    package init() {}

    package func render(_ report: InputErrorReport) -> String {
        let groups = report.byFile
        let escape = CheckJUnitRenderer.escape
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append("<testsuites name=\"nines check\" tests=\"\(groups.count)\" failures=\"\(groups.count)\" errors=\"0\" skipped=\"0\" time=\"0\">")
        xml.append("  <testsuite name=\"input\" tests=\"\(groups.count)\" failures=\"\(groups.count)\" errors=\"0\" skipped=\"0\" time=\"0\">")
        for group in groups {
            let name = group.file ?? "options"
            var open = "    <testcase classname=\"nines.input\" name=\"\(escape(name))\""
            if let file = group.file, let line = group.diagnostics.first?.location?.line {
                open += " file=\"\(escape(file))\" line=\"\(line)\""
            }
            let count = group.diagnostics.count
            let message = group.diagnostics[0].message + (count > 1 ? " (and \(count - 1) more)" : "")
            let body = group.diagnostics.map(\.description).joined(separator: "\n")
            xml.append(open + " time=\"0\">")
            xml.append("      <failure message=\"\(escape(message))\" type=\"invalid-input\">\(escape(body))</failure>")
            xml.append("    </testcase>")
        }
        xml.append("  </testsuite>")
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }
}
