import Foundation

/// Stable JSON: sorted keys, no dictionary order, shortest round-trip numbers.
///
/// Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// non-finite numbers as "Infinity"/"-Infinity"/"NaN", and a final new line: the format
/// documented in docs/report-json.md and recorded in the golden files.
enum JSONReportRenderer {
    /// The JSON text of `value`; throws what `JSONEncoder` throws (a value it cannot represent,
    /// containers nested 512 deep).
    public static func text<T: Encodable>(of value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The JSON text of a report. The report types always encode (every number is finite or
    /// named, nesting is shallow), so a failure is a bug in nines: it stops the program with the
    /// encoder's error rather than printing something that is not the report.
    public static func render<T: Encodable>(_ report: T) -> String {
        do {
            return try text(of: report)
        } catch {
            fatalError("cannot encode \(T.self) as JSON: \(error)")
        }
    }
}
