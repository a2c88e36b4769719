/// The components section has one object per component of the model: written directly (see
/// `JSONObjectWriting`), with the keys and nil handling of the synthesized `Encodable`.
extension ComponentReport: JSONObjectWriting {
    @inline(__always)   // into the specialized array loop, which then reads each component in place
    func writeMembers(to object: inout JSONMembers) {
        object.add("name", name)
        object.add("layer", layer)
        object.add("responsibility", responsibility)
        object.add("replicas", replicas)
        object.add("needs", needs)
        object.add("ownAvailability", ownAvailability)
        object.add("ownUnavailability", ownUnavailability)
        object.add("availability", availability)
        object.add("unavailability", unavailability)
        object.add("outagesPerYear", outagesPerYear)
        object.add("dependsOn", dependsOn)
        object.add("method", method)
    }
}
