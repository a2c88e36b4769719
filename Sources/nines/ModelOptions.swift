import ArgumentParser
import NinesKit

/// The model files and the calendar convention; shared by every command that reads a model.
struct ModelOptions: ParsableArguments {
    @Argument(help: "Model file(s) in YAML (`-` reads standard input); several files are merged into one model.",
              completion: .yamlFile)
    var files: [String]

    @OptionGroup var calendar: CalendarOptions

    @OptionGroup var inputLimit: InputLimitOptions

    @OptionGroup var overrides: OverrideOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one model file") }
    }

    func applyCalendar(to model: inout SystemModel) { calendar.apply(to: &model) }
}

/// `--year-days` and `--month`: the calendar convention, for every command that reads a model
/// (`diff` takes it without `ModelOptions`' file list, since it reads two versions).
struct CalendarOptions: ParsableArguments {
    @Option(name: .customLong("year-days"), help: "Length of a year in days: 365 or 365.25 (default: the model's, else 365).")
    var yearDays: Double?

    @Option(help: "Month rule: '30d' or 'year/12' (default: the model's, else 30d).")
    var month: String?

    func validate() throws {
        if let yearDays, yearDays != 365, yearDays != 365.25 {
            throw ValidationError("--year-days must be 365 or 365.25, found \(yearDays)")
        }
        if let month, CalendarConvention.MonthRule(rawValue: month) == nil {
            throw ValidationError("--month must be '30d' or 'year/12', found '\(month)'")
        }
    }

    func apply(to model: inout SystemModel) {
        if let yearDays { model.calendar.yearDays = yearDays }
        if let month, let rule = CalendarConvention.MonthRule(rawValue: month) { model.calendar.month = rule }
    }
}
