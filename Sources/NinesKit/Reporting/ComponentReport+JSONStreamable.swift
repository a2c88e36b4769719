/// A component's JSON written directly (`JSONStreamable`): the members of its `Codable`
/// conformance, in sorted key order. A report lists every component, 100,000 on a large model.
extension ComponentReport: JSONStreamable {
    func write(to json: inout JSONStreamWriter) throws {
        let object = json.beginObject()
        try json.member("availability", availability)
        try json.member("dependsOn", dependsOn)
        try json.member("layer", layer)
        try json.member("method", method)
        try json.member("name", name)
        try json.member("needs", needs)
        try json.member("outagesPerYear", outagesPerYear)
        try json.member("ownAvailability", ownAvailability)
        try json.member("ownUnavailability", ownUnavailability)
        try json.member("replicas", replicas)
        try json.member("responsibility", responsibility)
        try json.member("unavailability", unavailability)
        json.end(object)
    }
}
