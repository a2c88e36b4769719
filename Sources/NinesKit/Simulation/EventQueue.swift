/// The next event time of every slot in a tournament tree: the earliest is at the root, and
/// changing one slot's time replays only its path (log₂ slots comparisons). Flat storage,
/// allocated once per chunk; nothing is allocated per event.
struct EventQueue {
    private let leaves: Int
    private let time: UnsafeMutablePointer<Double>
    private let winner: UnsafeMutablePointer<Int32>

    init(slots: Int) {
        var leaves = 1
        while leaves < max(1, slots) { leaves <<= 1 }
        self.leaves = leaves
        time = .allocate(capacity: 2 * leaves)
        time.initialize(repeating: .infinity, count: 2 * leaves)
        winner = .allocate(capacity: 2 * leaves)
        winner.initialize(repeating: 0, count: 2 * leaves)
        for slot in 0..<leaves { winner[leaves + slot] = Int32(slot) }
        for node in stride(from: leaves - 1, through: 1, by: -1) { winner[node] = winner[2 * node] }
    }

    func deallocate() {
        time.deallocate()
        winner.deallocate()
    }

    /// Earliest pending time and its slot (ties go to the lower slot).
    @inline(__always) var nextTime: Double { time[1] }
    @inline(__always) var nextSlot: Int { Int(winner[1]) }

    @inline(__always)
    func schedule(_ slot: Int, at t: Double) {
        var node = leaves + slot
        time[node] = t
        node >>= 1
        while node > 0 {
            let left = node << 1
            let a = time[left], b = time[left + 1]
            if a <= b {
                time[node] = a
                winner[node] = winner[left]
            } else {
                time[node] = b
                winner[node] = winner[left + 1]
            }
            node >>= 1
        }
    }
}
