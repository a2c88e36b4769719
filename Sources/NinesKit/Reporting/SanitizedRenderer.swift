/// A text or Markdown renderer whose output passes `OutputSanitizer.output`: whatever a value
/// holds, no control character but the format's own line breaks, tabs and (on a colour terminal)
/// colour codes reaches the terminal or CI log. JSON, CSV, XML and SARIF escape by their own rules.
package struct SanitizedRenderer<Base: ReportRenderer>: ReportRenderer {
    public var base: Base
    /// True when `base` paints with colour codes, which are kept.
    public var keepingColour: Bool

    public init(_ base: Base, keepingColour: Bool = false) {
        self.base = base
        self.keepingColour = keepingColour
    }

    public func render(_ report: Base.Report) -> String {
        OutputSanitizer.output(base.render(report), keepingColour: keepingColour)
    }
}
