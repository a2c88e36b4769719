/// A report type that writes its own JSON straight to a `JSONStreamWriter`, members in sorted key
/// order, instead of being recorded through its `Encodable` conformance first.
///
/// Why: a 100,000-component report is 100,000 small objects, and recording each one (a container
/// object, its keys and entries, the value boxed as `any Encodable`) cost more than writing its
/// bytes. A conforming type's `Codable` conformance stays the definition of its JSON: the writer
/// checks in debug builds that keys come in sorted order, and `JSONReportRendererTests` holds
/// the bytes beside `JSONEncoder`'s for values with and without every optional member.
protocol JSONStreamable: Sendable {
    func write(to json: inout JSONStreamWriter) throws
}

extension Array: JSONStreamable where Element: JSONStreamable {
    func write(to json: inout JSONStreamWriter) throws {
        let array = json.beginArray()
        // A long array (100,000 components) is written on every core, in order.
        try json.elements(self) { element, json in
            try json.element()
            try element.write(to: &json)
        }
        json.end(array)
    }
}
