import ArgumentParser
import Foundation
import NinesKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Two versions of a model side by side: per objective availability and downtime before and after, and what each change costs.",
        discussion: "nines diff OLD.yaml NEW.yaml, or nines diff --base <git-rev> MODEL.yaml (the old version is read with 'git show')."
    )

    @Argument(help: "OLD.yaml NEW.yaml, or with --base only MODEL.yaml.")
    var files: [String]

    @Option(help: "Compare MODEL.yaml with its version at this git revision (e.g. origin/main).")
    var base: String?

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    func validate() throws {
        if base == nil && files.count != 2 { throw ValidationError("give OLD.yaml and NEW.yaml, or --base <rev> and one model file") }
        if base != nil && files.count != 1 { throw ValidationError("with --base give exactly one model file") }
    }

    @OptionGroup var inputLimit: InputLimitOptions

    func run() throws {
        let options = inputLimit.loadOptions
        let old: SystemModel
        let oldName: String
        let new: SystemModel
        if let base {
            let path = files[0]
            oldName = "\(base):\(path)"
            old = try ModelLoader.load(text: try GitShow.read(revision: base, path: path, sizeLimit: options.sizeLimit), file: oldName)
            new = try ModelLoader.load(files: [path], options: options)
        } else {
            oldName = files[0]
            old = try ModelLoader.load(files: [files[0]], options: options)
            new = try ModelLoader.load(files: [files[1]], options: options)
        }
        let comparison = ModelComparison(old: old, new: new, oldAnalysis: analyse(old), newAnalysis: analyse(new))
        let report = DiffReportBuilder.diffReport(comparison, old: oldName, new: files.last!)
        Terminal.write(format.renderer().render(report))
    }
}
