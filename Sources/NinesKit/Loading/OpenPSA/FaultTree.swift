/// A coherent fault tree in failure logic, as read from Open-PSA MEF files: gates over events,
/// basic events with a probability of failure, house events set true or false. Names are as
/// written; every definition keeps where it was made, so later checks can point at it.
struct FaultTree {
    /// A gate's formula: failure logic (`or`: any input failed; `and`: all failed; `atLeast`: k of them).
    indirect enum Formula {
        case event(String, at: ModelLocation)
        case constant(Bool)
        case or([Formula])
        case and([Formula])
        case atLeast(Int, [Formula], at: ModelLocation)
    }

    struct Gate {
        let name: String
        let formula: Formula
        let location: ModelLocation
    }

    struct BasicEvent {
        let name: String
        /// Probability of failure at the mission time, in [0, 1].
        let probability: Double
        /// The decimal text the probability was written as, when it was one number (kept so the
        /// availability written for it keeps every digit).
        let text: String?
        let location: ModelLocation
    }

    struct HouseEvent {
        let name: String
        let state: Bool
        let location: ModelLocation
    }

    /// The fault trees' names, in document order.
    var names: [String] = []
    /// Gates in document order.
    var gates: [Gate] = []
    var basicEvents: [String: BasicEvent] = [:]
    var houseEvents: [String: HouseEvent] = [:]
    /// Basic events in document order (dictionaries never reach output in their own order).
    var basicEventOrder: [String] = []
}
