/// `nines check` as JUnit XML, the shape CI test reporters read (Jenkins, GitLab, GitHub actions
/// such as dorny/test-reporter): `<testsuites>` → one `<testsuite>` per category → `<testcase>`,
/// with `<failure>` for results that fall short and `<system-out>` for warnings.
struct CheckJUnitRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let categories: [CheckResult.Category] = [.objective, .recovery, .risk, .model]
        let suites = categories.compactMap { category -> (CheckResult.Category, [CheckResult])? in
            let results = report.results.filter { $0.category == category }
            return results.isEmpty ? nil : (category, results)
        }
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append("<testsuites name=\"nines check: \(Self.escape(report.system))\" tests=\"\(report.results.count)\" "
                   + "failures=\"\(report.failed)\" errors=\"0\" skipped=\"0\" time=\"0\">")
        for (category, results) in suites {
            let failures = results.filter { $0.status == .fail }.count
            xml.append("  <testsuite name=\"\(category.rawValue)\" tests=\"\(results.count)\" failures=\"\(failures)\" "
                       + "errors=\"0\" skipped=\"0\" time=\"0\">")
            for result in results {
                let open = "    <testcase classname=\"nines.\(Self.escape(result.rule))\" name=\"\(Self.escape(result.id))\" "
                    + "file=\"\(Self.escape(result.file))\" line=\"\(result.line)\" time=\"0\""
                let body = ([result.message] + result.details).joined(separator: "\n")
                switch result.status {
                case .pass:
                    xml.append(open + "/>")
                case .fail:
                    xml.append(open + ">")
                    xml.append("      <failure message=\"\(Self.escape(result.message))\" type=\"\(Self.escape(result.rule))\">"
                               + "\(Self.escape("\(result.file):\(result.line):\(result.column): " + body))</failure>")
                    xml.append("    </testcase>")
                case .warning:
                    xml.append(open + ">")
                    xml.append("      <system-out>\(Self.escape("warning: " + body))</system-out>")
                    xml.append("    </testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    /// XML text and attribute escaping; control characters XML 1.0 forbids are replaced by U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
