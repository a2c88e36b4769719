/// Everything `nines check` found, as plain data: one result per objective target, recovery
/// objective, risk rule finding and model note. Renderers format it and never compute.
package struct CheckReport: Hashable, Sendable, Codable {
    public var system: String
    public var sources: [String]
    public var calendar: String
    /// Share of each error budget that must stay unspent (from `--min-margin`), 0 to 1.
    public var minMargin: Double
    public var results: [CheckResult]
    /// The `--set` overrides applied to the model files, as given (JSON: absent when none).
    public var overrides: [String] = []

    public var failed: Int { results.filter { $0.status == .fail }.count }
    public var warnings: Int { results.filter { $0.status == .warning }.count }
    public var passed: Int { results.filter { $0.status == .pass }.count }
    /// True when nothing falls short (warnings do not fail a check).
    public var holds: Bool { failed == 0 }

    public init(system: String, sources: [String], calendar: String, minMargin: Double, results: [CheckResult]) {
        self.system = system
        self.sources = sources
        self.calendar = calendar
        self.minMargin = minMargin
        self.results = results
    }

    enum CodingKeys: String, CodingKey { case system, sources, calendar, overrides, minMargin, results, failed, warnings, passed, holds }

    public init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        system = try values.decode(String.self, forKey: .system)
        sources = try values.decode([String].self, forKey: .sources)
        calendar = try values.decode(String.self, forKey: .calendar)
        overrides = try values.decodeIfPresent([String].self, forKey: .overrides) ?? []
        minMargin = try values.decode(Double.self, forKey: .minMargin)
        results = try values.decode([CheckResult].self, forKey: .results)
    }

    public func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(system, forKey: .system)
        try values.encode(sources, forKey: .sources)
        try values.encode(calendar, forKey: .calendar)
        if !overrides.isEmpty { try values.encode(overrides, forKey: .overrides) }
        try values.encode(minMargin, forKey: .minMargin)
        try values.encode(results, forKey: .results)
        try values.encode(failed, forKey: .failed)
        try values.encode(warnings, forKey: .warnings)
        try values.encode(passed, forKey: .passed)
        try values.encode(holds, forKey: .holds)
    }
}

/// One evaluated rule, located at the line of the model it is about.
package struct CheckResult: Hashable, Sendable, Codable {
    package enum Status: String, Hashable, Sendable, Codable { case pass, fail, warning }
    package enum Category: String, Hashable, Sendable, Codable { case objective, recovery, risk, model }

    /// Stable identifier, e.g. "submit-job/target", "job-completes/rto".
    public var id: String
    /// The rule it comes from, e.g. "objective-target" (SARIF rule id, JUnit class).
    public var rule: String
    public var category: Category
    public var status: Status
    /// One line: what was predicted against what was required.
    public var message: String
    /// Supporting lines (period and calendar, exclusions, allowed recovery…).
    public var details: [String]
    public var file: String
    public var line: Int
    public var column: Int

    public init(id: String, rule: String, category: Category, status: Status, message: String, details: [String] = [],
                location: ModelLocation) {
        self.id = id
        self.rule = rule
        self.category = category
        self.status = status
        self.message = message
        self.details = details
        file = location.file
        line = location.line
        column = location.column
    }
}
