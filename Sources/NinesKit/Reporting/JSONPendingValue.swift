/// A value written after its place in a container was taken.
enum JSONPendingValue {
    case object(JSONObjectBuilder)
    case array(JSONArrayBuilder)
    case encoder(JSONTreeEncoder)

    func finish(_ document: JSONDocument) -> JSONNode {
        switch self {
        case .object(let builder): builder.finish(document)
        case .array(let builder): builder.finish(document)
        case .encoder(let encoder): encoder.take()
        }
    }
}
