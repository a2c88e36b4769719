import Foundation

/// A seeded Monte Carlo estimate of "all these components up" (the whole system: every top-level
/// component), for figures no exact method reaches or whose certified interval is too wide to say
/// much (see `FigureMethod`).
///
/// Each sample draws every component's state independently from the same figure the exact engine
/// uses for it (own replicas, common cause, failover and masking folded in), and asks whether
/// every target component is up. Samples are cheap because failures are
/// rare: the failed components of a batch of samples are drawn by geometric skips (one draw per
/// failure, not per component and sample), and only the components above a failure are
/// re-evaluated, children before parents. The same seed always gives the same estimate.
struct SystemSampling: Sendable {
    // The structure in flat arrays (no per-component arrays to retain in the hot loop):
    // component c's requirements are requirementStart[c]..<requirementStart[c + 1]; requirement r
    // needs `needed[r]` of members[memberStart[r]..<memberStart[r + 1]] up (a plain dependency is
    // "1 of 1"); c's parents are parentList[parentStart[c]..<parentStart[c + 1]].
    let requirementStart: [Int]
    let needed: [Int]
    let memberStart: [Int]
    let members: [Int]
    let parentStart: [Int]
    let parentList: [Int]
    let level: [Int32]
    let isTarget: [Bool]
    /// Probability that each component (by index) is down, and ln(1 − q) for the geometric skips.
    let down: [Double]
    let logUp: [Double]

    /// At most this many samples; fewer on very large models, where each sample touches hundreds of
    /// failed components: sampling stops after the first batch that brings the work (components
    /// scanned, failures drawn, components re-evaluated) past `workBudget`, but never before
    /// `batch` samples. Work is counted, not timed, so the same model and seed give the same answer.
    static let samples = 20_480
    static let batch = 1024
    static let workBudget = 2_000_000

    /// - Parameter targets: the components that must all be up (component indices); the roots
    ///   (the whole system) when nil.
    init(structure: CompiledStructure, figures: [Probability], targets: [Int]? = nil) {
        self.init(dependencies: structure.dependencies, levelOf: structure.levelOf, targets: targets ?? structure.roots, figures: figures)
    }

    /// Needs only the variable order, not the diagram: it can be built before compilation.
    init(order: ComponentOrder, figures: [Probability]) {
        self.init(dependencies: order.dependencies, levelOf: order.levelOf, targets: order.roots, figures: figures)
    }

    /// - Parameters: `levelOf`: any order with every component above (smaller than) its dependencies;
    ///   `targets`: the components that must all be up.
    private init(dependencies: ResolvedDependencies, levelOf: [Int32], targets: [Int], figures: [Probability]) {
        let count = figures.count
        (requirementStart, needed, memberStart, members) =
            (dependencies.requirementStart, dependencies.needed, dependencies.memberStart, dependencies.members)
        // Parents of each component, each once (a component may name a dependency twice, in two groups).
        var parentCount = [Int](repeating: 0, count: count + 1)
        var lastParent = [Int](repeating: -1, count: count)
        for component in 0..<count {
            for child in dependencies.dependencies(of: component) where lastParent[child] != component {
                lastParent[child] = component
                parentCount[child] += 1
            }
        }
        var parentStart = [Int](repeating: 0, count: count + 1)
        for component in 0..<count { parentStart[component + 1] = parentStart[component] + parentCount[component] }
        var parentList = [Int](repeating: 0, count: parentStart[count])
        var filled = parentStart
        lastParent = [Int](repeating: -1, count: count)
        for component in 0..<count {   // ascending, so each child's parents come out sorted
            for child in dependencies.dependencies(of: component) where lastParent[child] != component {
                lastParent[child] = component
                parentList[filled[child]] = component
                filled[child] += 1
            }
        }
        (self.parentStart, self.parentList) = (parentStart, parentList)
        level = levelOf
        var isTarget = [Bool](repeating: false, count: count)
        for target in targets { isTarget[target] = true }
        self.isTarget = isTarget
        down = figures.map(\.down)
        logUp = figures.map { $0.down >= 1 ? -.infinity : log1p(-$0.down) }
    }

    /// How many samples were drawn and in how many every top-level component was up.
    /// `stop` is asked before each batch; when it says yes the draw ends early and its counts are
    /// partial (used only to abandon an estimate nobody will read).
    func systemUpCount(samples: Int = samples, seed: UInt64, stop: () -> Bool = { false }) -> (up: Int, samples: Int) {
        var up = 0
        let done = draw(down: down, logUp: logUp, samples: samples, seed: seed, workBudget: Self.workBudget, stop: stop) { _, systemDown in
            if !systemDown { up += 1 }
        }
        return (up, done)
    }

