/// Which of a model's objectives and its system (the targets a compilation is judged by) can
/// still be one diagram while closures are built: a closure that is not one diagram makes every
/// closure above it a conjunction, so every target that reaches it is lost. Lets a compilation
/// that is only kept when it makes more targets one diagram stop once it no longer can.
struct ReachableTargets {
    /// By target (objectives in model order, then the system): the components it reaches.
    private let reaches: [[Bool]]
    private var alive: [Int]

    init(_ model: SystemModel, order: ComponentOrder) {
        let starts = model.objectives.map { $0.components.compactMap { order.indexOf[$0] } } + [order.roots]
        let count = order.names.count
        reaches = starts.map { start in
            var reached = [Bool](repeating: false, count: count)
            var stack = start
            while let component = stack.popLast() {
                guard !reached[component] else { continue }
                reached[component] = true
                stack.append(contentsOf: order.dependencies.dependencies(of: component))
            }
            return reached
        }
        alive = Array(reaches.indices)
    }

    /// Marks the targets that reach `component` as lost; returns how many are left.
    mutating func lose(_ component: Int) -> Int {
        alive.removeAll { reaches[$0][component] }
        return alive.count
    }
}
