/// A component that stands for what another team promises rather than what it is built of: a
/// declared objective (`slo: 99.9%`) or another model's objective (`from: ../payments/nines.yaml#checkout`).
/// The promised availability is the component's figure, and the objectives that need it can
/// promise no more than their structure allows with it (`DependencyCeiling`).
package struct DependencyPromise: Hashable, Sendable {
    package enum Source: Hashable, Sendable {
        /// `slo: 99.9%`, stated in this model.
        case declared
        /// `from: PATH#OBJECTIVE`: the target of that objective of that model (path as written).
        case objective(path: String, name: String)
    }

    public var source: Source
    public var target: Probability
    /// Where `slo:` or `from:` is written.
    public var location: ModelLocation

    public init(source: Source, target: Probability, location: ModelLocation) {
        self.source = source
        self.target = target
        self.location = location
    }

    /// "slo 99.9%" or "../payments/nines.yaml#checkout", for messages.
    public var origin: String {
        switch source {
        case .declared: "its declared 'slo'"
        case .objective(let path, let name): "\(path)#\(name)"
        }
    }
}
