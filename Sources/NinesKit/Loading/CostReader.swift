/// Reads `costs:`: what each kind of design change costs, for `nines advise`.
///
///     costs:
///       replica: { default: 200/month, job-store: 900/month }
///       mttr: 300/month          # one price for every component
///
/// Kinds are `DesignChange.Kind` names; prices are a non-negative amount per period (`day`,
/// `week`, `month`, `quarter`, `year` or e.g. `28d`); names are components of the same file.
struct CostReader {
    let diagnostics: DiagnosticCollector

    func read(_ value: YAMLValue, components: [String]) -> ChangeCosts? {
        guard let fields = MappingReader(value, context: "'costs'", diagnostics: diagnostics) else { return nil }
        let kinds = DesignChange.Kind.allCases.map(\.rawValue)
        var result: [String: ChangeCosts.Prices] = [:]
        for (key, body) in fields.entries {
            guard kinds.contains(key.text) else {
                diagnostics.error(key.location, "unknown kind of change '\(key.clipped)' in 'costs'"
                                  + Suggestion.hint(for: key.text, in: kinds) + "; the kinds are " + kinds.joined(separator: ", "),
                                  length: key.text.count)
                continue
            }
            if case .scalar(let scalar) = body {
                if let price = price(scalar, of: key.text) { result[key.text] = ChangeCosts.Prices(fallback: price) }
                continue
            }
            guard let prices = MappingReader(body, context: "'\(key.text)' of 'costs'", diagnostics: diagnostics) else { continue }
            var entry = ChangeCosts.Prices()
            for (name, priceValue) in prices.entries {
                guard name.text == "default" || components.contains(name.text) else {
                    diagnostics.error(name.location, "'\(key.text)' of 'costs' prices unknown component '\(name.clipped)'"
                                      + Suggestion.hint(for: name.text, in: ["default"] + components), length: name.text.count)
                    continue
                }
                guard case .scalar(let scalar) = priceValue else {
                    diagnostics.error(priceValue.location, "the price of '\(key.text)' for '\(name.text)' must be an amount per period "
                                      + "such as '200/month', found \(priceValue.kindDescription)")
                    continue
                }
                guard let price = price(scalar, of: key.text) else { continue }
                if name.text == "default" { entry.fallback = price } else { entry.components[name.text] = price }
            }
            result[key.text] = entry
        }
        return ChangeCosts(kinds: result)
    }

    private func price(_ scalar: YAMLScalar, of kind: String) -> ChangeCosts.Price? {
        let parts = scalar.text.split(separator: "/", maxSplits: 1).map { QuantityParser.trimmingWhitespace(String($0)) }
        if parts.count == 2, let amount = QuantityParser.decimal(parts[0]), amount >= 0, amount.isFinite,
           case .success(let period) = PeriodParser.parse(parts[1]) {
            return ChangeCosts.Price(amount: amount, period: period)
        }
        diagnostics.error(scalar.location, "a price in 'costs' ('\(kind)') must be an amount per period such as '200/month' "
                          + "(day, week, month, quarter, year or e.g. 28d), found '\(scalar.clipped)'", length: scalar.text.count)
        return nil
    }
}
