/// A moment as a tool wrote it (ISO 8601) and as seconds since 1970, for ordering.
package struct ObservedTime: Hashable, Sendable {
    package var text: String
    package var seconds: Double
}
