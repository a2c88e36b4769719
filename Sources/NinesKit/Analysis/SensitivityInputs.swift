/// One input figure of the model that `nines sensitivity` moves: a component's unavailability
/// (for a stated availability), MTBF, failure rate, MTTR, common cause, failover detection or
/// switch time, or masking window; `scaled(by:)` edits the component with the figure times a factor.
struct SensitivityInput: Sendable {
    let component: String
    /// The field as the model names it: `availability`, `mtbf`, `rate`, `mttr`, `common_cause`, `failover.detect`, …
    let field: String
    /// The figure's value in the unit it is moved in: unavailability for `availability`, hours for
    /// times, per hour for `rate`, a share for `common_cause`.
    let value: Double
    let scaled: @Sendable (Double) -> @Sendable (inout Component) -> Void

    /// Every input figure of a component counted in the SLA, in a fixed order.
    static func inputs(of component: Component) -> [SensitivityInput] {
        guard component.responsibility.countsAgainstSLA else { return [] }
        let name = component.name
        var inputs: [SensitivityInput] = []
        switch component.figures {
        case .availability(let availability, let mttr):
            // Moved as unavailability (1 − A), the figure the arithmetic keeps exact.
            inputs.append(SensitivityInput(component: name, field: "availability", value: availability.down) { factor in { edited in
                let down = min(1, availability.down * factor)
                edited.figures = .availability(Probability(up: 1 - down, down: down), mttr: mttr)
            } })
        case .mtbf(let mtbf, let mttr):
            inputs.append(SensitivityInput(component: name, field: "mtbf", value: mtbf) { factor in { $0.figures = .mtbf(mtbf * factor, mttr: mttr) } })
            inputs.append(SensitivityInput(component: name, field: "mttr", value: mttr) { factor in { $0.figures = .mtbf(mtbf, mttr: mttr * factor) } })
        case .rate(let rate, let mttr):
            inputs.append(SensitivityInput(component: name, field: "rate", value: rate) { factor in { $0.figures = .rate(rate * factor, mttr: mttr) } })
            inputs.append(SensitivityInput(component: name, field: "mttr", value: mttr) { factor in { $0.figures = .rate(rate, mttr: mttr * factor) } })
        }
        if component.commonCause > 0 {
            let beta = component.commonCause
            inputs.append(SensitivityInput(component: name, field: "common_cause", value: beta) { factor in { $0.commonCause = min(0.999999, beta * factor) } })
        }
        if let failover = component.failover {
            if failover.detect > 0 {
                inputs.append(SensitivityInput(component: name, field: "failover.detect", value: failover.detect) { factor in {
                    $0.failover?.detect = failover.detect * factor } })
            }
            if failover.switchover > 0 {
                inputs.append(SensitivityInput(component: name, field: "failover.switch", value: failover.switchover) { factor in {
                    $0.failover?.switchover = failover.switchover * factor } })
            }
        }
        if let window = component.maskedFor, window > 0 {
            inputs.append(SensitivityInput(component: name, field: "masked_for", value: window) { factor in { $0.maskedFor = window * factor } })
        }
        return inputs
    }
}
