/// `nines export --format openpsa`: a model as an Open-PSA MEF fault tree (failure logic) that
/// SCRAM or XFTA can read. A component without dependencies is a basic event whose probability is
/// its unavailability (replicas, common cause and failover folded in, as the exact engine's
/// variable in the path view: masking windows have no fault-tree form and count as outages); a
/// component with dependencies is a gate that fails when its own event or any requirement fails;
/// a group needing k of n fails when n − k + 1 members fail (`atleast`, or `or`/`and` at the ends);
/// each objective is a top gate that fails when any of its components does.
package enum OpenPSAExport {
    public static func xml(_ model: SystemModel) -> String {
        var names = Set(model.components.map(\.name))
        func fresh(_ base: String) -> String {
            var candidate = base, suffix = 1
            while names.contains(candidate) {
                suffix += 1
                candidate = "\(base)-\(suffix)"
            }
            names.insert(candidate)
            return candidate
        }
        let probability = Dictionary(uniqueKeysWithValues: model.components.map { ($0.name, EffectiveAvailability($0).effective.probability.down) })
        var gates: [String] = [], basicEvents: [String] = [], houseEvents: [String] = []
        var ownEvent: [String: String] = [:]   // component → the event of its own failure
        for component in model.components {
            let q = probability[component.name] ?? 0
            let own = component.dependencies.isEmpty ? component.name : fresh("\(component.name)-own")
            if q > 0 {
                basicEvents.append("    <define-basic-event name=\"\(own)\"><float value=\"\(q)\"/></define-basic-event>")
                ownEvent[component.name] = "<basic-event name=\"\(own)\"/>"
            } else if component.dependencies.isEmpty {
                houseEvents.append("    <define-house-event name=\"\(own)\"><constant value=\"false\"/></define-house-event>")
            }
        }
        /// The reference to a component's failure: its gate, or its own event when it has no dependencies.
        func reference(_ name: String) -> String {
            guard let component = model.component(named: name), !component.dependencies.isEmpty else {
                return (probability[name] ?? 0) > 0 ? "<basic-event name=\"\(name)\"/>" : "<house-event name=\"\(name)\"/>"
            }
            return "<gate name=\"\(name)\"/>"
        }
        for component in model.components where !component.dependencies.isEmpty {
            var inputs = ownEvent[component.name].map { [$0] } ?? []
            for dependency in component.dependencies {
                switch dependency {
                case .component(let name, _): inputs.append(reference(name))
                case .group(let k, let members, _):
                    inputs.append(formula(failing: members.count - k + 1, of: members.map(reference), indent: "      "))
                }
            }
            gates.append(gate(component.name, or: inputs))
        }
        for objective in model.objectives {
            let name = names.contains(objective.name) ? fresh("\(objective.name)-down") : objective.name
            names.insert(name)
            gates.append(gate(name, or: objective.components.map(reference)))
        }
        let treeName = String(String.UnicodeScalarView(model.name.unicodeScalars.map { NameRules.isValid(String($0)) ? $0 : "-" }.prefix(100)))
        return ([
            "<?xml version=\"1.0\"?>",
            "<!-- Written by nines export (failure logic): every objective is a top gate; a component with dependencies a gate. -->",
            "<opsa-mef>",
            "  <define-fault-tree name=\"\(treeName.isEmpty ? "nines-model" : treeName)\">",
        ] + gates + ["  </define-fault-tree>", "  <model-data>"] + basicEvents + houseEvents + ["  </model-data>", "</opsa-mef>"])
            .joined(separator: "\n") + "\n"
    }

    /// At least `k` of `inputs` failed, as the simplest formula.
    private static func formula(failing k: Int, of inputs: [String], indent: String) -> String {
        let tag = k == 1 ? "or" : k == inputs.count ? "and" : "atleast min=\"\(k)\""
        let close = k == 1 ? "or" : k == inputs.count ? "and" : "atleast"
        guard inputs.count > 1 else { return inputs.first ?? "<constant value=\"false\"/>" }
        return "<\(tag)>" + inputs.map { "\n\(indent)  \($0)" }.joined() + "\n\(indent)</\(close)>"
    }

    private static func gate(_ name: String, or inputs: [String]) -> String {
        let body: String
        switch inputs.count {
        case 0: body = "<constant value=\"false\"/>"
        case 1: body = inputs[0]
        default: body = "<or>" + inputs.map { "\n      \($0)" }.joined() + "\n    </or>"
        }
        return "    <define-gate name=\"\(name)\">\n    " + body + "\n    </define-gate>"
    }
}
