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
    }

    /// Immutable, so sharing it between copies of a component is safe; a change makes a new one.
    final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// Nil exactly when every field is absent, so two components compare by their fields alone.
    /// Read one field through it (`stored?.fields.failover`): a copy of all of them, made for
    /// every read, cost a fifth of a 100k platform's report.
    private(set) var stored: Storage?

    /// Writes one field; `absent` says whether `value` is the field's default (nil or empty), so a
    /// plain component written with absent fields (the loader writes every field) gets no storage.
    mutating func set<Value>(_ field: WritableKeyPath<Fields, Value>, _ value: Value, absent: Bool) {
        if stored == nil && absent { return }
        var fields = stored?.fields ?? Fields()
        fields[keyPath: field] = value
        stored = fields == Fields() ? nil : Storage(fields)
    }

    static func == (lhs: ComponentPatterns, rhs: ComponentPatterns) -> Bool {
        lhs.stored === rhs.stored || lhs.stored?.fields == rhs.stored?.fields
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(stored?.fields)
    }
}
