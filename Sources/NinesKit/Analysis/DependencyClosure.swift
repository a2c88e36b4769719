/// The components a set of components needs, directly or through other components.
public enum DependencyClosure {
    /// `start` and everything it depends on (plain and group dependencies), in model order.
    /// `index` maps names to positions in `model.components` (pass it when calling repeatedly).
    public static func of(_ start: [String], in model: SystemModel, index: [String: Int]? = nil) -> [String] {
        let index = index ?? Self.index(model)
        var seen = [Bool](repeating: false, count: model.components.count)
        var stack = start.compactMap { index[$0] }
        while let position = stack.popLast() {
            guard !seen[position] else { continue }
            seen[position] = true
            stack.append(contentsOf: model.components[position].dependencyNames.compactMap { index[$0] })
        }
        return model.components.indices.filter { seen[$0] }.map { model.components[$0].name }
    }

    /// Position of each component name in `model.components`.
    public static func index(_ model: SystemModel) -> [String: Int] {
        Dictionary(model.components.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
