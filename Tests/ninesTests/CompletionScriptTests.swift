import ArgumentParser
import Testing
@testable import nines

/// The shell completions offer file names where a command expects a file (issue 19, item 6):
/// YAML files for models and worksheets, any file for `-o`. Checked in the scripts argument-parser
/// generates from the commands' declarations, as `scripts/install.sh` installs them.
@Suite struct CompletionScriptTests {
    static func script(_ shell: CompletionShell) -> String { NinesCommand.completionScript(for: shell) }

    @Test func bashOffersYAMLForModelsAndWorksheetsAndAnyFileForOutput() {
        let bash = Self.script(.bash)
        let yaml = "__nines_add_completions -o plusdirs -fX '!*.@(yaml|yml)'"
        // Every model command's positional files, and --fmea of report and check.
        #expect(bash.components(separatedBy: yaml).count - 1 >= 8, "\(bash)")
        #expect(bash.contains("'--fmea')\n        \(yaml)"))
        #expect(bash.contains("'-o'|'--output')\n        __nines_add_completions -f\n"))
    }

    @Test func zshAndFishToo() {
        let zsh = Self.script(.zsh)
        #expect(zsh.contains("'*:files:_files -g '\\''*.yaml *.yml'\\'''"))
        #expect(zsh.contains(":fmea:_files -g '\\''*.yaml *.yml'\\'''"))
        #expect(zsh.contains(":output:_files'"))
        let fish = Self.script(.fish)
        #expect(fish.contains("-l 'fmea'") && fish.contains("set -l exts \\'yaml\\' \\'yml\\'"))
        #expect(fish.contains("set -l exts \\'csv\\'"))
    }
}
