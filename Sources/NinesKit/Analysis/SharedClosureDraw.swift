/// One plain Monte Carlo draw shared by every closure no exact route reached: each sample's
/// failures are propagated to every component (not stopped at the first target down), and each
/// target's closure counts the samples it was down in. A fault tree of 3,000 events (nus9601) had
/// 438 such closures, each drawing its own samples or listing its likeliest cut sets for bounds,
/// 60 % of the report's time; one draw serves all of them whose outage is common enough for the
/// sample to state an error below `FailureBiasedSampling.targetRelativeError`. The rest take the
/// per-figure route. Same seed, same stream of component states as `SystemSampling.draw`.
struct SharedClosureDraw: Sendable {
    /// Samples drawn, and by target component the samples in which its closure was down.
    let samples: Int
    private let downCounts: [Int: Int]

    /// Fewest closures worth a shared draw: below it the per-figure route stays (it can tighten
    /// the certified interval with cut sets).
    static let minimumClosures = 16
    /// Work the shared draw may take: ten single draws' (it replaces hundreds).
    static let workBudget = 10 * SystemSampling.workBudget

    init(sampling: SystemSampling, targets: [Int], seed: UInt64) {
        var slot = [Int](repeating: -1, count: sampling.down.count)
        for (index, target) in targets.enumerated() { slot[target] = index }
        var counts = [Int](repeating: 0, count: targets.count)
        samples = sampling.drawWhole(seed: seed, workBudget: Self.workBudget) { component in
            if slot[component] >= 0 { counts[slot[component]] += 1 }
        }
        downCounts = Dictionary(uniqueKeysWithValues: targets.enumerated().map { ($1, counts[$0]) })
    }

    /// Whether the draw counted `component`'s closure.
    func covers(_ component: Int) -> Bool { downCounts[component] != nil }

    /// The draw's counts for `component`'s closure, when its relative error is below the target.
    func counts(of component: Int) -> (up: Int, samples: Int)? {
        guard let down = downCounts[component],
              CompiledFigures.relativeError(outages: down, samples: samples) < FailureBiasedSampling.targetRelativeError else { return nil }
        return (samples - down, samples)
    }
}

extension SystemSampling {
    /// Draws as `draw` does (same seed, same component states), but carries every sample's
    /// failures up to every component and hands each component found down, once per sample, to
    /// `down`. Returns how many samples were drawn (stops after the batch that passes `workBudget`).
    func drawWhole(seed: UInt64, workBudget: Int, down found: (Int) -> Void) -> Int {
        let count = down.count
        var random = Xoshiro256StarStar(seed: seed)
        var failures = [[Int]](repeating: [], count: Self.batch)
        var downMark = [Int](repeating: -1, count: count)
        var queuedMark = [Int](repeating: -1, count: count)
        var queue = LevelQueue()
        var done = 0, work = 0
        while done < Self.samples && (done == 0 || work < workBudget) {
            let size = min(Self.batch, Self.samples - done)
            work += Self.drawFailures(&failures, size: size, down: down, logUp: logUp, &random)
            for index in 0..<size {
                let sample = done + index
                for component in failures[index] where downMark[component] != sample {
                    downMark[component] = sample
                    found(component)
                }
                for component in failures[index] { enqueueParents(of: component, sample, &queue, &queuedMark) }
                while let component = queue.popDeepest() {
                    work += 1
                    guard downMark[component] != sample, isDown(component, sample, downMark) else { continue }
                    downMark[component] = sample
                    found(component)
                    enqueueParents(of: component, sample, &queue, &queuedMark)
                }
                queue.removeAll()
            }
            done += size
        }
        return done
    }
}
