/// One repair crew's queue in steady state (CrewChain, or CrewQueueSimulation past the chain's
/// limit): each member's own unavailability and outage frequency with repairs that wait for the
/// crew, the joint distribution of which members are down together, and the mean wait for a repair.
package struct CrewQueueFigures: Hashable, Sendable {
    /// How the figures were obtained.
    package enum Method: Hashable, Sendable {
        case exact(states: Int)
        /// Past the chain's limit: played for `hours` with `seed` (CrewQueueSimulation).
        case simulated(hours: Double, seed: UInt64)
    }

    /// One set of members down together: bit i of `down` is `members[i]`.
    package struct JointState: Hashable, Sendable {
        package var down: UInt32
        package var probability: Double
    }

    /// A failure that changes which members are down: from one set to a larger one, how often.
    package struct JointFailure: Hashable, Sendable {
        package var from: UInt32
        package var to: UInt32
        /// Transitions per hour (π times the rate, summed over the queues with that set).
        package var flow: Double
    }

    package var crew: String
    package var size: Int
    /// Component names, in model order.
    package var members: [String]
    /// Every set of members down together with its probability, likeliest first.
    package var joint: [JointState]
    /// The failures that take a member down, between sets of members down.
    package var failures: [JointFailure]
    /// Each member's own mean unavailability, in `members` order.
    package var unavailability: [Double]
    /// Each member's outages per hour.
    package var frequency: [Double]
    /// Mean hours a failed instance waits before its repair starts.
    package var meanWaitHours: Double
    /// Failures per hour the crew receives.
    package var failuresPerHour: Double
    package var method: Method
}
