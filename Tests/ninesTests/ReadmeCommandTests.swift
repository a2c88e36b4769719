import ArgumentParser
import Foundation
import Testing
@testable import nines

/// Every command line the README shows is one `nines` accepts: the synopses of the Commands table
/// (each optional part and each alternative), the commands of its examples, and the options it
/// says the model commands share. Only argument parsing (with `validate()`) runs, so the files
/// named need not exist.
@Suite struct ReadmeCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let readme = (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// Values for the placeholders of the Commands table.
    static let placeholders: [String: [String]] = [
        "MODEL…": ["a.yaml", "b.yaml"], "MODEL.yaml": ["model.yaml"], "OLD.yaml": ["old.yaml"], "NEW.yaml": ["new.yaml"],
        "REV": ["origin/main"], "WORKSHEET": ["model.fmea.yaml"], "N": ["1000"], "S": ["7"], "T": ["2"], "P": ["0.01"],
        "FILE": ["out.file"], "INCIDENTS.csv": ["incidents.csv"], "TIME": ["2026-01-01T00:00:00Z"], "OVERLAY.yaml": ["overlay.yaml"], "W": ["2"], "NAME": ["submit-job"], "X": ["99.95%"], "COMPONENT": ["az-a"], "K": ["5"], "ORDER": ["3"],
        "URL": ["http://127.0.0.1:9090"],
        "PATH…": ["examples/k8s"], "PROVIDER": ["aws"], "STATE.json": ["state.json"], "RESULT…": ["result.yaml", "chaosresult.yaml"],
    ]

    /// The code spans of the Commands table's first column, `\|` read as `|`.
    static var synopses: [String] {
        readme.split(separator: "\n").filter { $0.hasPrefix("| `nines ") }.flatMap { row -> [String] in
            let cell = row.dropFirst(2).components(separatedBy: "` | ").first ?? ""
            return (cell + "`").split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { $0.element.replacingOccurrences(of: "\\|", with: "|") }
        }
    }

    /// `nines …` lines of the README's examples: `$ …` lines of any block, every line of `sh`
    /// blocks; `swift run` dropped, `&&` chains split, pipes, redirections and comments removed.
    static var exampleCommands: [[String]] {
        var commands: [[String]] = []
        var block: String?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { block = block == nil ? String(line.dropFirst(3)) : nil; continue }
            guard let kind = block else { continue }
            let shell: String
            if line.hasPrefix("$ ") { shell = String(line.dropFirst(2)) } else if kind == "sh" { shell = line } else { continue }
            for segment in shell.components(separatedBy: "&&") {
                var words = segment.split(separator: " ").map(String.init)
                if let comment = words.firstIndex(where: { $0.hasPrefix("#") }) { words.removeSubrange(comment...) }
                if let redirect = words.firstIndex(of: ">") { words.removeSubrange(redirect...) }
                if let pipe = words.firstIndex(of: "|") { words.removeSubrange(pipe...) }
                if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
                if words.first == "nines" { commands.append(Array(words.dropFirst())) }
            }
        }
        return commands
    }

    /// Each synopsis as argument lists: the required part, then each optional part with each of
    /// its alternatives, then all optional parts together.
    static func expand(_ synopsis: String) throws -> [[String]] {
        let groups = synopsis.matches(of: /\[([^\]]+)\]/).map { String($0.1) }
        let base = synopsis.replacing(/\s*\[[^\]]+\]/, with: "")
        let required = try words(base).dropFirst()
        var commands = [Array(required)]
        for group in groups {
            let parts = try words(group)
            for (index, word) in parts.enumerated() where word.contains("|") {
                for alternative in word.split(separator: "|") {
                    var chosen = parts
                    chosen[index] = String(alternative)
                    commands.append(required + chosen)
                }
            }
            if !parts.contains(where: { $0.contains("|") }) { commands.append(required + parts) }
        }
        if groups.count > 1 {
            commands.append(try required + groups.flatMap { try words($0).map { $0.split(separator: "|").first.map(String.init) ?? $0 } })
        }
        return commands
    }

    /// Words of a synopsis with placeholders replaced by sample values.
    static func words(_ text: String) throws -> [String] {
        try text.split(separator: " ").flatMap { word -> [String] in
            let word = String(word)
            if let value = placeholders[word] { return value }
            let isPlaceholder = word.uppercased() == word && word.contains(where: \.isLetter) && !word.hasPrefix("-")
            try #require(!isPlaceholder, "placeholder '\(word)' in the README's Commands table has no sample value here")
            return [word]
        }
    }

    static func parses(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try NinesCommand.parseAsRoot(arguments)
        } catch {
            // `--help` is a clean exit, not a failure.
            if NinesCommand.exitCode(for: error) != .success {
                Issue.record("nines \(arguments.joined(separator: " ")): \(NinesCommand.fullMessage(for: error))",
                             sourceLocation: sourceLocation)
            }
        }
    }

    @Test func theCommandsTableListsEveryCommand() {
        let listed = Set(Self.synopses.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) })
        let commands = Set(NinesCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" })
        #expect(listed.isSuperset(of: ["report", "check", "diff", "simulate", "fmea"]))
        #expect(listed == commands, "README lists \(listed.sorted()), nines has \(commands.sorted())")
    }

    @Test func everySynopsisOfTheCommandsTableParses() throws {
        #expect(Self.synopses.count >= 6)
        for synopsis in Self.synopses {
            let words = synopsis.split(separator: " ").map(String.init)
            // `nines fmea init|rank|export|import`: each a subcommand with its own help.
            if words.count == 3, words[2].contains("|") {
                for subcommand in words[2].split(separator: "|") { Self.parses([words[1], String(subcommand), "--help"]) }
                continue
            }
            for arguments in try Self.expand(synopsis) { Self.parses(arguments) }
        }
    }

    @Test func everyExampleCommandParses() {
        let commands = Self.exampleCommands
        #expect(commands.count >= 6)
        for arguments in commands { Self.parses(arguments) }
    }

    /// "`report`, `check`, `simulate` and `diff` (each side) read several model files … and take
    /// the calendar options".
    @Test(arguments: ["report", "check", "simulate"])
    func modelCommandsTakeSeveralFilesAndTheCalendar(command: String) throws {
        #expect(Self.readme.contains("`report`, `check`, `simulate` and `diff` (each side) read several model files"))
        let parsed = try NinesCommand.parseAsRoot([command, "a.yaml", "b.yaml", "--year-days", "365.25", "--month", "year/12"])
        let model = try #require((parsed as? ReportCommand)?.model ?? (parsed as? CheckCommand)?.model ?? (parsed as? SimulateCommand)?.model)
        #expect(model.files == ["a.yaml", "b.yaml"])
        #expect(model.calendar.yearDays == 365.25 && model.calendar.month == "year/12")
    }

    /// … "and `diff` (each side)": several files for the old and the new version, or against git.
    @Test func diffTakesSeveralFilesPerSideAndTheCalendar() throws {
        let calendar = ["--year-days", "365.25", "--month", "year/12"]
        let sides = try #require(try NinesCommand.parseAsRoot(["diff", "--old", "a.yaml", "b.yaml", "--new", "c.yaml", "d.yaml"] + calendar)
                                 as? DiffCommand)
        #expect(sides.old == ["a.yaml", "b.yaml"] && sides.new == ["c.yaml", "d.yaml"])
        #expect(sides.calendar.yearDays == 365.25 && sides.calendar.month == "year/12")
        let git = try #require(try NinesCommand.parseAsRoot(["diff", "--base", "origin/main", "a.yaml", "b.yaml"] + calendar) as? DiffCommand)
        #expect(git.files == ["a.yaml", "b.yaml"] && git.base == "origin/main")
    }

    /// "`fmea init` scaffolds from one model file".
    @Test func fmeaInitReadsOneModelFile() throws {
        #expect(Self.readme.contains("`fmea init` scaffolds from one model file"))
        let parsed = try #require(try NinesCommand.parseAsRoot(["fmea", "init", "model.yaml"]) as? FMEAInitCommand)
        #expect(parsed.model == "model.yaml")
    }
}
