/// The fields of a component that few components set (patterns, distributions, placement, …),
/// kept behind one reference so a plain component stays small: components are copied wherever
/// they are iterated, and a large model holds several arrays of them while it loads. A component
/// that sets none of them holds no storage at all.
struct ComponentPatterns: Hashable, Sendable {
    /// The fields themselves; all absent by default.
    struct Fields: Hashable, Sendable {
        var failover: Failover?
        var data: DataProtection?
        var maskedFor: Double?
        var failure: TimeDistribution?
        var repair: TimeDistribution?
        var placement: Placement?
        var placedReplica: PlacedReplica?
        var cache: Cache?
        var idempotency: Idempotency?
        var transient: TransientFaults?
        var retry: RetryPolicy?
        var writeAhead: WriteAhead?
        var completionWindow: Double?
        var softDependencies: [SoftDependency] = []
        var hangs: Double?
        var hangsLocation: ModelLocation?
        var hangOf: String?
        var hangPart: String?
        var latent: LatentFailures?
        var maintenance: Maintenance?
        var standby: Standby?
        var crew: CrewMembership?
        var promise: DependencyPromise?
        var uncertainty: InputUncertainty?
        var selector: KubernetesSelector?

        static let none = Fields()
    }

    /// Immutable, so sharing it between copies of a component is safe; a change makes a new one.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// Nil exactly when every field is absent, so two components compare by their fields alone.
    private var storage: Storage?

    subscript<Value: Equatable>(field: WritableKeyPath<Fields, Value>) -> Value {
        get { (storage?.fields ?? Fields.none)[keyPath: field] }
        set {
            // The loader writes every field of every component, mostly absent: no storage for those.
            if storage == nil, newValue == Fields.none[keyPath: field] { return }
            var fields = storage?.fields ?? Fields.none
            fields[keyPath: field] = newValue
            storage = fields == Fields.none ? nil : Storage(fields)
        }
    }

    static func == (lhs: ComponentPatterns, rhs: ComponentPatterns) -> Bool {
        lhs.storage === rhs.storage || lhs.storage?.fields == rhs.storage?.fields
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(storage?.fields)
    }
}
