/// Reads `placement:` of a component and the top-level `pools:` (docs/patterns.md, "Placement").
/// Names are checked against the model later, in `PlacementExpansion`.
struct PlacementReader {
    let diagnostics: DiagnosticCollector

    static let forms = "a list of places such as [az-a, az-b, az-c], {spread: POOL} or {pool: POOL, per: 1}"

    /// The component's placement; `replicas` and `needs` as the component states them.
    func read(_ fields: MappingReader, owner: String, replicas: Int, needs: Int) -> Placement? {
        guard let value = fields.value("placement") else { return nil }
        let context = "'placement' of component '\(owner)'"
        switch value {
        case .sequence:
            guard let names = fields.nameList("placement") else { return nil }
            if names.isEmpty {
                diagnostics.error(value.location, "\(context) is empty; list the zones, nodes or racks the replicas run on")
                return nil
            }
            return Placement(rule: .roundRobin(names.map(\.name)), replicas: replicas, needs: needs,
                             location: value.location, nameLocations: names.map(\.location))
        case .mapping:
            guard let rule = MappingReader(value, context: context, diagnostics: diagnostics) else { return nil }
            defer { rule.rejectUnknownKeys(known: ["spread", "pool", "per"]) }
            if rule.has("spread") && rule.has("pool") {
                diagnostics.error(rule.keyLocation("pool"), "\(context) gives both 'spread' and 'pool'; give one: " + Self.forms)
                return nil
            }
            if let spread = rule.scalar("spread", expected: "the name of a declared pool") {
                if rule.has("per") {
                    diagnostics.error(rule.keyLocation("per"), "'per' of \(context) goes with 'pool', not 'spread' "
                                      + "(spread puts replica i on the i-th member, round robin)")
                }
                return Placement(rule: .spread(pool: spread.text), replicas: replicas, needs: needs,
                                 location: value.location, nameLocations: [spread.location])
            }
            if let pool = rule.scalar("pool", expected: "the name of a declared pool") {
                let per = rule.integer("per", in: 1...10_000) ?? 1
                return Placement(rule: .pool(pool.text, per: per), replicas: replicas, needs: needs,
                                 location: value.location, nameLocations: [pool.location])
            }
            diagnostics.error(value.location, "\(context) must be " + Self.forms)
            return nil
        case .scalar:
            diagnostics.error(value.location, "\(context) must be \(Self.forms), found \(value.kindDescription)")
            return nil
        }
    }

    /// `pools: {zones: [az-a, az-b, az-c], nodes: [...]}` in declaration order.
    func readPools(_ value: YAMLValue) -> [Pool] {
        guard case .mapping(let pairs, _) = value else {
            diagnostics.error(value.location, "'pools' must be a mapping from pool name to a list of component names, found \(value.kindDescription)")
            return []
        }
        var pools: [Pool] = []
        for (key, body) in pairs {
            guard NameRules.isValid(key.text) else {
                diagnostics.error(key.location, "'\(key.clipped)' is not a valid name in 'pools'; " + NameRules.explanation, length: key.text.count)
                continue
            }
            if let earlier = pools.first(where: { $0.name == key.text }) {
                diagnostics.error(key.location, "pool '\(key.text)' is defined twice; first at \(earlier.location)", length: key.text.count)
                continue
            }
            guard case .sequence(let items, _) = body else {
                diagnostics.error(body.location, "pool '\(key.text)' must be a list of component names, found \(body.kindDescription)")
                continue
            }
            var members: [String] = [], locations: [ModelLocation] = []
            for item in items {
                guard case .scalar(let scalar) = item, !scalar.isNull else {
                    diagnostics.error(item.location, "pool '\(key.text)' must list component names, found \(item.kindDescription)")
                    continue
                }
                if members.contains(scalar.text) {
                    diagnostics.error(scalar.location, "pool '\(key.text)' lists '\(scalar.text)' twice", length: scalar.text.count)
                    continue
                }
                members.append(scalar.text)
                locations.append(scalar.location)
            }
            if items.isEmpty { diagnostics.error(body.location, "pool '\(key.text)' is empty; list the zones, nodes or racks in it") }
            pools.append(Pool(name: key.text, members: members, location: key.location, memberLocations: locations))
        }
        return pools
    }
}
