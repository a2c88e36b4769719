/// The components a set of components needs, directly or through other components.
public enum DependencyClosure {
    /// `start` and everything it depends on (plain and group dependencies), in model order.
    public static func of(_ start: [String], in model: SystemModel) -> [String] {
        var seen = Set<String>()
        var stack = start
        while let name = stack.popLast() {
            guard seen.insert(name).inserted, let component = model.component(named: name) else { continue }
            stack.append(contentsOf: component.dependencyNames)
        }
        return model.components.map(\.name).filter(seen.contains)
    }
}
