/// A repair crew (`repair_crews: {oncall: {size: 1}}`): the people who repair the components that
/// name it (`crew: oncall`). At most `size` repairs run at once; a failure that finds every member
/// busy waits in the crew's queue, first come first served, or by the components' `priority:`
/// (1 first; a repair in progress is not interrupted). docs/model-format.md, "Repair crews".
package struct RepairCrew: Hashable, Sendable {
    package var name: String
    package var size: Int
    package var location: ModelLocation

    package init(name: String, size: Int, location: ModelLocation) {
        self.name = name
        self.size = size
        self.location = location
    }
}

/// A component's place in a crew's queue (`crew: oncall`, optionally `priority: 1`).
package struct CrewMembership: Hashable, Sendable {
    package var crew: String
    /// Smaller is served first; nil after every stated priority.
    package var priority: Int?
    /// Where `crew:` is written (an unknown crew is reported there).
    package var location: ModelLocation
    /// The instances as the model states them, before CrewFolding made the component one unit
    /// with its figures from the crew's chain; the simulator plays these.
    package var stated: Standby.Units?

    package init(crew: String, priority: Int?, location: ModelLocation) {
        self.crew = crew
        self.priority = priority
        self.location = location
    }

    /// The order key of the queue: stated priorities first, then the rest.
    var rank: Int { priority ?? Int.max }
}