    /// Draws up to `samples` states, each component down with probability `down[c]` (the model's
    /// own figures, or biased ones), and hands each sample's failed components and whether the
    /// targets are down to `visit`. Returns how many samples were drawn: it stops after the first
    /// batch that brings the work past `workBudget` (never before one batch), or when `stop` says so.
    /// `force` may add components to each sample's failures before it is evaluated (importance
    /// sampling that sets a cut set down: `CutSetMixtureSampling`); a component may then appear twice.
    func draw(down: [Double], logUp: [Double], samples: Int, seed: UInt64, workBudget: Int, stop: () -> Bool,
              force: (_ failures: inout [Int]) -> Void = { _ in },
              visit: (_ failures: [Int], _ systemDown: Bool) -> Void) -> Int {
        let count = down.count
        var random = Xoshiro256StarStar(seed: seed)
        var failures = [[Int]](repeating: [], count: Self.batch)
        var downMark = [Int](repeating: -1, count: count)
        var queuedMark = [Int](repeating: -1, count: count)
        var queue = LevelQueue()
        var done = 0
        var work = 0
        while done < samples && (done == 0 || work < workBudget) && !stop() {
            let size = min(Self.batch, samples - done)
            work += Self.drawFailures(&failures, size: size, down: down, logUp: logUp, &random)
            for index in 0..<size {
                let sample = done + index
                force(&failures[index])
                var systemDown = false
                for component in failures[index] {
                    downMark[component] = sample
                    if isTarget[component] { systemDown = true }
                }
                if !systemDown {
                    for component in failures[index] { enqueueParents(of: component, sample, &queue, &queuedMark) }
                    while let component = queue.popDeepest() {
                        work += 1
                        guard downMark[component] != sample, isDown(component, sample, downMark) else { continue }
                        downMark[component] = sample
                        if isTarget[component] { systemDown = true; break }
                        enqueueParents(of: component, sample, &queue, &queuedMark)
                    }
                    queue.removeAll()
                }
                visit(failures[index], systemDown)
            }
            done += size
        }
        return done
    }

    /// Fills `failures[0..<size]` with each sample's failed components (a batch), drawn by
    /// geometric skips; returns the work (failures drawn and components scanned).
    @inline(__always)
    static func drawFailures(_ failures: inout [[Int]], size: Int, down: [Double], logUp: [Double],
                             _ random: inout Xoshiro256StarStar) -> Int {
        var work = 0
        for index in 0..<size { failures[index].removeAll(keepingCapacity: true) }
        for component in 0..<down.count where down[component] > 0 {
            // Samples where this component is down: gaps between them are geometric.
            var position = -1
            while true {
                let gap = down[component] >= 1 ? 0 : (log(random.nextOpenUnit()) / logUp[component]).rounded(.down)
                if Double(position) + 1 + gap >= Double(size) { break }   // compared as doubles: gaps can be astronomically long
                position += 1 + Int(gap)
                failures[position].append(component)
                work += 1
            }
        }
        return work + down.count
    }

    func enqueueParents(of component: Int, _ sample: Int, _ queue: inout LevelQueue, _ queuedMark: inout [Int]) {
        for parent in parentList[parentStart[component]..<parentStart[component + 1]] where queuedMark[parent] != sample {
            queuedMark[parent] = sample
            queue.push(parent, level: level[parent])
        }
    }

    /// Whether `component` is down in `sample` given its dependencies' marks (its own failure is marked already).
    func isDown(_ component: Int, _ sample: Int, _ downMark: [Int]) -> Bool {
        for requirement in requirementStart[component]..<requirementStart[component + 1] {
            var upCount = 0
            for member in members[memberStart[requirement]..<memberStart[requirement + 1]] where downMark[member] != sample { upCount += 1 }
            if upCount < needed[requirement] { return true }
        }
        return false
    }
}

/// Components waiting to be re-evaluated, deepest level first (dependencies sit at higher levels
/// than what needs them, so a component is popped only after every dependency that could change).
struct LevelQueue {
    private var heap: [(level: Int32, component: Int)] = []

    mutating func push(_ component: Int, level: Int32) {
        heap.append((level, component))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if heap[parent].level >= heap[child].level { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    mutating func popDeepest() -> Int? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var deepest = parent
            if left < heap.count && heap[left].level > heap[deepest].level { deepest = left }
            if right < heap.count && heap[right].level > heap[deepest].level { deepest = right }
            if deepest == parent { break }
            heap.swapAt(parent, deepest)
            parent = deepest
        }
        return top.component
    }

    mutating func removeAll() { heap.removeAll(keepingCapacity: true) }
}
