import Foundation

/// Reads model files (YAML, format version 1) into a validated `SystemModel`.
///
/// Every problem is collected with its file:line:column; loading fails with all of them at once.
/// See docs/model-format.md for the format.
public enum ModelLoader {
    public static let supportedVersions = [1]
    /// Component entries from which the parsed trees and drafts are freed in the background, and
    /// the freed memory handed back to the system after them (below, the tree is a few MB).
    static let releasedInBackground = 2_000

    /// Loads and merges one or more model files. The first file names the system and its period.
    /// `timings`, when given, records the read, parse and load phases.
    public static func load(files: [String], options: LoadOptions = LoadOptions(),
                            timings: PhaseTimings? = nil) throws(DiagnosticError) -> SystemModel {
        try load(files: files, failureModes: .none, options: options, timings: timings).model
    }

    /// Loads model files and the failure modes asked for, their components checked against the
    /// model: every file is read once. `timings` records the read, parse and load phases of the
    /// model; reading the worksheet comes after its "load model" mark.
    /// `overrides` (`--set`) are written into the parsed files before the model is read.
    /// `removing` loads the same model without one pattern (`PatternKind.removed(from:)`), for
    /// pricing what the pattern buys.
    package static func load(files: [String], failureModes: FailureModeSource, options: LoadOptions = LoadOptions(),
                            overrides: [ModelOverride] = [], removing: PatternKind? = nil,
                            timings: PhaseTimings? = nil) throws(DiagnosticError) -> LoadedModel {
        var documents: [(file: String, text: String)] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let name = SourceFile.displayName(file)
            switch SourceFile.read(file, options: options) {
            case .success(let text):
                if let foreign = InputSignature.refuseForeign(text, file: name) {
                    diagnostics.append(foreign)
                } else {
                    documents.append((name, text))
                }
            case .failure(let error): diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        timings?.mark("read")
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        let parsed = documents.map { (file: $0.file, tree: YAMLParser.parse($0.text, file: $0.file)) }
        timings?.mark("parse YAML")
        let model: SystemModel, embedded: YAMLDocument?, expanded: SystemModel
        do {
            (model, embedded, expanded) = try load(parsed: consume parsed, overrides: overrides, removing: removing,
                                                   keepingFailureModes: failureModes == .embedded)
        } catch {
            throw error.quoting(documents + overrides.map { ($0.file, $0.sourceLine) })
        }
        timings?.mark("load model")
        var loaded: LoadedModel
        switch failureModes {
        case .none:
            loaded = LoadedModel(model: model, worksheet: nil)
        case .embedded:
            do {
                loaded = LoadedModel(model: model, worksheet: try embedded.map { document throws(DiagnosticError) in
                    try WorksheetLoader.read(document, for: model, embedded: true)
                })
            } catch {
                throw error.quoting(documents)
            }
        case .worksheet(let file):
            loaded = LoadedModel(model: model, worksheet: try WorksheetLoader.load(file: file, for: model, options: options))
        }
        loaded.expanded = removing == nil ? expanded : nil
        return loaded
    }

    /// Loads model text already in memory (`file` is only used in messages).
    public static func load(text: String, file: String) throws(DiagnosticError) -> SystemModel {
        try load(documents: [(file, text)])
    }

    package static func load(documents: [(file: String, text: String)], overrides: [ModelOverride] = [],
                            removing: PatternKind? = nil) throws(DiagnosticError) -> SystemModel {
        do {
            return try load(parsed: documents.map { (file: $0.file, tree: YAMLParser.parse($0.text, file: $0.file)) },
                            overrides: overrides, removing: removing).model
        } catch {
            throw error.quoting(documents + overrides.map { ($0.file, $0.sourceLine) })
        }
    }

    /// Loads files already parsed (or refused by the parser, whose diagnostics are then reported).
    /// With `keepingFailureModes`, also hands back the tree of the first file that holds
    /// `failure_modes:`, so the embedded worksheet is read without reading and parsing the file
    /// again; other trees are not kept (a large model's tree takes more memory than the model).
    /// `chain`: the real paths of the models whose `from:` led to these files (none at the top).
    /// `expanded`: the merged model with placement expanded and no pattern folded in yet, from
    /// which `fold(_:removing:)` makes the model again without one pattern.
    /// From `releasedInBackground` component entries, the trees and drafts are freed on a thread of
    /// their own (`BackgroundRelease`) while the model is cross-checked and analysed.
    static func load(parsed given: consuming [(file: String, tree: Result<YAMLValue, DiagnosticError>)], overrides: [ModelOverride] = [],
                     removing: PatternKind? = nil, keepingFailureModes: Bool = false, chain: [String] = [])
        throws(DiagnosticError) -> (model: SystemModel, failureModes: YAMLDocument?, expanded: SystemModel) {
        let collector = DiagnosticCollector()
        // Overlays first, so a `--set` on the command line has the last word.
        let (layered, overlayProblems) = OverlayMerge.apply(to: given)
        collector.append(contentsOf: overlayProblems)
        let (parsed, misdirected) = ModelOverrideApplier.apply(overrides, to: layered)
        collector.append(contentsOf: misdirected)
        var drafts: [ModelDraft] = []
        var worksheet: YAMLDocument?
        for (file, tree) in parsed {
            switch tree {
            case .success(let root):
                drafts.append(ModelDocumentReader(file: file, diagnostics: collector).read(root))
                if keepingFailureModes, worksheet == nil, WorksheetLoader.topLevelValue("failure_modes", in: root) != nil {
                    worksheet = YAMLDocument(file: file, root: root)
                }
            case .failure(let error): collector.append(contentsOf: error.diagnostics)
            }
        }
        let inBackground = drafts.reduce(0) { $0 + $1.outlines.count } >= releasedInBackground
        if inBackground { BackgroundRelease.release((consume given, consume layered, consume parsed)) }
        // Cross-checks run even after field errors, so one run shows every problem of the files read.
        ObjectiveReferences(diagnostics: collector, chain: chain).resolve(&drafts)
        guard let first = drafts.first else { throw DiagnosticError(collector.diagnostics) }
        let placement = PlacementExpansion(drafts: drafts, diagnostics: collector)   // checked with the rest, expanded once valid
        let expanded = ModelValidator(drafts: drafts, diagnostics: collector).merge(into: first).flatMap(placement.expand)
        if inBackground {
            BackgroundRelease.release((consume drafts, consume first))
            BackgroundRelease.returnFreedMemory()
        }
        let model = expanded.flatMap { fold($0, removing: removing, diagnostics: collector) }
        guard !collector.hasErrors, var model, var expanded else { throw DiagnosticError(collector.diagnostics) }
        model.overrides = overrides.map(\.argument)
        expanded.overrides = model.overrides
        return (model, worksheet, expanded)
    }

    /// The model both engines read, from the merged model with placement expanded: the patterns
    /// put into its structure and folded into its figures, all but `removing` (applied once
    /// placement is expanded and before anything is folded; `PatternKind.removed(from:)`).
    static func fold(_ expanded: SystemModel, removing: PatternKind?, diagnostics collector: DiagnosticCollector) -> SystemModel? {
        Optional(removing?.removed(from: expanded) ?? expanded)
            .flatMap(CacheResolution(diagnostics: collector).apply).map(DetectionTime.apply).map(TransientFolding.apply)
            .map(StandbyFolding.apply).map(CrewFolding.apply).map(LatentFolding.apply).map(MaintenanceFolding.apply).map(RetryWindows.apply)
            .flatMap(WriteAheadExpansion(diagnostics: collector).apply)
            .flatMap(SoftDependencyResolution(diagnostics: collector).apply)
    }
}

/// Which FMEA failure modes a model load also reads.
public enum FailureModeSource: Sendable, Equatable {
    /// None: the command does not use them.
    case none
    /// The model files' own `failure_modes:` (of the first file that has them), if any.
    case embedded
    /// This file: a worksheet (its `model:` line is not followed: the worksheet is read against
    /// the model being loaded) or a model file with `failure_modes:`.
    case worksheet(String)
}

/// A loaded model and the failure modes asked for, every one about a component of the model.
public struct LoadedModel: Sendable {
    public var model: SystemModel
    /// Nil when none were asked for, or the model files hold none.
    public var worksheet: FMEAWorksheet?
    /// The merged model with placement expanded, before any pattern was folded in (nil when
    /// loaded without a pattern already).
    var expanded: SystemModel?

    public init(model: SystemModel, worksheet: FMEAWorksheet?) {
        self.model = model
        self.worksheet = worksheet
    }

    /// The same model without one pattern, as loading the files with `removing: kind` gives it,
    /// without reading and parsing them again (what `PatternSavings` prices). Nil when that
    /// model is not valid.
    package func model(without kind: PatternKind) -> SystemModel? {
        let collector = DiagnosticCollector()
        guard let expanded, var model = ModelLoader.fold(expanded, removing: kind, diagnostics: collector), !collector.hasErrors
        else { return nil }
        model.calendar = self.model.calendar   // the calendar options the caller applied
        return model
    }
}
