/// The one rule for "a figure meets its target", used by the report, the SLA prediction and the
/// CI gate alike: the unavailability it is judged by (the upper unavailability of a bounded or
/// estimated figure, see `FlowFigures.judged`) leaves at least `minMargin` of the budget:
/// Q ≤ (1 − target) · (1 − minMargin).
public enum TargetRule {
    public static func holds(unavailability q: Double, targetUnavailability budget: Double, minMargin: Double = 0) -> Bool {
        q <= budget * (1 - minMargin)
    }
}
