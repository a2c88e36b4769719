/// A certified interval on an unavailability Q: the true figure lies between its two ends. It is
/// the engine's one interval type, and its ends are named by unavailability: `lower` is the end
/// with the smaller Q (the higher availability), `upper` the end with the larger Q — what a gate
/// judges. Each end is an (availability, unavailability) pair computed without cancellation, so
/// neither loses digits near 0 or 1.
public struct UnavailabilityInterval: Hashable, Sendable {
    /// The end with the smaller unavailability.
    public let lower: Probability
    /// The end with the larger unavailability.
    public let upper: Probability

    public init(lower: Probability, upper: Probability) {
        self.lower = lower
        self.upper = upper
    }

    /// A figure known exactly: both ends the same.
    init(exactly figure: Probability) { self.init(lower: figure, upper: figure) }

    /// Upper Q minus lower Q.
    public var width: Double { upper.down - lower.down }

    /// Whether the interval is at most `tolerance` of its lower unavailability wide.
    func isNarrow(relative tolerance: Double) -> Bool { width <= tolerance * lower.down }

    /// Both intervals certified: the larger lower end and the smaller upper end (this interval's
    /// end on a tie). Two certified intervals of one figure overlap up to rounding, so the ends
    /// cross by at most a rounding error.
    func intersected(with other: UnavailabilityInterval) -> UnavailabilityInterval {
        UnavailabilityInterval(lower: other.lower.down > lower.down ? other.lower : lower,
                               upper: other.upper.down < upper.down ? other.upper : upper)
    }

    /// The midpoint: Q from the lower end up, A from the upper end's availability up, so that
    /// neither loses digits.
    var midpoint: Probability { point(at: 0.5) }

    /// The point a share `fraction` (0 … 1) of the width above the lower end, each half of the
    /// pair measured from the end it is closest to in digits (Q from the lower, A from the upper).
    func point(at fraction: Double) -> Probability {
        let width = self.width
        return Probability(up: upper.up + (1 - fraction) * width, down: lower.down + fraction * width)
    }

    /// A figure moved into the interval (an end's own pair when outside).
    func clamp(_ figure: Probability) -> Probability {
        figure.down <= lower.down ? lower : figure.down >= upper.down ? upper : figure
    }

    /// An availability moved into the interval.
    func clamp(availability: Double) -> Double { min(max(availability, upper.up), lower.up) }

    /// A figure inside the interval given by its availability (an estimate clamped into it): at an
    /// end, that end's own pair, since 1 − availability would lose the unavailability's last digits
    /// and could put it a rounding error outside.
    func figure(availability: Double) -> Probability {
        availability <= upper.up ? upper : availability >= lower.up ? lower : Probability(availability: availability)
    }

    /// The interval as a plan states it: "[lower, upper] of Q".
    var described: String { "[\(Format.small(lower.down)), \(Format.small(upper.down))] of Q" }
}
