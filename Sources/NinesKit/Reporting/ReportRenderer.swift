/// Turns a finished report into the text of one output format.
///
/// One small conforming type per format (SwiftLint's `Reporter`), chosen once by the caller, e.g.
/// from `--format`. A renderer is pure, `Report -> String`: it formats what the report holds and
/// never computes a figure or judges a target (the report builders did that, with `TargetRule`).
public protocol ReportRenderer<Report> {
    /// The report type this renderer formats.
    associatedtype Report
    /// The complete output for `report`, ending with a new line.
    func render(_ report: Report) -> String
    /// The same bytes handed to `sink` in chunks; a format that can write as it goes (JSON)
    /// never holds the whole output.
    func write(_ report: Report, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws
}

extension ReportRenderer {
    public func write(_ report: Report, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        var text = render(report)
        try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
    }
}

/// Any report as stable JSON (see `JSONReportRenderer` for the bytes).
package struct JSONRenderer<Report: Encodable>: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        JSONReportRenderer.render(report)
    }

    public func write(_ report: Report, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        try JSONReportRenderer.write(report, to: sink)
    }
}

extension TextReportRenderer: ReportRenderer {}
extension CheckTextRenderer: ReportRenderer {}
extension RiskTextRenderer: ReportRenderer {}
extension SimulationTextRenderer: ReportRenderer {}
extension DiffTextRenderer: ReportRenderer {}
