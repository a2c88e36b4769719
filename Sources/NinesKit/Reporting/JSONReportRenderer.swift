import Foundation

/// Stable JSON: sorted keys, no dictionary order, shortest round-trip numbers.
///
/// The bytes of Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, non-finite numbers as "Infinity"/"-Infinity"/"NaN", and a final
/// new line: the format documented in docs/report-json.md and recorded in the golden files.
/// Written by `JSONStreamWriter`, which needs a fraction of `JSONEncoder`'s time and memory on
/// large reports.
package enum JSONReportRenderer {
    /// The JSON text of `value`; throws on containers nested 512 deep, as `JSONEncoder` does.
    public static func text<T: Encodable>(of value: T) throws -> String {
        var bytes: [UInt8] = []
        try write(value) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands the JSON text of `value`, final new line included, to `sink` in chunks as it is
    /// written: a 100,000-component report (120 MB) never sits in memory whole.
    public static func write<T: Encodable>(_ value: T, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        var writer = JSONStreamWriter(sink: sink)
        try writer.writeDocument(value)
        try withUnsafeBytes(of: UInt8(ascii: "\n")) { try sink($0) }
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
